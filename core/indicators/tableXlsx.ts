import ExcelJS from 'exceljs';

/** A chart's table as an xlsx: a title row, bold headers, the rows as shown. */
export async function tableWorkbook(
  title: string,
  headers: string[],
  rows: (string | number | null)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.replace(/[\\/?*[\]:]/g, '_').slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? '—'));
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 24 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
