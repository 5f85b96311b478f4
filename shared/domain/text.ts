/**
 * Cell text normalization shared by every parser of imported data.
 * People type into Excel with Chinese input methods, so full-width ASCII, ideographic spaces,
 * non-breaking spaces and stray zero-width characters are all ordinary and must not cause a rejection.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

// Zero-width characters survive copy-paste from web pages and are invisible in a cell.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

// C0 controls other than tab, line feed and carriage return, then DEL and the C1 controls. Nobody types them into a
// name; a terminal obeys them (ESC starts an escape sequence, BEL rings), and a name holding one looks like another
// on screen while comparing different. Line breaks and tabs are ordinary in a cell and folded by normalizeCell.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Whether the text holds a control character anywhere (the whole text is read, however long). */
export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS.test(s);
}

/** Maps full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space U+3000 to a space. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) out += String.fromCharCode(code - FULL_TO_HALF_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

// Anything normalizeCell would change: full-width ASCII, zero-width characters, whitespace other than a single inner
// space. Most cells of a large import have none of it, and returning them as they are (the same string, no copy)
// makes reading 100,000 rows markedly cheaper in time and memory.
const NEEDS_NORMALIZING = /[\uff01-\uff5e\u200b-\u200d\u2060\ufeff]|[^\S ]|\s\s|^\s|\s$/;

/** Full-width to half-width, zero-width characters removed, trimmed, inner whitespace runs collapsed to one space. */
export function normalizeCell(s: string): string {
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return toHalfWidth(s).replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** normalizeCell, then every whitespace removed: for identifiers where spaces carry no meaning. */
export function compactCell(s: string): string {
  return normalizeCell(s).replace(/ /g, '');
}

/**
 * The key under which two spellings of one party's name are considered the same party.
 * Width, spaces, bracket style and Latin letter case are folded; the legal suffix (有限公司, 股份有限公司 …) is kept
 * on purpose: two companies that differ only in their suffix are different legal persons.
 */
export function normalizeOrgName(name: string): string {
  // Full-width brackets （） are inside U+FF01–FF5E and already folded by normalizeCell.
  return compactCell(name).replace(/[a-z]/g, (c) => c.toUpperCase());
}
