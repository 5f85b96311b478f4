/** Test helpers: run an import through the contract as a caller would (start, then poll) and fingerprint a store. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ImportJob } from '../../shared/contract/importing';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import type Database from 'better-sqlite3';

type Call = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodOutput<K>>;

export async function importBytes(
  call: Call,
  bytes: Buffer,
  options: { fileName?: string; validOnly?: boolean; dryRun?: boolean } = {},
): Promise<ImportJob> {
  let job = await call('import.start', {
    fileName: options.fileName ?? '导入.xlsx',
    base64: bytes.toString('base64'),
    validOnly: options.validOnly ?? false,
    dryRun: options.dryRun ?? false,
  });
  while (job.state === '读取中' || job.state === '写入中') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = await call('import.status', { jobId: job.jobId });
  }
  return job;
}

/** Hash of the store's files on disk: equal before and after means not one byte was written. */
export function storeFilesHash(dbPath: string): string {
  const hash = createHash('sha256');
  for (const file of [dbPath, `${dbPath}-wal`]) if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** The business content of the filings tables, without ids and times: two stores with the same records agree on it. */
export function businessContent(db: Database.Database): Record<string, unknown[]> {
  const q = (sql: string) => db.prepare(sql).raw().all();
  return {
    organizations: q(
      'SELECT name, uscc, kind, region_code, city_code, size FROM organizations ORDER BY name_norm, uscc',
    ),
    patents: q('SELECT number, type, title, filing_date, status FROM patents ORDER BY number'),
    deals:
      q(`SELECT d.contract_no, d.kind, d.license_mode, a.name, b.name, d.assignee_size, d.industry, d.contract_date, d.recordation_date,
      d.amount_fen, d.license_end_date, d.patent_count, d.version FROM deals d JOIN organizations a ON a.id = d.assignor_id
      JOIN organizations b ON b.id = d.assignee_id ORDER BY d.contract_no`),
    dealPatents: q(
      'SELECT d.contract_no, p.patent_number FROM deal_patents p JOIN deals d ON d.id = p.deal_id ORDER BY 1, 2',
    ),
    payments: q(
      'SELECT d.contract_no, p.paid_date, p.amount_fen, p.voucher_no FROM payments p JOIN deals d ON d.id = p.deal_id ORDER BY 1, 2, 3, 4',
    ),
    figures: q(
      'SELECT o.uscc, f.year, f.revenue_fen, f.employees, f.sector FROM enterprise_figures f JOIN organizations o ON o.id = f.organization_id ORDER BY 1, 2',
    ),
  };
}
