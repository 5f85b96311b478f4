/**
 * Forgiving reading of one cell (DESIGN §3): full-width digits and punctuation, thousands separators, trailing
 * spaces, dates as Excel serials or `2022/3/5` or `2022年3月5日`, regions by code or name. Every refusal is a Chinese
 * sentence that tells the caseworker what to write instead.
 */
import { parseDate } from '../../shared/domain/dates';
import { parseWanToFen } from '../../shared/domain/money';
import { parsePatentNumber, type PatentType } from '../../shared/domain/patentNumber';
import { resolveRegion } from '../../shared/domain/regions';
import { compactCell, hasControlChars, normalizeCell } from '../../shared/domain/text';
import { checkUscc } from '../../shared/domain/uscc';
import type { CellKind } from './sheets';

/** A cell as the readers hand it over: xlsx cells keep their type, CSV cells are text. */
export type RawCell = string | number | boolean | Date | null;

export interface RegionValue {
  code: string;
  cityCode: string | null;
  inShanxi: boolean;
}
export interface PatentValue {
  number: string;
  type: PatentType;
}
export type CellValue = string | number | RegionValue | PatentValue | null;

export type CellResult = { ok: true; value: CellValue } | { ok: false; reason: string };

/** Longest text one cell may hold; it is also Excel's own limit. */
export const MAX_CELL_CHARS = 32767;

const ok = (value: CellValue): CellResult => ({ ok: true, value });
const refuse = (reason: string): CellResult => ({ ok: false, reason });

/** How the cell is shown back in the report: as the person wrote it, dates of xlsx as ISO. */
export function shownValue(raw: RawCell): string {
  if (raw === null) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  const text = String(raw);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function isBlank(raw: RawCell): boolean {
  return raw === null || (typeof raw === 'string' && normalizeCell(raw) === '');
}

function textOf(raw: RawCell): string {
  // An invalid Date (a damaged date cell) has no ISO form; its text ('Invalid Date') is then refused by the parsers.
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? String(raw) : raw.toISOString().slice(0, 10);
  return normalizeCell(String(raw));
}

function parseInteger(raw: RawCell, min: number, max: number, unit: string | undefined): CellResult {
  let text = typeof raw === 'number' ? String(raw) : compactCell(textOf(raw));
  if (unit) text = text.replace(new RegExp(`${unit}$`), '');
  if (/^\d{1,3}(,\d{3})+$/.test(text)) text = text.replace(/,/g, '');
  if (/^\d+\.0+$/.test(text)) text = text.replace(/\.0+$/, '');
  if (!/^\d+$/.test(text)) return refuse(`应为整数${unit ? `（${unit}）` : ''}，当前为“${shownValue(raw)}”`);
  const n = Number(text);
  if (n < min || n > max) return refuse(`应在 ${min} 到 ${max} 之间，当前为 ${n}`);
  return ok(n);
}

function parseEnum(raw: RawCell, values: readonly string[]): CellResult {
  const text = compactCell(textOf(raw));
  if (values.includes(text)) return ok(text);
  // 市/县 in a kind column or "开放许可" typed as "开放" are common; only exact words are stored.
  const byPrefix = values.filter((v) => v.startsWith(text) && text.length >= 2);
  if (byPrefix.length === 1) return ok(byPrefix[0] ?? text);
  return refuse(`应为 ${values.join('、')} 之一，当前为“${shownValue(raw)}”`);
}

/** Parses a non-blank cell by its column's kind. Blank cells are handled by the caller (required or not). */
export function parseCell(raw: RawCell, kind: CellKind): CellResult {
  if (typeof raw === 'boolean') return refuse(`不应为逻辑值（${raw ? 'TRUE' : 'FALSE'}）`);
  if (typeof raw === 'string' && raw.length > MAX_CELL_CHARS) return refuse(`内容超过 ${MAX_CELL_CHARS} 个字符`);
  if (typeof raw === 'string' && hasControlChars(raw))
    return refuse('含有不可见的控制字符（如 ESC、NUL，多由其他系统导出时带入），请在 Excel 中删除后重新导入');
  switch (kind.type) {
    case 'text': {
      const text = textOf(raw);
      return text.length > kind.max ? refuse(`不能超过 ${kind.max} 个字，当前 ${text.length} 个字`) : ok(text);
    }
    case 'code': {
      // Identifiers: spaces carry no meaning; a number cell such as 2022001 is kept as its digits.
      const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : compactCell(textOf(raw));
      return text.length > kind.max ? refuse(`不能超过 ${kind.max} 个字符`) : ok(text.toUpperCase());
    }
    case 'enum':
      return parseEnum(raw, kind.values);
    case 'date': {
      const result = parseDate(raw instanceof Date || typeof raw === 'number' ? raw : String(raw));
      return result.ok ? ok(result.iso) : refuse(result.message);
    }
    case 'money': {
      const result = parseWanToFen(raw instanceof Date ? shownValue(raw) : (raw ?? ''));
      return result.ok ? ok(result.fen) : refuse(result.message);
    }
    case 'integer':
      return parseInteger(raw, kind.min, kind.max, kind.unit);
    case 'region': {
      const result = resolveRegion(typeof raw === 'number' ? String(raw) : textOf(raw));
      return result.ok
        ? ok({ code: result.code, cityCode: result.cityCode, inShanxi: result.inShanxi })
        : refuse(result.message);
    }
    case 'patent': {
      const result = parsePatentNumber(typeof raw === 'number' ? String(raw) : textOf(raw));
      return result.ok ? ok({ number: result.normalized, type: result.type }) : refuse(result.message);
    }
    case 'uscc': {
      const result = checkUscc(textOf(raw));
      // A code failing only its embedded org-code check was issued all the same (DOMAIN §3): accept it.
      return result.ok ? ok(result.normalized) : refuse(result.message);
    }
  }
}
