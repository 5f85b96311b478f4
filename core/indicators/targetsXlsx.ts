/**
 * Targets and 2020 baselines exchanged as xlsx: sheet 目标 (地区, 指标, 起始年度, 截止年度, 目标值, 要求年均增幅（%）) and
 * sheet 基期 (地区, 指标, 年度, 基期值). Money is written in 万元; counts in 项/家. Every bad cell is reported with its
 * sheet, row and column; nothing is written unless the whole file is good.
 */
import ExcelJS from 'exceljs';
import type { BaselineRow, TargetRow } from '../../shared/contract/indicators';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../shared/indicators/ids';
import { formatFenAsWan, parseWanToFen } from '../../shared/domain/money';
import { CITY_REGIONS, PROVINCE, PROVINCE_CODE, regionName, resolveRegion } from '../../shared/domain/regions';
import { compactCell } from '../../shared/domain/text';
import type { StoredTarget } from './targetsStore';

export const TARGET_SHEET = '目标';
export const BASELINE_SHEET = '基期';
const TARGET_HEADERS = ['地区', '指标', '起始年度', '截止年度', '目标值', '要求年均增幅（%）'] as const;
const BASELINE_HEADERS = ['地区', '指标', '年度', '基期值'] as const;

export interface Rejection {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  return compactCell(String(value));
}

function readRegion(text: string): string | null {
  if (text === PROVINCE_CODE || text === PROVINCE.name || text === PROVINCE.shortName || text === '全省')
    return PROVINCE_CODE;
  const region = resolveRegion(text);
  if (!region.ok || !region.inShanxi || region.cityCode === null) return null;
  return CITY_REGIONS.some((r) => r.code === region.code) ? region.code : null;
}

function readIndicator(text: string): IndicatorId | null {
  const upper = text.toUpperCase();
  const byId = INDICATOR_IDS.find((id) => id.toUpperCase() === upper);
  if (byId) return byId;
  return INDICATOR_IDS.find((id) => INDICATORS[id].name === text || INDICATORS[id].shortName === text) ?? null;
}

function readYear(text: string): number | null {
  return /^\d{4}$/.test(text) && Number(text) >= 2020 && Number(text) <= 2100 ? Number(text) : null;
}

/** A target or baseline cell in the indicator's unit: 万元 → 分 for money, whole numbers otherwise. */
function readAmount(indicator: IndicatorId, text: string): { ok: true; value: number } | { ok: false; reason: string } {
  if (INDICATORS[indicator].kind === 'money') {
    const money = parseWanToFen(text);
    return money.ok ? { ok: true, value: money.fen } : { ok: false, reason: `${money.message}（金额以万元填写）` };
  }
  const plain = text.replace(/[,，]/g, '');
  if (!/^\d+$/.test(plain)) return { ok: false, reason: `应填写非负整数（单位：${INDICATORS[indicator].unit}）` };
  return { ok: true, value: Number(plain) };
}

export interface ParsedTargets {
  targets: TargetRow[];
  baselines: BaselineRow[];
  rejected: Rejection[];
}

