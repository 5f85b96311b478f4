import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { verifyAuditChain } from '../audit/auditLog';
import { csvTextOf, dealRows, figuresRows, paymentRows, workbookOf, type Row } from './fixtures/generateRows';
import { businessContent, importBytes, storeFilesHash } from './testing';

type Store = Awaited<ReturnType<typeof setUpStore>>;
let store: Store;

beforeEach(async () => {
  store = await setUpStore('140100');
});
afterEach(() => store.close());

const count = (table: string) =>
  store.service.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Fills the template the app hands out, sheet by sheet, below its fixed headers. */
async function fillTemplate(sheets: Record<string, Row[]>): Promise<Buffer> {
  const template = await store.call('import.template', {});
  expect(template.fileName).toBe('导入模板.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer);
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`template has no sheet ${name}`);
    rows.forEach((row, i) => (ws.getRow(i + 2).values = row));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the import template', () => {
  it('has the sheets and fixed Chinese headers of DESIGN §3 with drop-downs and an instructions sheet', async () => {
    const template = await store.call('import.template', {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '填写说明',
      '交易',
      '到账',
      '质押',
      '产品备案',
      '企业年度数据',
      '奖补',
      '专利供给',
      '技术需求',
    ]);
    expect(workbook.getWorksheet('到账')?.getRow(1).values).toEqual([
      undefined,
      '合同编号',
      '到账日期',
      '到账金额（万元）',
      '凭证号',
    ]);
    expect(workbook.getWorksheet('交易')?.getCell('B2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"转让,许可,作价入股"'],
    });
  });

  it('filled with valid rows imports every row, and importing it again reports all unchanged', async () => {
    const deals = dealRows(12, 2);
    const contractNos = [...new Set(deals.map((r) => r[0] as string))];
    const file = await fillTemplate({ 交易: deals, 到账: paymentRows(contractNos), 企业年度数据: figuresRows(5) });

    const first = await importBytes(store.call, file);
    expect(first.state).toBe('已完成');
    expect(first.report).toMatchObject({ new: 12 + 12 + 5, updated: 0, unchanged: 0, rejected: [], written: true });
    expect(first.report?.sheets['交易']).toEqual({ new: 12, updated: 0, unchanged: 0, rejected: 0 });
    expect(count('deal_patents')).toBe(24);
    const outboxAfterFirst = count('outbox');

    const again = await importBytes(store.call, file);
    expect(again.report).toMatchObject({ new: 0, updated: 0, unchanged: 29, rejected: [] });
    expect(count('outbox')).toBe(outboxAfterFirst);
    const audited = store.service.store.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'import.file' ORDER BY seq")
      .pluck()
      .all() as string[];
    expect(audited.map((d) => JSON.parse(d) as Record<string, unknown>)).toMatchObject([
      { fileName: '导入.xlsx', new: 29 },
      { unchanged: 29 },
    ]);
  });

  it("imported patents and parties are found by the lists' search as soon as the import is done", async () => {
    // The search indexes are brought up to date once at the end of the import (migration 24), not row by row.
    await importBytes(store.call, await workbookOf({ 交易: dealRows(3, 2) }));
    const byTitle = await store.call('deals.list', { search: '测试方法3' });
    expect(byTitle.rows.map((r) => r.contractNo)).toEqual(['HT-2022-000001']);
    const parties = await store.call('parties.search', { query: '第1科技' });
    expect(parties.map((p) => p.name)).toEqual(['山西第1科技有限公司']);
    store.service.store.db.prepare("INSERT INTO patents_fts(patents_fts, rank) VALUES ('integrity-check', 1)").run();
  });

  it('reports a changed row as updated, a new version of the deal', async () => {
    const deals = dealRows(3);
    await importBytes(store.call, await workbookOf({ 交易: deals }));
    const changed = deals.map((r, i) => (i === 1 ? r.map((c, j) => (j === 19 ? '999' : c)) : r));
    const job = await importBytes(store.call, await workbookOf({ 交易: changed }));
    expect(job.report).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    expect(
      store.service.store.db
        .prepare("SELECT version, amount_fen FROM deals WHERE contract_no = 'HT-2022-000001'")
        .get(),
    ).toEqual({ version: 2, amount_fen: 999_000_000 });
  });
});

describe('CSV', () => {
  it('a GBK CSV and a UTF-8 CSV of the same rows give identical stores', async () => {
    const text = csvTextOf('交易', dealRows(8, 2));
    const other = await setUpStore('140100');
    try {
      const utf8 = await importBytes(
        store.call,
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
        { fileName: '交易.csv' },
      );
      const gbk = await importBytes(other.call, iconv.encode(text, 'gbk'), { fileName: '交易.csv' });
      expect(utf8.report).toMatchObject({ new: 8, rejected: [] });
      expect(gbk.report).toMatchObject({ new: 8, rejected: [] });
      expect(businessContent(other.service.store.db)).toEqual(businessContent(store.service.store.db));
      expect(
        (businessContent(store.service.store.db).organizations as unknown[][]).some((o) =>
          String(o[0]).startsWith('太原第'),
        ),
      ).toBe(true);
    } finally {
      other.close();
    }
  });

  it('reads UTF-8 without BOM, semicolon-free comma CSV with quoted fields and line breaks', async () => {
    const rows = dealRows(2);
    (rows[0] as Row)[4] = '一种"防尘",可折叠\n装置';
    const job = await importBytes(store.call, Buffer.from(csvTextOf('交易', rows), 'utf8'), { fileName: 'deals.csv' });
    expect(job.report?.rejected).toEqual([]);
    expect(store.service.store.db.prepare('SELECT title FROM patents ORDER BY number LIMIT 1').pluck().get()).toBe(
      '一种"防尘",可折叠 装置',
    );
  });
});

