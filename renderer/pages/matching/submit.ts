import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { showServerIssues } from '../../components/FormField';
import { DeskCallError } from '../../transport/desk';

type Messages = { error: (text: string) => unknown };

/**
 * The submit of a 供需对接 form: the schema checks first (messages at the fields); a refusal of core lands at its
 * fields too (under `record.` for a save), and its Chinese message shows on top.
 */
export function submitWithServerIssues<T extends FieldValues>(
  form: UseFormReturn<T>,
  message: Messages,
  send: (values: T) => Promise<void>,
) {
  return form.handleSubmit(async (values) => {
    try {
      await send(values);
    } catch (error) {
      if (error instanceof DeskCallError) {
        const issues = (error.error.issues ?? []).map((i) => ({
          ...i,
          field: i.field.replace(/^(record|deal)\./, ''),
        }));
        showServerIssues(form.setError, { ...error.error, issues });
      }
      message.error((error as Error).message);
    }
  });
}
