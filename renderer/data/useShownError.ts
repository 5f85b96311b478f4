import { App } from 'antd';
import { useEffect } from 'react';

/**
 * Shows a refused read (useCall's `error`) as the desk shows refusals: its Chinese message in a toast, once each time
 * a question is refused. For screens that keep what they had and say why in passing, not in place of the page.
 */
export function useShownError(error: string | null): void {
  const { message } = App.useApp();
  useEffect(() => {
    if (error) message.error(error);
  }, [error, message]);
}
