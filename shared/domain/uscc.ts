/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015, DOMAIN.md §3.
 * 18 characters: 1 registration authority, 2 type, 3–8 administrative division, 9–17 organization code (GB 11714,
 * itself ending in its own check character), 18 check character.
 */
import { compactCell } from './text';

/** The code's alphabet; a character's value is its index (0–30). I, O, Z, S and V are never used. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type UsccResult =
  | { ok: true; normalized: string; warning?: { code: 'USCC_ORG_CHECK'; message: string } }
  | { ok: false; code: 'USCC_FORMAT' | 'USCC_CHECK'; message: string; expectedCheck?: string };

/** Check character (position 18) for the first 17 characters: 31 − (Σ value·weight mod 31), 31 → 0. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar expects 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`usccCheckChar: "${first17[i]}" is not in the USCC alphabet`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '0';
}

/**
 * Check character of a GB 11714 organization code for its first 8 characters (digits, or letters A–Z valued 10–35):
 * 11 − (Σ value·weight mod 11); 10 → X, 11 → 0.
 */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError(`orgCodeCheckChar expects 8 of 0-9A-Z, got "${first8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i] ?? '0', 36) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Validates a USCC after folding width, spaces and case. A code failing only the embedded org-code check passes with a warning. */
export function checkUscc(input: string): UsccResult {
  const code = compactCell(String(input ?? '')).toUpperCase();
  if (code === '') return { ok: false, code: 'USCC_FORMAT', message: '统一社会信用代码为空' };
  if (code.length !== 18) {
    return { ok: false, code: 'USCC_FORMAT', message: `统一社会信用代码应为 18 位，当前为 ${code.length} 位` };
  }
  const bad = [...code].find((ch) => !USCC_ALPHABET.includes(ch));
  if (bad !== undefined) {
    const hint = /[IOZSV]/.test(bad) ? '（统一社会信用代码不使用字母 I、O、Z、S、V）' : '';
    return { ok: false, code: 'USCC_FORMAT', message: `统一社会信用代码含有无效字符“${bad}”${hint}` };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      code: 'USCC_CHECK',
      message: `统一社会信用代码校验位错误，应为 ${expected}`,
      expectedCheck: expected,
    };
  }
  // Some codes in circulation carry an organization code whose own check is wrong; the registry still issued them,
  // so this is a warning the user may override, not a rejection (DOMAIN.md §3).
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgExpected) {
    return {
      ok: true,
      normalized: code,
      warning: {
        code: 'USCC_ORG_CHECK',
        message: `统一社会信用代码中的组织机构代码（第 9–17 位）校验位不符，应为 ${orgExpected}；请核实后确认`,
      },
    };
  }
  return { ok: true, normalized: code };
}
