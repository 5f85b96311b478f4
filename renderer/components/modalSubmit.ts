import { App } from 'antd';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { DeskCallError } from '../transport/desk';
import { showServerIssues } from './FormField';

/**
 * How a form in a modal saves: run the call, then clear the form and close; a refusal naming fields shows under
 * those fields, any other as a message (the modal stays open with what was typed).
 */
export function useModalSubmit<T extends FieldValues>(
  setError: UseFormSetError<T>,
  reset: () => void,
  onClose: (done: boolean) => void,
) {
  const { message } = App.useApp();
  return async (action: () => Promise<void>) => {
    try {
      await action();
      reset();
      onClose(true);
    } catch (error) {
      if (error instanceof DeskCallError && showServerIssues(setError, error.error)) return;
      message.error((error as Error).message);
    }
  };
}
