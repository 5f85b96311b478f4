import { useEffect, useEffectEvent, useState } from 'react';

/** What a search-as-you-type box shows. */
export interface SearchState<T> {
  /**
   * The answer to the latest text asked; while the next text waits for its answer the previous answer stays (the
   * list does not flicker as the caseworker types). null while the box is empty or nothing has answered yet.
   */
  found: T | null;
  /** The Chinese reason the latest text was refused, if it was. */
  error: string | null;
}

interface Answer<T> {
  found: T | null;
  error: string | null;
}

const NOTHING = { found: null, error: null };

/**
 * Searches as the caseworker types: `ask` runs once the text has stood still for `waitMs` (a word typed quickly asks
 * once, not once a letter), and only the answer to the latest text is shown — an answer to a text since typed over
 * comes back too late to count (latest answer wins). An empty box (blanks only) asks nothing and shows nothing.
 */
export function useSearch<T>(text: string, ask: (text: string) => Promise<T>, waitMs: number): SearchState<T> {
  const [answer, setAnswer] = useState<Answer<T>>(NOTHING);
  const onAsk = useEffectEvent(ask);
  const question = text.trim();

  useEffect(() => {
    if (!question) return;
    let live = true;
    const timer = setTimeout(() => {
      onAsk(question).then(
        (found) => live && setAnswer({ found, error: null }),
        (error: Error) => live && setAnswer({ found: null, error: error.message }),
      );
    }, waitMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [question, waitMs]);

  return question ? answer : NOTHING;
}
