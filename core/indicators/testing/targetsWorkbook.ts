import ExcelJS from 'exceljs';

/** A targets workbook as a person fills in the template (目标, 基期), base64 as targets.import takes it. */
export async function targetsWorkbook(targets: unknown[][], baselines: unknown[][] = []): Promise<string> {
  const book = new ExcelJS.Workbook();
  book
    .addWorksheet('目标')
    .addRows([['地区', '指标', '起始年度', '截止年度', '目标值', '要求年均增幅（%）'], ...targets]);
  book.addWorksheet('基期').addRows([['地区', '指标', '年度', '基期值'], ...baselines]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