describe('bad rows', () => {
  function badDeals(): Row[] {
    const rows = dealRows(4, 2);
    (rows[1] as Row)[3] = '202310999716.5'; // wrong check character
    (rows[4] as Row)[10] = '火星市'; // unknown region
    (rows[4] as Row)[19] = '-3'; // negative amount
    (rows[7] as Row)[1] = '作价入股'; // disagrees with the first row of its deal
    return rows;
  }

  it('refuses the file whole and names every bad row and column', async () => {
    const before = storeFilesHash(store.dbPath);
    const job = await importBytes(store.call, await workbookOf({ 交易: badDeals() }));
    expect(job.state).toBe('已完成');
    const report = job.report!;
    expect(report.written).toBe(false);
    expect(report.new).toBe(0);
    expect(report.rejected).toHaveLength(4);
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        { sheet: '交易', row: 3, column: '专利号', value: '202310999716.5', reason: '专利号校验位错误，应为 6' },
        expect.objectContaining({ sheet: '交易', row: 6, column: '让与方所在地', value: '火星市' }),
        expect.objectContaining({
          sheet: '交易',
          row: 6,
          column: '成交金额（万元）',
          reason: expect.stringContaining('负数'),
        }),
        expect.objectContaining({
          sheet: '交易',
          row: 9,
          column: '交易类型',
          value: '作价入股',
          reason: expect.stringContaining('第 8 行'),
        }),
      ]),
    );
    expect(count('deals')).toBe(0);
    expect(storeFilesHash(store.dbPath)).toBe(before);
  });

  it('more refused rows than the report carries: the report has the first, the rest come page by page, in row order', async () => {
    // The refused rows are written to a file as they are found, not held: the report carries the first 200.
    const rows = dealRows(250);
    for (const row of rows) row[3] = '202310999716.5';
    const job = await importBytes(store.call, Buffer.from(csvTextOf('交易', rows), 'utf8'), { fileName: 'deals.csv' });
    const report = job.report!;
    expect(report).toMatchObject({ written: false, rejectedTotal: 250, sheets: { 交易: { rejected: 250 } } });
    expect(report.rejected).toHaveLength(200);
    const all = await store.call('import.rejectedPage', { jobId: job.jobId, offset: 0, limit: 2000 });
    expect(all.total).toBe(250);
    expect(all.rows.slice(0, 200)).toEqual(report.rejected);
    expect(all.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
    const page = await store.call('import.rejectedPage', { jobId: job.jobId, offset: 240, limit: 100 });
    expect(page.rows.map((r) => r.row)).toEqual([242, 243, 244, 245, 246, 247, 248, 249, 250, 251]);
    expect(page.rows[0]).toEqual({
      sheet: '交易',
      row: 242,
      column: '专利号',
      value: '202310999716.5',
      reason: '专利号校验位错误，应为 6',
    });

    const file = await store.call('import.reportFile', { jobId: job.jobId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('错误行')?.actualRowCount).toBe(1 + 250);
  });

  it('with valid rows only, imports the good deals and lists the bad ones', async () => {
    const job = await importBytes(store.call, await workbookOf({ 交易: badDeals() }), { validOnly: true });
    expect(job.report).toMatchObject({ new: 1, written: true });
    expect(store.service.store.db.prepare('SELECT contract_no FROM deals').pluck().all()).toEqual(['HT-2022-000001']);
    const rowsNamed = new Set(job.report!.rejected.map((r) => r.row));
    expect([...rowsNamed].sort((a, b) => a - b)).toEqual([2, 3, 6, 7, 8, 9]);
  });

  it('reports a payment whose deal is in neither the file nor the store', async () => {
    const job = await importBytes(store.call, await workbookOf({ 到账: [['HT-NONE', '2022-05-01', '1', 'P1']] }));
    expect(job.report?.rejected).toEqual([
      expect.objectContaining({
        sheet: '到账',
        row: 2,
        column: '合同编号',
        value: 'HT-NONE',
        reason: expect.stringContaining('找不到合同编号为 HT-NONE 的交易'),
      }),
    ]);
  });

  it('with valid rows only, a deal refused by the filings checks lists all its rows', async () => {
    const rows = dealRows(2, 2);
    for (const row of rows.slice(0, 2)) row[18] = '2021-01-01'; // recorded before its contract date
    const job = await importBytes(store.call, await workbookOf({ 交易: rows }), { validOnly: true });
    expect(job.report).toMatchObject({ new: 1, written: true });
    expect(job.report?.rejected).toEqual([
      expect.objectContaining({ row: 2, column: '备案日期', reason: expect.stringContaining('不能早于合同日期') }),
      expect.objectContaining({ row: 3, column: '合同编号', reason: '同一合同编号的第 2 行有误，整条记录未导入' }),
    ]);
  });

  it('with valid rows only, a deal refused after its parties were written leaves the audit chain whole', async () => {
    const rows = dealRows(2, 1);
    (rows[0] as Row)[5] = '2099-01-01'; // a filing date in the future, refused only once its new parties are written
    const job = await importBytes(store.call, await workbookOf({ 交易: rows }), { validOnly: true });
    expect(job.report).toMatchObject({ new: 1, written: true });
    expect(job.report?.rejected).toEqual([expect.objectContaining({ row: 2, column: '申请日' })]);
    expect(count('organizations')).toBe(2);
    expect(verifyAuditChain(store.service.store.db)).toMatchObject({ ok: true });
  });

  it('a dry run reports what would be imported and writes nothing', async () => {
    const before = storeFilesHash(store.dbPath);
    const job = await importBytes(store.call, await workbookOf({ 交易: dealRows(3) }), { dryRun: true });
    expect(job.report).toMatchObject({ new: 3, written: false, dryRun: true });
    expect(storeFilesHash(store.dbPath)).toBe(before);
  });
});

