import { App } from 'antd';
import { useState } from 'react';

/** What a button's work may hand back: a note to show (a path written, a count), or nothing. */
type Work = () => Promise<string | null | void>;

/**
 * A button's work: `pending` while it runs (to disable or spin the button), `done` shown as a success when it ends
 * (已保存), the note it returns shown after it, a refusal shown as its Chinese message. `run` resolves true when the
 * work ended well, so a caller can go on (close a dialog) only then.
 */
export function useAction(): { run: (work: Work, done?: string) => Promise<boolean>; pending: boolean } {
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  const run = async (work: Work, done?: string) => {
    setPending(true);
    try {
      const note = await work();
      if (done) message.success(done);
      if (note) message.info(note);
      return true;
    } catch (error) {
      message.error((error as Error).message);
      return false;
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}
