import { useEffect } from 'react';

/**
 * A form that shows a stored value: its fields are set to the value each time one arrives (read, or handed back by a
 * save), and wait for it before then.
 */
export function useFormFollows<T>(stored: T | undefined, reset: (values: T) => void): void {
  useEffect(() => {
    if (stored !== undefined) reset(stored);
  }, [stored, reset]);
}
