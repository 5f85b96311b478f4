import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { NeedRow, ParsedNeed } from '../../shared/contract/matching';
import { findRecord } from '../filings/findRecord';
import { resolveParty } from '../filings/parties';
import type { RecordOptions } from '../filings/pledges';
import { writeRecord } from '../filings/recordWriter';
import type { Writer } from '../service/context';
import { newId } from '../store/ids';
import { caseBlindLike } from '../filings/queries/search';
import { select, type ReadPlan, type SqlDialect } from '../store/readPlan';
import { NEEDS } from './tables';
import { indexTerms } from './terms';

/** Creates or updates an enterprise's technology need, keyed by 需求编号 within the region, and indexes its words. */
export function upsertNeed(w: Writer, input: ParsedNeed, options: RecordOptions): WriteOutcome {
  const existing = findRecord(
    w,
    NEEDS,
    {
      where: { region_code: options.regionCode, need_no: input.needNo },
      field: 'needNo',
      label: `需求编号 ${input.needNo} `,
    },
    options.id,
  );
  const enterprise = resolveParty(w, input.enterprise, 'enterprise');
  const outcome = writeRecord(w, NEEDS, {
    id: (existing?.id as string | undefined) ?? newId(),
    existing,
    actorId: options.actorId,
    values: {
      region_code: options.regionCode,
      need_no: input.needNo,
      enterprise_id: enterprise.id,
      industry: input.industry,
      need_text: input.needText,
      keywords: input.keywords ?? '',
      budget_fen: input.budgetFen ?? null,
      urgency: input.urgency,
    },
  });
  indexTerms(w.db, 'need_fts', outcome.id, { keywords: input.keywords ?? '', body: input.needText });
  return outcome;
}

/** The columns of a need row as the contract shows it (`n` = tech_needs, `o` = its enterprise). */
export const NEED_COLUMNS = `n.id, n.region_code, n.need_no, n.enterprise_id, o.name AS enterprise_name, o.kind AS enterprise_kind, o.size AS enterprise_size,
  CASE WHEN o.region_code IS NULL THEN n.region_code ELSE o.city_code END AS enterprise_region, n.industry, n.need_text, n.keywords, n.budget_fen, n.urgency, n.version`;

interface NeedDbRow {
  id: string;
  region_code: string;
  need_no: string;
  enterprise_id: string;
  enterprise_name: string;
  enterprise_kind: NeedRow['enterpriseKind'];
  enterprise_size: NeedRow['enterpriseSize'];
  enterprise_region: string | null;
  industry: string;
  need_text: string;
  keywords: string;
  budget_fen: number | null;
  urgency: NeedRow['urgency'];
  version: number;
}

export function toNeedRow(r: NeedDbRow): NeedRow {
  return {
    id: r.id,
    regionCode: r.region_code,
    needNo: r.need_no,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    enterpriseKind: r.enterprise_kind,
    enterpriseSize: r.enterprise_size,
    enterpriseRegion: r.enterprise_region,
    industry: r.industry,
    needText: r.need_text,
    keywords: r.keywords,
    budgetFen: r.budget_fen,
    urgency: r.urgency,
    version: r.version,
  };
}

const FROM = 'FROM tech_needs n JOIN organizations o ON o.id = n.enterprise_id WHERE n.voided_at IS NULL';

/** The needs, newest first; search by number, enterprise or text. */
export function* listNeeds(
  filter: { search?: string | null; limit: number },
  dialect: SqlDialect = 'sqlite',
): ReadPlan<{ rows: NeedRow[]; total: number }> {
  const like = caseBlindLike(dialect);
  const search = filter.search
    ? ` AND (n.need_no ${like} ? OR o.name ${like} ? OR n.need_text ${like} ? OR n.keywords ${like} ?)`
    : '';
  const params = filter.search ? Array<string>(4).fill(`%${filter.search.replace(/[%_]/g, '')}%`) : [];
  const rows = yield* select<NeedDbRow>(
    `SELECT ${NEED_COLUMNS} ${FROM}${search} ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
    [...params, filter.limit],
  );
  const [counted] = yield* select<{ n: number }>(`SELECT count(*) AS n ${FROM}${search}`, params);
  return { rows: rows.map(toNeedRow), total: counted?.n ?? 0 };
}

export function* readNeed(id: string): ReadPlan<NeedRow | null> {
  const [row] = yield* select<NeedDbRow>(`SELECT ${NEED_COLUMNS} ${FROM} AND n.id = ?`, [id]);
  return row ? toNeedRow(row) : null;
}
