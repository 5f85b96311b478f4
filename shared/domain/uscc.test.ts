import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from './uscc';

const VERIFIED = '91110000600037341L';
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const usccChar = fc.constantFrom(...USCC_ALPHABET);
const usccDigit = fc.constantFrom(...'0123456789');
/** 17 characters shaped like a real code: authority+type, 6-digit division, 8-char org code body and its check. */
const first17 = fc
  .tuple(
    fc.constantFrom('11', '12', '51', '52', '91', '92', '93', 'Y1'),
    fc.array(usccDigit, { minLength: 6, maxLength: 6 }),
    fc.array(usccChar, { minLength: 8, maxLength: 8 }),
  )
  .map(([head, division, org]) => {
    const orgBody = org.join('');
    const orgCheck = orgCodeCheckChar(orgBody);
    // An org check of X can only stand where the USCC alphabet allows it, which it does (X is in the alphabet).
    return `${head}${division.join('')}${orgBody}${orgCheck}`;
  });
const validUscc = first17.map((s) => s + usccCheckChar(s));

describe('checkUscc', () => {
  it('accepts the verified code 91110000600037341L', () => {
    expect(checkUscc(VERIFIED)).toEqual({ ok: true, normalized: VERIFIED });
  });

  it('accepts it written in lowercase, full width and with spaces', () => {
    expect(checkUscc(' 9111 0000 6000 3734 1l ')).toEqual({ ok: true, normalized: VERIFIED });
    expect(checkUscc(toFullWidth('91110000600037341l'))).toEqual({ ok: true, normalized: VERIFIED });
  });

  it('refuses 91110000600037341M and names the expected check character L', () => {
    expect(checkUscc('91110000600037341M')).toEqual({
      ok: false,
      code: 'USCC_CHECK',
      message: '统一社会信用代码校验位错误，应为 L',
      expectedCheck: 'L',
    });
  });

  it('refuses a code that is not 18 characters long and says how long it is', () => {
    expect(checkUscc('91110000600037341')).toMatchObject({
      ok: false,
      code: 'USCC_FORMAT',
      message: expect.stringMatching(/17 位/),
    });
    expect(checkUscc('')).toMatchObject({ ok: false, code: 'USCC_FORMAT' });
  });

  it('refuses the letters I, O, Z, S and V and says they are never used', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const r = checkUscc(`9111000060003734${letter}L`);
      expect(r).toMatchObject({ ok: false, code: 'USCC_FORMAT' });
      if (!r.ok) expect(r.message).toContain(letter);
    }
  });

  it('warns, without refusing, when only the embedded organization code check fails', () => {
    const body = '91110000600037342'; // the org code 60003734 should end in 1, not 2
    const code = body + usccCheckChar(body);
    const r = checkUscc(code);
    expect(r).toMatchObject({ ok: true, normalized: code, warning: { code: 'USCC_ORG_CHECK' } });
    if (r.ok) expect(r.warning?.message).toMatch(/组织机构代码.*应为 1/);
  });

  it('accepts every code whose check characters are computed by usccCheckChar and orgCodeCheckChar, with no warning', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(checkUscc(code)).toEqual({ ok: true, normalized: code });
        expect(checkUscc(code.toLowerCase())).toEqual({ ok: true, normalized: code });
      }),
    );
  });

  it('refuses every other last character and names the right one', () => {
    fc.assert(
      fc.property(first17, usccChar, (body, last) => {
        const expected = usccCheckChar(body);
        fc.pre(last !== expected);
        expect(checkUscc(body + last)).toMatchObject({ ok: false, code: 'USCC_CHECK', expectedCheck: expected });
      }),
    );
  });

  it('catches any single mistyped character among the first 17', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(16), fc.integer({ min: 1, max: 30 }), (code, at, shift) => {
        const replaced = USCC_ALPHABET[(USCC_ALPHABET.indexOf(code[at] ?? '0') + shift) % 31] ?? '0';
        const typo = code.slice(0, at) + replaced + code.slice(at + 1);
        expect(checkUscc(typo)).toMatchObject({ ok: false, code: 'USCC_CHECK' });
      }),
    );
  });
});

describe('usccCheckChar', () => {
  it('gives L for 91110000600037341', () => {
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('refuses the wrong length or a character outside the alphabet', () => {
    expect(() => usccCheckChar('9111000060003734')).toThrow(RangeError);
    expect(() => usccCheckChar('9111000060003734O')).toThrow(RangeError);
  });

  it('always returns a character of the alphabet', () => {
    fc.assert(
      fc.property(first17, (body) => {
        expect(USCC_ALPHABET).toContain(usccCheckChar(body));
      }),
    );
  });
});

describe('orgCodeCheckChar', () => {
  it('gives 1 for the organization code 60003734', () => {
    expect(orgCodeCheckChar('60003734')).toBe('1');
  });

  it('values letters A–Z as 10–35', () => {
    // Σ = 10·3 + 0 = 30, 30 mod 11 = 8, 11 − 8 = 3
    expect(orgCodeCheckChar('A0000000')).toBe('3');
  });

  it('writes 10 as X and 11 as 0', () => {
    // 00000005: Σ = 5·2 = 10, 11 − 10 = 1 ; 00000006: Σ = 12, 12 mod 11 = 1, 11 − 1 = 10 → X ; 00000000 → 11 → 0
    expect(orgCodeCheckChar('00000005')).toBe('1');
    expect(orgCodeCheckChar('00000006')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });
});
