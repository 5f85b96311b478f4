import { useSearchParams } from 'react-router-dom';

/**
 * The open tab of the 供需对接 page, kept in the address (?tab=…) so that 返回 from a need's or a patent's matches
 * comes back to the list it was opened from, not to the first tab.
 */
export function useTabParam<K extends string>(keys: readonly K[], fallback: K): [K, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const active = keys.find((k) => k === asked) ?? fallback;
  return [active, (key) => setParams({ tab: key }, { replace: true })];
}
