import { App } from 'antd';
import { useState } from 'react';

/**
 * A button's work: `pending` while it runs (to disable or spin the button), its note shown when it ends, a refusal
 * shown as its Chinese message. The work returns the note to show, or nothing.
 */
export function useAction(): { run: (work: () => Promise<string | null | void>) => Promise<void>; pending: boolean } {
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  const run = async (work: () => Promise<string | null | void>) => {
    setPending(true);
    try {
      const note = await work();
      if (note) message.info(note);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}
