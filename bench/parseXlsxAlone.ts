// `npx tsx bench/parseXlsxAlone.ts FILE`: exceljs' WorkbookReader reading every row of FILE and nothing else, the
// import figures' baseline, run in a child process of its own so that its peak memory is its own.
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2] ?? '', {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
});
let cells = 0;
for await (const sheet of reader) for await (const row of sheet) cells += (row.values as unknown[]).length;
process.stdout.write(`${cells}\n`);
