import { App } from 'antd';
import { useEffect, useEffectEvent } from 'react';

/**
 * Follows work running in core (an import, a scan, a sync): calls `tick` every `everyMs` while `active`, one call at
 * a time (the next waits for the answer, so a slow machine is not flooded), until `active` turns false or the screen
 * closes. A tick that fails stops the following and says why in Chinese.
 */
export function usePoll(tick: () => Promise<unknown>, everyMs: number, active: boolean): void {
  const { message } = App.useApp();
  const onTick = useEffectEvent(tick);
  const onFailure = useEffectEvent((error: Error) => void message.error(error.message));

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer = setTimeout(() => {
        onTick().then(
          () => !stopped && schedule(),
          (error: Error) => !stopped && onFailure(error),
        );
      }, everyMs);
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, everyMs]);
}
