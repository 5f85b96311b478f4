import { zodResolver } from '@hookform/resolvers/zod';
import { App } from 'antd';
import { type DefaultValues, type FieldValues, useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
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

/** What a 供需对接 list hands the form of one of its rows. */
export interface PoolFormProps<R> {
  /** The row to change; null to add one. */
  editing: R | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * A 供需对接 form over the contract's schema, starting from `initial`: `save` checks it and sends it as
 * submitWithServerIssues does; the words `send` answers are shown as its success, and then `onSaved` runs.
 */
export function usePoolForm<T extends FieldValues>(
  schema: z.ZodType,
  initial: T,
  onSaved: () => void,
  send: (values: T) => Promise<string>,
) {
  const { message } = App.useApp();
  const form = useForm<T>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: initial as DefaultValues<T>,
    mode: 'onTouched',
    // Our widgets do not all hand react-hook-form a focusable ref.
    shouldFocusError: false,
  });
  const save = submitWithServerIssues(form, message, async (values) => {
    message.success(await send(values));
    onSaved();
  });
  return { form, control: form.control, save };
}
