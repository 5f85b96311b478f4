/**
 * Which template sheet a worksheet (or a CSV) is, and where each of its columns sits. Headers are matched forgivingly
 * (full-width brackets, a trailing unit, a required-marker star, spaces), so a sheet copied from another system
 * with 成交金额(万元) or ＊合同编号 still lines up; a missing required column refuses the file with its name.
 */
import type { RawCell } from './cells';
import { ImportFileError } from './fileErrors';
import { INSTRUCTIONS_SHEET, SHEET_SPECS, type SheetSpec } from './sheets';
import { compactCell } from '../../shared/domain/text';

export interface SheetLayout {
  spec: SheetSpec;
  /** For each column of the spec, the index of the cell holding it, or -1 when the optional column is absent. */
  cellIndex: number[];
  headerRow: number;
}

export function headerKey(header: RawCell): string {
  return compactCell(String(header ?? ''))
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/\([^)]*\)$/, '');
}

const SPEC_BY_NAME = new Map(SHEET_SPECS.map((spec) => [spec.name as string, spec]));

export function isTemplateName(name: string | null): boolean {
  return name !== null && SPEC_BY_NAME.has(compactCell(name));
}

/** The sheet whose headers a row shares most, to name what it lacks. */
export function closestSpec(cells: RawCell[]): SheetSpec {
  const keys = cells.map(headerKey);
  return [...SHEET_SPECS].sort((a, b) => matchCount(b, keys) - matchCount(a, keys))[0] as SheetSpec;
}

export function isInstructionsSheet(name: string | null): boolean {
  return name !== null && compactCell(name) === INSTRUCTIONS_SHEET;
}

function matchCount(spec: SheetSpec, keys: string[]): number {
  return spec.columns.filter((c) => keys.includes(headerKey(c.header))).length;
}

/** The spec a header row belongs to: by the sheet's name when it is a template name, else by the best header match. */
export function specFor(sheetName: string | null, headerCells: RawCell[]): SheetSpec | null {
  const byName = sheetName === null ? undefined : SPEC_BY_NAME.get(compactCell(sheetName));
  if (byName) return byName;
  const keys = headerCells.map(headerKey);
  let best: SheetSpec | null = null;
  let bestScore = 0;
  for (const spec of SHEET_SPECS) {
    const required = spec.columns.filter((c) => c.required);
    if (!required.every((c) => keys.includes(headerKey(c.header)))) continue;
    const score = matchCount(spec, keys);
    if (score > bestScore) [best, bestScore] = [spec, score];
  }
  return best;
}

/** True when a row looks like the header row of some template sheet (at least two known headers). */
export function looksLikeHeader(cells: RawCell[], spec: SheetSpec | null): boolean {
  const keys = cells.map(headerKey);
  const specs = spec ? [spec] : SHEET_SPECS;
  return specs.some((s) => matchCount(s, keys) >= 2);
}

export function layoutOf(spec: SheetSpec, headerCells: RawCell[], headerRow: number, shownName: string): SheetLayout {
  const keys = headerCells.map(headerKey);
  const cellIndex = spec.columns.map((c) => keys.indexOf(headerKey(c.header)));
  const missing = spec.columns.filter((c, i) => c.required && cellIndex[i] === -1).map((c) => c.header);
  if (missing.length > 0) {
    const known = new Set(spec.columns.map((c) => headerKey(c.header)));
    const unknown = headerCells.filter((h, i) => h !== null && keys[i] !== '' && !known.has(keys[i] ?? '')).map(String);
    throw new ImportFileError(
      `工作表“${shownName}”缺少必填列：${missing.join('、')}` +
        (unknown.length ? `；无法识别的列：${unknown.slice(0, 8).join('、')}` : '') +
        '。表头应与导入模板一致，请下载导入模板对照修改。',
    );
  }
  return { spec, cellIndex, headerRow };
}
