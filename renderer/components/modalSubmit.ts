import { App } from 'antd';
import type { FieldValues, UseFormHandleSubmit, UseFormSetError } from 'react-hook-form';
import { DeskCallError } from '../transport/desk';
import { showServerIssues } from './FormField';

/**
 * Says why the desk refused a form's call: under the fields the refusal names, or else its Chinese message as a toast
 * (the form keeps what was typed).
 */
export function useRefusal<T extends FieldValues>(setError: UseFormSetError<T>): (error: unknown) => void {
  const { message } = App.useApp();
  return (error) => {
    if (error instanceof DeskCallError && showServerIssues(setError, error.error)) return;
    message.error((error as Error).message);
  };
}

/**
 * A form's submit: checks it (messages at the fields), runs `work` with its values, and says a refusal as useRefusal
 * says it.
 */
export function useSubmit<T extends FieldValues>(
  handleSubmit: UseFormHandleSubmit<T>,
  setError: UseFormSetError<T>,
  work: (values: T) => Promise<void>,
) {
  const refused = useRefusal(setError);
  return handleSubmit(async (values) => {
    try {
      await work(values);
    } catch (error) {
      refused(error);
    }
  });
}

/**
 * How a form in a modal saves: run the call, then clear the form and close; a refusal is said as useRefusal says it
 * (the modal stays open with what was typed).
 */
export function useModalSubmit<T extends FieldValues>(
  setError: UseFormSetError<T>,
  reset: () => void,
  onClose: (done: boolean) => void,
) {
  const refused = useRefusal(setError);
  return async (action: () => Promise<void>) => {
    try {
      await action();
      reset();
      onClose(true);
    } catch (error) {
      refused(error);
    }
  };
}
