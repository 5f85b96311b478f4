import { useState } from 'react';

/**
 * Which row of a 供需对接 list is open in its form: a row, 'new' for one being added, or none. `saved` closes the form
 * and reads the list again.
 */
export function useEditing<T>(reload: () => void) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const close = () => setEditing(null);
  return {
    open: editing !== null,
    /** The row being changed; null while adding one. */
    row: editing === 'new' ? null : editing,
    edit: (row: T | 'new') => setEditing(row),
    close,
    saved: () => {
      close();
      reload();
    },
  };
}
