import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvTextOf, dealRows } from '../../core/importing/fixtures/generateRows';
import { ROOT, runCli } from '../../tests/testing/runCli';
import { initStoreByCli } from '../../tests/testing/cliStore';
import { writeSampleWorkbook } from '../../tests/testing/sampleWorkbook';

let cleanup = () => {};
afterEach(() => cleanup());

function initStore(): { dir: string; db: string } {
  const store = initStoreByCli('140100');
  cleanup = store.cleanup;
  expect(store.init.status).toBe(0);
  return store;
}

interface CliReport {
  new: number;
  updated: number;
  unchanged: number;
  rejected: { sheet: string; row: number; column: string; value: string; reason: string }[];
  sheets: Record<string, { new: number; updated: number; unchanged: number; rejected: number }>;
}

describe('patent-desk import', () => {
  it('imports the sample workbook with no rejected row, every record new, and again with all unchanged', async () => {
    const { dir, db } = initStore();
    const { file, sample } = await writeSampleWorkbook(dir);
    const first = runCli(['--db', db, 'import', file, '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as CliReport;
    expect(report.rejected).toEqual([]);
    expect(Object.keys(report)).toEqual(['new', 'updated', 'unchanged', 'rejected', 'sheets']);
    // Each record the generator wrote comes in once, however its cells were spelled.
    const { records } = sample;
    expect(report.sheets).toEqual({
      交易: { new: records.deals, updated: 0, unchanged: 0, rejected: 0 },
      到账: { new: records.payments, updated: 0, unchanged: 0, rejected: 0 },
      质押: { new: records.pledges, updated: 0, unchanged: 0, rejected: 0 },
      产品备案: { new: records.registrations, updated: 0, unchanged: 0, rejected: 0 },
      企业年度数据: { new: records.enterpriseFigures, updated: 0, unchanged: 0, rejected: 0 },
      奖补: { new: records.subsidies, updated: 0, unchanged: 0, rejected: 0 },
      // The matching pool: one row per offered patent or need.
      专利供给: { new: sample.rows['专利供给'], updated: 0, unchanged: 0, rejected: 0 },
      技术需求: { new: sample.rows['技术需求'], updated: 0, unchanged: 0, rejected: 0 },
    });
    for (const counts of Object.values(report.sheets)) expect(counts.new).toBeGreaterThan(0);

    const again = JSON.parse(runCli(['--db', db, 'import', file, '--json']).stdout) as CliReport;
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: report.new, rejected: [] });
    expect(runCli(['--db', db, 'audit', 'verify']).status).toBe(0);
  });

  it('--dry-run writes nothing; a refused file exits non-zero; --valid-only writes the good rows', () => {
    const { dir, db } = initStore();
    const rows = dealRows(3);
    (rows[1] as (string | null)[])[3] = '202310999716.5';
    const file = path.join(dir, '交易.csv');
    fs.writeFileSync(file, csvTextOf('交易', rows));
    const deals = () => new Database(db, { readonly: true }).prepare('SELECT count(*) FROM deals').pluck().get();

    const dry = runCli(['--db', db, 'import', file, '--dry-run', '--json']);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      new: 2,
      rejected: [{ sheet: '交易', row: 3, column: '专利号', reason: '专利号校验位错误，应为 6' }],
    });
    expect(deals()).toBe(0);

    const refused = runCli(['--db', db, 'import', file]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('整个文件未导入');
    expect(refused.stdout).toContain('交易 第 3 行「专利号」“202310999716.5”：专利号校验位错误，应为 6');
    expect(deals()).toBe(0);

    const valid = runCli(['--db', db, 'import', file, '--valid-only', '--json']);
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ new: 2, rejected: [{ row: 3 }] });
    expect(deals()).toBe(2);
  });

  it('--json prints every refused row, read from the core page by page, as JSON.stringify would', () => {
    const { dir, db } = initStore();
    const rows = dealRows(2100);
    for (const row of rows) row[3] = '202310999716.5';
    const file = path.join(dir, '交易.csv');
    fs.writeFileSync(file, csvTextOf('交易', rows));
    const r = runCli(['--db', db, 'import', file, '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as CliReport;
    expect(r.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.rejected.map((x) => x.row)).toEqual(rows.map((_, i) => i + 2));
    expect(report.rejected[2099]).toEqual({
      sheet: '交易',
      row: 2101,
      column: '专利号',
      value: '202310999716.5',
      reason: '专利号校验位错误，应为 6',
    });
    expect(report.sheets).toEqual({ 交易: { new: 0, updated: 0, unchanged: 0, rejected: 2100 } });
    const text = runCli(['--db', db, 'import', file]);
    expect(text.stdout.split('\n')[0]).toBe(
      '文件中有错误行，按“全部成功才写入”的规则，整个文件未导入：新增 0，更新 0，未变 0，错误 2100 处。',
    );
    expect(text.stdout.trim().split('\n')).toHaveLength(1 + 2100);
  });

  it('refuses a file that is not a spreadsheet with one Chinese message', () => {
    const { dir, db } = initStore();
    const file = path.join(dir, '说明.pdf');
    fs.writeFileSync(file, Buffer.from('%PDF-1.7\n\u0000\u0001binary'));
    const r = runCli(['--db', db, 'import', file]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim()).toBe(
      '无法读取此文件：它不是 Excel 工作簿（.xlsx）或 CSV 文件。请下载导入模板，按模板填写后再导入。',
    );
  });

  it('writes the template with --out, and says in Chinese when it cannot', () => {
    const { dir, db } = initStore();
    const out = path.join(dir, '导入模板.xlsx');
    expect(runCli(['--db', db, 'template', '--out', out]).status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const refused = runCli(['--db', db, 'template', '--out', dir]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`无法写入导入模板 ${dir}：这是一个文件夹，请写出文件名`);
  });

  it('killing the process in the middle of an import leaves no partial import', async () => {
    const { dir, db } = initStore();
    const file = path.join(dir, '交易.csv');
    const rows = dealRows(30_000, 2);
    fs.writeFileSync(file, csvTextOf('交易', rows));
    const auditBefore = new Database(db, { readonly: true }).prepare('SELECT count(*) FROM audit_log').pluck().get();

    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'patent-desk.mjs'), '--db', db, 'import', file], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // Kill it at a point known to be inside the one transaction: the progress line says some rows, not all, are
    // written (the commit comes only after the last row).
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const written = [...stderr.matchAll(/已写入 ([\d,]+) 行/g)].map((m) =>
          Number((m[1] ?? '').replaceAll(',', '')),
        );
        if (written.some((n) => n > 0 && n < rows.length)) resolve(child.kill('SIGKILL'));
      });
      child.on('exit', () => resolve(false));
    });
    expect(killed).toBe(true);
    await new Promise((resolve) => child.on('close', resolve));
    expect(stdout).toBe('');

    const store = new Database(db);
    try {
      expect(store.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(0);
      expect(store.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(0);
      expect(store.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
      expect(store.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    } finally {
      store.close();
    }
    expect(runCli(['--db', db, 'audit', 'verify']).status).toBe(0);
  }, 120_000);

  it('refuses control characters anywhere in a long file and prints the cell escaped, never raw', () => {
    const { dir, db } = initStore();
    const rows = dealRows(6000);
    // Past the first 1,000,000 characters of the file: ESC ] 0 ; … BEL would retitle the terminal, NUL hides the rest.
    const name = '山西\u001b]0;已被篡改\u0007科技\u0000有限公司';
    (rows[5999] as (string | null)[])[7] = name;
    const text = csvTextOf('交易', rows);
    expect(text.indexOf(name)).toBeGreaterThan(1_000_000);
    const file = path.join(dir, '交易.csv');
    fs.writeFileSync(file, text);

    const result = runCli(['--db', db, 'import', file]);
    expect(result.status).toBe(1);
    for (const raw of ['\u0000', '\u0007', '\u001b']) expect(result.stdout).not.toContain(raw);
    expect(result.stdout).toContain('“山西\\u001b]0;已被篡改\\u0007科技\\u0000有限公司”：含有不可见的控制字符');
    expect(new Database(db, { readonly: true }).prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(0);
  });
});
