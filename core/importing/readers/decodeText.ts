/**
 * CSV text in whatever encoding Excel and the bureaus' systems wrote it: UTF-8 with or without BOM, UTF-16 with BOM
 * (Excel's "Unicode text"), or GB18030/GBK (Excel on Chinese Windows). Strict UTF-8 is tried first: GBK bytes are
 * almost never valid UTF-8, while UTF-8 bytes often decode as (wrong) GBK.
 */
import iconv from 'iconv-lite';
import { ImportFileError } from '../fileErrors';
import { NOT_A_SPREADSHEET } from './sniff';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

// Anything below space except tab, LF, CR: a text file never has them, a binary file always does.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  let decoded: { text: string; encoding: TextEncoding };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: strictUtf8(bytes.subarray(3)) ?? '', encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    const utf8 = strictUtf8(bytes);
    decoded =
      utf8 !== null ? { text: utf8, encoding: 'utf-8' } : { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
  if (CONTROL.test(decoded.text.slice(0, 1_000_000)) || decoded.text.includes('\ufffd')) {
    throw new ImportFileError(NOT_A_SPREADSHEET);
  }
  return decoded;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
