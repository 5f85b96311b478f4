/**
 * From parsed rows to records: rows sharing a 合同编号 / 质押登记号 / 备案号 form one record and must agree on every
 * record-level cell (each disagreeing row is reported); the other sheets have one record per row, and the same key
 * twice in one file is reported on its second row.
 */
import type { ImportSheet, RejectedRow } from '../../shared/contract/importing';
import { isBlank, shownValue, type CellValue } from './cells';
import {
  buildDeal,
  buildFigures,
  buildPayment,
  buildPledge,
  buildRegistration,
  buildSubsidy,
  buildSupply,
  buildNeed,
  dealRowProblems,
  paymentRowProblems,
} from './buildRecords';
import type { ParsedRow, Problem } from './parseRow';
import type { SheetPart } from './readImportFile';
import type { SourcedRecord } from './records';
import type { StagedRow } from './stagedRows';
import type { SheetSpec } from './sheets';

export interface Assembled {
  records: SourcedRecord<ImportSheet>[];
  rejected: RejectedRow[];
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

const keyOf = (v: CellValue) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** A cell that was written but could not be read: reported on its own, not again as a disagreement. */
const refused = (row: ParsedRow, i: number) => row.values[i] === null && !isBlank(row.raw[i] ?? null);

/** Each row that differs from the group's first row on a record-level cell, with the cells it differs in. */
function disagreements(spec: SheetSpec, group: ParsedRow[]): (Problem & { row: number })[] {
  const first = group[0] as ParsedRow;
  const perRow = new Set(spec.perRow ?? []);
  const problems: (Problem & { row: number })[] = [];
  for (const row of group.slice(1)) {
    spec.columns.forEach((column, i) => {
      if (perRow.has(column.header) || refused(row, i) || refused(first, i)) return;
      if (sameValue(row.values[i] ?? null, first.values[i] ?? null)) return;
      problems.push({
        row: row.rowNumber,
        column: column.header,
        value: shownValue(row.raw[i] ?? null),
        reason: `同一${spec.groupBy}的各行必须一致：本行为“${shownValue(row.raw[i] ?? null)}”，第 ${first.rowNumber} 行为“${shownValue(first.raw[i] ?? null)}”`,
      });
    });
  }
  return problems;
}

const BUILD_ONE = {
  到账: buildPayment,
  企业年度数据: buildFigures,
  奖补: buildSubsidy,
  专利供给: buildSupply,
  技术需求: buildNeed,
} as const;
const BUILD_GROUP = { 交易: buildDeal, 质押: buildPledge, 产品备案: buildRegistration } as const;
const ROW_RULES: Partial<Record<ImportSheet, (row: ParsedRow) => Problem[]>> = {
  交易: dealRowProblems,
  到账: paymentRowProblems,
};

/** The natural key of a one-row record, for duplicates inside the file. */
const ONE_ROW_KEY: Record<keyof typeof BUILD_ONE, (r: ParsedRow, spec: SheetSpec) => string> = {
  到账: (r) => JSON.stringify(r.values),
  企业年度数据: (r, spec) =>
    JSON.stringify([
      r.values[spec.columns.findIndex((c) => c.header === '统一社会信用代码')],
      r.values[spec.columns.findIndex((c) => c.header === '年度')],
    ]),
  奖补: (r) => JSON.stringify(r.values[0]),
  专利供给: (r) => JSON.stringify(r.values[0]),
  技术需求: (r) => JSON.stringify(r.values[0]),
};

/** Rules within one row that span several of its cells; checked as the row is read. */
export function rowRuleProblems(spec: SheetSpec, row: ParsedRow): Problem[] {
  return ROW_RULES[spec.name]?.(row) ?? [];
}

/**
 * Which record a row belongs to: its 合同编号 / 质押登记号 / 备案号 on the sheets of several rows per record, its
 * natural key on the others (rows sharing it are duplicates).
 */
export function recordKeyOf(spec: SheetSpec, row: ParsedRow): string {
  if (!spec.groupBy) return ONE_ROW_KEY[spec.name as keyof typeof BUILD_ONE](row, spec);
  const keyIndex = spec.columns.findIndex((c) => c.header === spec.groupBy);
  return keyOf(row.values[keyIndex] ?? null);
}

/**
 * One record from the rows that share its key (in row order), or the reasons it is refused. Rows already refused
 * for a cell or a row rule are `bad`; `validOnly` decides whether the other rows of their group are reported too
 * (they are not imported either: a deal is never written without one of its patents).
 */
export function assembleGroup(
  part: Pick<SheetPart, 'spec' | 'sheet'>,
  group: StagedRow[],
  validOnly: boolean,
): Assembled {
  const { spec, sheet } = part;
  const records: SourcedRecord<ImportSheet>[] = [];
  const rejected: RejectedRow[] = [];
  const bad = new Set(group.filter((r) => r.bad).map((r) => r.rowNumber));
  const reject = (row: number, p: Problem) => {
    rejected.push({ sheet, row, ...p });
    bad.add(row);
  };
  if (spec.groupBy) {
    for (const p of disagreements(spec, group)) reject(p.row, p);
    const badInGroup = group.filter((r) => bad.has(r.rowNumber));
    if (badInGroup.length > 0) {
      if (validOnly) {
        const named = badInGroup.map((r) => r.rowNumber).join('、');
        for (const r of group) {
          if (!bad.has(r.rowNumber)) {
            rejected.push({
              sheet,
              row: r.rowNumber,
              column: spec.groupBy,
              value: shownValue(r.raw[0] ?? null),
              reason: `同一${spec.groupBy}的第 ${named} 行有误，整条记录未导入`,
            });
          }
        }
      }
      return { records, rejected };
    }
    const built = BUILD_GROUP[spec.name as keyof typeof BUILD_GROUP](group);
    if (!built.ok) {
      for (const p of built.problems) reject(p.row, p);
      return { records, rejected };
    }
    records.push({
      sheet: spec.name,
      sheetName: sheet,
      rows: group,
      record: built.record,
    } as SourcedRecord<ImportSheet>);
    return { records, rejected };
  }
  const name = spec.name as keyof typeof BUILD_ONE;
  let first: StagedRow | undefined;
  for (const row of group) {
    if (bad.has(row.rowNumber)) continue;
    if (first) {
      reject(row.rowNumber, {
        column: spec.columns[0]?.header ?? '',
        value: shownValue(row.raw[0] ?? null),
        reason: `与第 ${first.rowNumber} 行重复`,
      });
      continue;
    }
    first = row;
    records.push({
      sheet: spec.name,
      sheetName: sheet,
      rows: [row],
      record: BUILD_ONE[name](row),
    } as SourcedRecord<ImportSheet>);
  }
  return { records, rejected };
}