export async function parseTargetsWorkbook(content: Buffer): Promise<ParsedTargets> {
  const workbook = new ExcelJS.Workbook();
  const result: ParsedTargets = { targets: [], baselines: [], rejected: [] };
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    result.rejected.push({
      sheet: '',
      row: 0,
      column: '',
      value: '',
      reason: '无法读取文件：请上传 .xlsx 格式的目标与基期表（可先下载模板）',
    });
    return result;
  }
  const targetSheet = workbook.getWorksheet(TARGET_SHEET);
  const baselineSheet = workbook.getWorksheet(BASELINE_SHEET);
  if (!targetSheet && !baselineSheet) {
    result.rejected.push({
      sheet: '',
      row: 0,
      column: '',
      value: '',
      reason: `文件中没有名为“${TARGET_SHEET}”或“${BASELINE_SHEET}”的工作表，请使用模板`,
    });
    return result;
  }
  const reject = (sheet: string, row: number, column: string, value: string, reason: string) =>
    result.rejected.push({ sheet, row, column, value, reason });

  const eachRow = (
    sheet: ExcelJS.Worksheet,
    headers: readonly string[],
    read: (cells: string[], row: number) => void,
  ) => {
    const headerRow = headers.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
    headers.forEach((h, i) => {
      if (headerRow[i] !== compactCell(h))
        reject(sheet.name, 1, h, headerRow[i] ?? '', `第 ${i + 1} 列的表头应为“${h}”`);
    });
    if (result.rejected.length) return;
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells = headers.map((_, i) => cellText(row.getCell(i + 1).value));
      if (cells.every((c) => c === '')) return;
      read(cells, number);
    });
  };

  const common = (sheet: string, row: number, cells: string[]) => {
    const [regionText = '', indicatorText = ''] = cells;
    const region = readRegion(regionText);
    if (!region)
      reject(
        sheet,
        row,
        '地区',
        regionText,
        '应为 11 个地市之一、综改区或全省（代码或名称，如 140100、太原市、综改区、140000）',
      );
    const indicator = readIndicator(indicatorText);
    if (!indicator) reject(sheet, row, '指标', indicatorText, `应为指标编号 ${INDICATOR_IDS.join('、')} 或指标名称`);
    return region && indicator ? { region, indicator } : null;
  };

  if (targetSheet) {
    eachRow(targetSheet, TARGET_HEADERS, (cells, row) => {
      const key = common(TARGET_SHEET, row, cells);
      const [, , fromText = '', toText = '', targetText = '', growthText = ''] = cells;
      const yearFrom = readYear(fromText);
      const yearTo = readYear(toText);
      if (yearFrom === null) reject(TARGET_SHEET, row, '起始年度', fromText, '应为 2020–2100 之间的四位年份');
      if (yearTo === null) reject(TARGET_SHEET, row, '截止年度', toText, '应为 2020–2100 之间的四位年份');
      if (yearFrom !== null && yearTo !== null && yearTo < yearFrom)
        reject(TARGET_SHEET, row, '截止年度', toText, '截止年度不能早于起始年度');
      let target: number | null = null;
      if (key && targetText !== '') {
        const amount = readAmount(key.indicator, targetText);
        if (amount.ok) target = amount.value;
        else reject(TARGET_SHEET, row, '目标值', targetText, amount.reason);
      }
      let requiredGrowth: number | null = null;
      if (growthText !== '') {
        const percent = growthText.replace(/[%％]$/, '');
        if (!/^-?\d+(\.\d+)?$/.test(percent))
          reject(TARGET_SHEET, row, '要求年均增幅（%）', growthText, '应填写百分数，如 40 表示 40%');
        else requiredGrowth = Math.round(Number(percent) * 1e6) / 1e8;
      }
      if (key && yearFrom !== null && yearTo !== null) {
        result.targets.push({
          regionCode: key.region,
          indicator: key.indicator,
          yearFrom,
          yearTo,
          target,
          requiredGrowth,
        });
      }
    });
  }
  if (baselineSheet) {
    eachRow(baselineSheet, BASELINE_HEADERS, (cells, row) => {
      const key = common(BASELINE_SHEET, row, cells);
      const [, , yearText = '', valueText = ''] = cells;
      const year = readYear(yearText);
      if (year === null) reject(BASELINE_SHEET, row, '年度', yearText, '应为 2020–2100 之间的四位年份');
      if (!key) return;
      const amount = readAmount(key.indicator, valueText);
      if (!amount.ok) reject(BASELINE_SHEET, row, '基期值', valueText, amount.reason);
      else if (year !== null)
        result.baselines.push({ regionCode: key.region, indicator: key.indicator, year, value: amount.value });
    });
  }
  return result;
}

function shownAmount(indicator: IndicatorId, value: number | null): string | number {
  if (value === null) return '';
  return INDICATORS[indicator].kind === 'money' ? Number(formatFenAsWan(value, 6)) : value;
}

/** The template, filled with the targets and baselines in force. */
export async function targetsWorkbook(
  targets: readonly StoredTarget[],
  baselines: readonly BaselineRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const name = (code: string) => regionName(code) ?? code;
  const targetSheet = workbook.addWorksheet(TARGET_SHEET);
  targetSheet.addRow([...TARGET_HEADERS, '说明']);
  for (const t of targets) {
    targetSheet.addRow([
      name(t.regionCode),
      t.indicator,
      t.yearFrom,
      t.yearTo,
      shownAmount(t.indicator, t.target),
      t.requiredGrowth === null ? '' : Math.round(t.requiredGrowth * 1e6) / 1e4,
      `${INDICATORS[t.indicator].name}（${INDICATORS[t.indicator].unit}）`,
    ]);
  }
  const baselineSheet = workbook.addWorksheet(BASELINE_SHEET);
  baselineSheet.addRow([...BASELINE_HEADERS, '说明']);
  for (const b of baselines) {
    baselineSheet.addRow([
      name(b.regionCode),
      b.indicator,
      b.year,
      shownAmount(b.indicator, b.value),
      `${INDICATORS[b.indicator].name}（${INDICATORS[b.indicator].unit}）`,
    ]);
  }
  for (const sheet of [targetSheet, baselineSheet]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 22 : i >= 5 ? 36 : 14));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