describe('broken files', () => {
  async function refused(bytes: Buffer, fileName = '导入.xlsx'): Promise<string> {
    const before = storeFilesHash(store.dbPath);
    const job = await importBytes(store.call, bytes, { fileName });
    expect(job.state).toBe('失败');
    expect(job.report).toBeNull();
    expect(storeFilesHash(store.dbPath)).toBe(before);
    return job.error ?? '';
  }

  it('not a spreadsheet', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(await refused(png, '照片.xlsx')).toMatch(/不是 Excel 工作簿（\.xlsx）或 CSV 文件/);
  });

  it('a truncated xlsx', async () => {
    const whole = await workbookOf({ 交易: dealRows(50) });
    expect(await refused(whole.subarray(0, Math.floor(whole.length * 0.6)))).toMatch(/文件不完整或已损坏/);
  });

  it('an empty sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('交易');
    expect(await refused(Buffer.from(await workbook.xlsx.writeBuffer()))).toMatch(/没有找到可导入的工作表或数据行/);
  });

  it('a sheet with headers only', async () => {
    expect(await refused(await workbookOf({ 交易: [] }))).toMatch(/只有表头，没有数据行/);
  });

  it('unknown headers', async () => {
    const csv = Buffer.from('名称,金额,备注\n某公司,12,无\n', 'utf8');
    expect(await refused(csv, '清单.csv')).toMatch(/无法识别此 CSV 文件的表头/);
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('交易');
    ws.addRow(['合同号', '类型', '专利']);
    ws.addRow(['A-1', '转让', '202010310978.3']);
    expect(await refused(Buffer.from(await workbook.xlsx.writeBuffer()))).toMatch(
      /工作表“交易”缺少必填列：合同编号、交易类型/,
    );
  });

  it('a 50 MB cell', async () => {
    const header = csvTextOf('交易', []);
    const huge = Buffer.concat([
      Buffer.from(header, 'utf8'),
      Buffer.from('HT-1,转让,,'),
      Buffer.alloc(50 * 1024 * 1024, 'x'),
      Buffer.from('\r\n'),
    ]);
    expect(await refused(huge, '交易.csv')).toMatch(/第 2 行有一个单元格超过 32767 个字符/);
  });

  it('an xlsx with a cell of 40,000 characters', async () => {
    const rows = dealRows(1);
    (rows[0] as Row)[4] = randomBytes(20_000).toString('hex');
    expect(await refused(await workbookOf({ 交易: rows }))).toMatch(/工作表“交易”第 2 行有一个单元格超过 32767 个字符/);
  });

  it('an xlsx with a 50 MB cell of one letter repeated, as a zip bomb, before it is unpacked', async () => {
    const rows = dealRows(1);
    (rows[0] as Row)[4] = 'x'.repeat(50 * 1024 * 1024);
    expect(await refused(await workbookOf({ 交易: rows }))).toMatch(
      /^共享字符串（各工作表单元格中的文字）的压缩比异常：解压后是压缩后的 [\d,]+ 倍，上限为 100 倍。/,
    );
  });
});

describe('cancel', () => {
  it('leaves the store as it was', async () => {
    const bytes = Buffer.from(csvTextOf('交易', dealRows(20_000)), 'utf8');
    const before = storeFilesHash(store.dbPath);
    const started = await store.call('import.start', { fileName: '交易.csv', base64: bytes.toString('base64') });
    await store.call('import.cancel', { jobId: started.jobId });
    let job = started;
    while (job.state === '读取中' || job.state === '写入中') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await store.call('import.status', { jobId: job.jobId });
    }
    expect(job.state).toBe('已取消');
    expect(count('deals')).toBe(0);
    expect(storeFilesHash(store.dbPath)).toBe(before);
  });
});
