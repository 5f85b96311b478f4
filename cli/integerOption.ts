import { CliFailure } from './context';

/** A count or seed given on the command line; anything else ends the command in Chinese. */
export function nonNegativeInt(label: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new CliFailure(`${label}应为非负整数：${value}`);
  return n;
}
