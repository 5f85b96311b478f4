import type { WriteOutcome } from '../../shared/contract/filings/records';
import { openLicenseProblems, type ParsedSupply, type SupplyRow } from '../../shared/contract/matching';
import { foldIpc } from '../../shared/domain/ipcIndustries';
import { parsePatentNumber } from '../../shared/domain/patentNumber';
import { refuse } from '../filings/checks';
import { findRecord } from '../filings/findRecord';
import { resolveParty } from '../filings/parties';
import type { RecordOptions } from '../filings/pledges';
import { writeRecord } from '../filings/recordWriter';
import type { Writer } from '../service/context';
import { newId } from '../store/ids';
import { caseBlindLike } from '../filings/queries/search';
import { select, type ReadPlan, type SqlDialect } from '../store/readPlan';
import { SUPPLY } from './tables';
import { indexTerms } from './terms';

/** Creates or updates the offer of one patent, keyed by its number within the region, and indexes its words. */
export function upsertSupply(w: Writer, input: ParsedSupply, options: RecordOptions): WriteOutcome {
  const [problem] = openLicenseProblems(input);
  if (problem) throw refuse(...problem);
  const parsed = parsePatentNumber(input.patentNumber);
  if (!parsed.ok) throw refuse('patentNumber', parsed.message);
  const existing = findRecord(
    w,
    SUPPLY,
    {
      where: { region_code: options.regionCode, patent_number: parsed.normalized },
      field: 'patentNumber',
      label: `专利号 ${parsed.normalized} `,
    },
    options.id,
  );
  const owner = resolveParty(w, input.owner, 'owner');
  const ipc = input.ipcClass ? input.ipcClass.replace(/\s+/g, ' ') : null;
  const outcome = writeRecord(w, SUPPLY, {
    id: (existing?.id as string | undefined) ?? newId(),
    existing,
    actorId: options.actorId,
    values: {
      region_code: options.regionCode,
      patent_number: parsed.normalized,
      title: input.title,
      owner_id: owner.id,
      industry: input.industry,
      ipc_class: ipc && foldIpc(ipc) ? ipc : null,
      keywords: input.keywords ?? '',
      abstract: input.abstract ?? '',
      asking_terms: input.askingTerms || null,
      open_license: input.openLicense ? 1 : 0,
      open_license_fee_fen: input.openLicense ? (input.openLicenseFeeFen ?? null) : null,
      open_license_years: input.openLicense ? (input.openLicenseYears ?? null) : null,
      status: input.status,
    },
  });
  const offered = input.status === '在库' || input.status === '对接中';
  indexTerms(
    w.db,
    'supply_fts',
    outcome.id,
    offered ? { keywords: input.keywords ?? '', body: `${input.title} ${input.abstract ?? ''}` } : null,
  );
  return outcome;
}

/** The contract numbers of a pooled patent's live deals, in order, joined by 、 (the one part that differs by dialect). */
const DEAL_CONTRACTS: Record<SqlDialect, string> = {
  sqlite: `(SELECT group_concat(no, '、') FROM (SELECT d.contract_no AS no FROM deal_patents dp JOIN deals d ON d.id = dp.deal_id
    WHERE dp.patent_number = s.patent_number AND d.voided_at IS NULL ORDER BY d.contract_no))`,
  postgres: `(SELECT string_agg(d.contract_no, '、' ORDER BY d.contract_no) FROM deal_patents dp JOIN deals d ON d.id = dp.deal_id
    WHERE dp.patent_number = s.patent_number AND d.voided_at IS NULL)`,
};

/** The columns of a supply row as the contract shows it (`s` = supply_patents, `o` = its owner). */
export const supplyColumns = (
  dialect: SqlDialect,
) => `s.id, s.region_code, s.patent_number, s.title, s.owner_id, o.name AS owner_name, o.kind AS owner_kind,
  CASE WHEN o.region_code IS NULL THEN s.region_code ELSE o.city_code END AS owner_region, s.industry, s.ipc_class, s.keywords, s.abstract, s.asking_terms,
  s.open_license, s.open_license_fee_fen, s.open_license_years, s.status, s.version, ${DEAL_CONTRACTS[dialect]} AS deal_contracts`;

interface SupplyDbRow {
  id: string;
  region_code: string;
  patent_number: string;
  title: string;
  owner_id: string;
  owner_name: string;
  owner_kind: SupplyRow['ownerKind'];
  owner_region: string | null;
  industry: string;
  ipc_class: string | null;
  keywords: string;
  abstract: string;
  asking_terms: string | null;
  open_license: number;
  open_license_fee_fen: number | null;
  open_license_years: number | null;
  status: SupplyRow['status'];
  version: number;
  deal_contracts: string | null;
}

export function toSupplyRow(r: SupplyDbRow): SupplyRow {
  return {
    id: r.id,
    regionCode: r.region_code,
    patentNumber: r.patent_number,
    title: r.title,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    ownerKind: r.owner_kind,
    ownerRegion: r.owner_region,
    industry: r.industry,
    ipcClass: r.ipc_class,
    keywords: r.keywords,
    abstract: r.abstract,
    askingTerms: r.asking_terms,
    openLicense: r.open_license === 1,
    openLicenseFeeFen: r.open_license_fee_fen,
    openLicenseYears: r.open_license_years,
    status: r.status,
    dealContracts: r.deal_contracts ? r.deal_contracts.split('、') : [],
    version: r.version,
  };
}

export interface SupplyFilter {
  search?: string | null;
  openLicenseOnly: boolean;
  status?: SupplyRow['status'] | null;
  limit: number;
}

/** The pool, newest first: search by patent number, title or owner; open licenses only; by status. */
export function* listSupply(
  filter: SupplyFilter,
  dialect: SqlDialect = 'sqlite',
): ReadPlan<{ rows: SupplyRow[]; total: number }> {
  const where = ['s.voided_at IS NULL'];
  const params: (string | number)[] = [];
  if (filter.search) {
    const like = caseBlindLike(dialect);
    where.push(`(s.patent_number ${like} ? OR s.title ${like} ? OR o.name ${like} ? OR s.keywords ${like} ?)`);
    params.push(...Array<string>(4).fill(`%${filter.search.replace(/[%_]/g, '')}%`));
  }
  if (filter.openLicenseOnly) where.push("s.open_license = 1 AND s.status IN ('在库', '对接中')");
  if (filter.status) {
    where.push('s.status = ?');
    params.push(filter.status);
  }
  const from = `FROM supply_patents s JOIN organizations o ON o.id = s.owner_id WHERE ${where.join(' AND ')}`;
  const rows = yield* select<SupplyDbRow>(
    `SELECT ${supplyColumns(dialect)} ${from} ORDER BY s.created_at DESC, s.id DESC LIMIT ?`,
    [...params, filter.limit],
  );
  const [counted] = yield* select<{ n: number }>(`SELECT count(*) AS n ${from}`, params);
  return { rows: rows.map(toSupplyRow), total: counted?.n ?? 0 };
}

export function* readSupply(id: string, dialect: SqlDialect = 'sqlite'): ReadPlan<SupplyRow | null> {
  const [row] = yield* select<SupplyDbRow>(
    `SELECT ${supplyColumns(dialect)} FROM supply_patents s JOIN organizations o ON o.id = s.owner_id WHERE s.id = ? AND s.voided_at IS NULL`,
    [id],
  );
  return row ? toSupplyRow(row) : null;
}
