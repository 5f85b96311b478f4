import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import { call } from '../transport/desk';

/** What a screen shows from one contract call. */
export interface CallState<T> {
  /** The answer to the question asked now; undefined while it is out or when it was refused. */
  value: T | undefined;
  /** The latest answer to any question: a list keeps showing it while its next page or filter is asked (no flicker). */
  latest: T | undefined;
  /** The Chinese reason the latest question was refused, if it was. */
  error: string | null;
  /** A question is out whose answer has not come back. */
  loading: boolean;
  /** Asks the same question again (after a change elsewhere on the screen). */
  reload: () => void;
  /**
   * Takes an answer the screen already holds as the answer to the question asked now, without asking again: a save
   * that hands back the stored view (targets, rule thresholds) shows it at once, with no second read.
   */
  replace: (value: T) => void;
}

interface Answer<T> {
  question: string;
  value?: T;
  error: string | null;
}

/**
 * Reads from the desk through one contract method, asking again whenever the input changes (compared by value, as
 * it travels), when `again` changes (a print view's run token) or on `reload()`. `input: null` asks nothing yet.
 */
export function useCall<K extends MethodName>(
  method: K,
  input: MethodInput<K> | null,
  again: unknown = null,
): CallState<MethodOutput<K>> {
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<Answer<MethodOutput<K>> | null>(null);
  const [latest, setLatest] = useState<MethodOutput<K> | undefined>(undefined);
  const json = input === null ? null : JSON.stringify(input);
  const question = json === null ? null : JSON.stringify([method, json, again, round]);

  useEffect(() => {
    if (question === null || json === null) return;
    let live = true;
    call(method, JSON.parse(json) as MethodInput<K>).then(
      (value) => {
        if (!live) return;
        setAnswer({ question, value, error: null });
        setLatest(value);
      },
      (error: Error) => live && setAnswer({ question, error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [method, json, question]);

  const answered = answer !== null && answer.question === question;
  return {
    value: answered ? answer.value : undefined,
    latest,
    error: answered ? answer.error : null,
    loading: question !== null && !answered,
    reload: () => setRound((r) => r + 1),
    replace: (value) => {
      if (question === null) return;
      setAnswer({ question, value, error: null });
      setLatest(value);
    },
  };
}
