import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { call } from '../../../transport/desk';

const SAVE_DELAY_MS = 800;

/**
 * Keeps the unsaved form in the store (under the signed-in user), so that closing the window or a restart loses
 * nothing; restores it when the form opens again. `enabled` waits until the form's own values are loaded.
 */
export function useDraft<T extends FieldValues, Out>(
  key: string,
  form: UseFormReturn<T, unknown, Out>,
  enabled: boolean,
) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { reset, watch } = form;

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    call('drafts.load', { key })
      .then((draft) => {
        if (cancelled) return;
        if (draft) {
          reset(draft.data as T, { keepDefaultValues: true });
          setRestoredAt(draft.savedAt);
        }
      })
      .catch(() => undefined)
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [key, enabled, reset]);

  useEffect(() => {
    if (!loaded) return;
    let pending: Record<string, unknown> | null = null;
    const save = () => {
      if (pending) void call('drafts.save', { key, data: pending }).catch(() => undefined);
      pending = null;
    };
    const subscription = watch((values) => {
      pending = values as Record<string, unknown>;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(save, SAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      // Leaving the form (保留草稿, another page) keeps what was typed last, not only what was saved before it.
      if (timer.current) {
        clearTimeout(timer.current);
        save();
      }
    };
  }, [loaded, key, watch]);

  const clear = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setRestoredAt(null);
    await call('drafts.clear', { key }).catch(() => undefined);
  };
  return { restoredAt, clear };
}
