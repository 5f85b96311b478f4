/**
 * 导入模板.xlsx (DESIGN §3): an instructions sheet, then one sheet per kind with the fixed Chinese headers, a note on
 * each header, and drop-down lists for the enumerations over the first rows people will fill.
 */
import ExcelJS from 'exceljs';
import type { FileDownload } from '../../shared/contract/common';
import { XLSX_MIME } from '../exporting/tableFile';
import { INSTRUCTIONS_SHEET, SHEET_SPECS, type ColumnSpec } from './sheets';

export const TEMPLATE_FILE_NAME = '导入模板.xlsx';
/** Drop-downs and formats cover this many data rows. */
const TEMPLATE_ROWS = 5000;

const KIND_LABEL: Record<ColumnSpec['kind']['type'], string> = {
  text: '文字',
  code: '编号',
  enum: '下拉选择',
  date: '日期',
  money: '金额（万元）',
  integer: '整数',
  region: '所在地',
  patent: '专利号',
  uscc: '统一社会信用代码',
};

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function addInstructions(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [
    { header: '工作表', width: 14 },
    { header: '列名', width: 26 },
    { header: '必填', width: 8 },
    { header: '类型', width: 16 },
    { header: '填写说明', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  const intro = [
    '请在各工作表第 1 行表头下方逐行填写，不要修改、删除或调换表头；不用的工作表可以留空或删除。',
    '同一合同编号（交易）、质押登记号（质押）、备案号（产品备案）的多行合为一条记录，每行一个专利，其余各列必须一致。',
    '日期可写 2022-03-05、2022/3/5、2022年3月5日；金额单位为万元，可带千分位逗号；全角数字和多余空格会自动处理。',
    '导入时默认“全部成功才写入”：有任何一行有误，整个文件都不写入，并列出每个有误的行、列和原因。同一文件重复导入不会重复记录。',
  ];
  for (const line of intro) ws.addRow(['说明', '', '', '', line]);
  ws.addRow([]);
  for (const spec of SHEET_SPECS) {
    ws.addRow([spec.name, `每行：${spec.rowIs}`, '', '', '']).font = { bold: true };
    for (const column of spec.columns) {
      ws.addRow([spec.name, column.header, column.required ? '是' : '', KIND_LABEL[column.kind.type], column.hint]);
    }
  }
}

/** exceljs keeps range validations in `dataValidations` (one entry per range, not one per cell); its typings omit it. */
function dataValidationsOf(ws: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function addDataSheet(workbook: ExcelJS.Workbook, spec: (typeof SHEET_SPECS)[number]): void {
  const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${column.required ? '必填。' : '选填。'}${column.hint}`;
    if (column.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    const letter = columnLetter(i);
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    if (column.kind.type === 'enum') {
      dataValidationsOf(ws).add(range, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${column.kind.values.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请从下拉列表中选择',
        error: `${column.header}应为：${column.kind.values.join('、')}`,
      });
    }
    // Codes and patent numbers as text, so that Excel neither drops leading zeros nor writes 2.02E+11.
    if (['code', 'patent', 'uscc', 'region'].includes(column.kind.type)) ws.getColumn(i + 1).numFmt = '@';
  });
}

/** The template as a workbook, for writing as it is or with rows filled in (`patent-desk sample`). */
export function templateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '专利转化工作台';
  addInstructions(workbook);
  for (const spec of SHEET_SPECS) addDataSheet(workbook, spec);
  return workbook;
}

export async function buildTemplate(): Promise<Buffer> {
  return Buffer.from(await templateWorkbook().xlsx.writeBuffer());
}

export async function templateDownload(): Promise<FileDownload> {
  return { fileName: TEMPLATE_FILE_NAME, mimeType: XLSX_MIME, base64: (await buildTemplate()).toString('base64') };
}
