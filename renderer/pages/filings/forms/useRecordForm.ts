import { zodResolver } from '@hookform/resolvers/zod';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { type DefaultValues, type FieldValues, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { FORM_CALLS, type KindDetail } from '../calls';
import type { KindKey } from '../kinds';

/**
 * A filing form over the contract's own schema (the Chinese messages of shared/ show at the fields); for an edit,
 * the record is loaded and turned back into the form's values.
 */
export function useRecordForm<K extends KindKey, S extends z.ZodType<FieldValues, FieldValues>>(
  kind: K,
  schema: S,
  empty: z.input<S>,
  id: string | undefined,
  toInput: (detail: KindDetail<K>) => z.input<S>,
) {
  const { message } = App.useApp();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: empty as DefaultValues<z.input<S>>,
    mode: 'onTouched',
    // Our widgets do not all hand react-hook-form a focusable ref; FormShell scrolls to the first error instead.
    shouldFocusError: false,
  });
  const [ready, setReady] = useState(!id);
  const { reset } = form;
  useEffect(() => {
    if (!id) return;
    FORM_CALLS[kind]
      .load(id)
      .then((detail) => {
        reset(toInput(detail));
        setReady(true);
      })
      .catch((error: Error) => message.error(error.message));
  }, [id, kind, message, reset, toInput]);
  return { form, ready };
}
