import type { ParsedDeal } from '../../shared/contract/filings/deals';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { MatchmakingRow, ParsedMatchmaking } from '../../shared/contract/matching';
import { parsePatentNumber } from '../../shared/domain/patentNumber';
import { refuse, refuseFutureDates } from '../filings/checks';
import type { RecordOptions } from '../filings/pledges';
import { createDeal } from '../filings/recordHandlers';
import { readRow, type Row, writeRecord } from '../filings/recordWriter';
import type { Writer } from '../service/context';
import { Conditions } from '../filings/queries/filterBuilder';
import { newId } from '../store/ids';
import { select, type PlannedRead, type ReadPlan } from '../store/readPlan';
import { MATCHMAKINGS, NEEDS, SUPPLY } from './tables';
import { indexTerms } from './terms';

function active(
  w: Writer,
  spec: typeof SUPPLY | typeof NEEDS | typeof MATCHMAKINGS,
  id: string,
  field: string,
  what: string,
): Row {
  const row = readRow(w, spec, id);
  if (!row || row.voided_at) throw refuse(field, `找不到该${what}，可能已作废，请重新选择`);
  return row;
}

/** Moves a pooled patent to another status (a new version); leaving the pool takes it out of matching. */
function setSupplyStatus(w: Writer, supply: Row, status: string, actorId: string | null | undefined): void {
  if (supply.status === status) return;
  const { id, version: _v, updated_at: _u, created_at: _c, created_by: _b, ...values } = supply;
  writeRecord(w, SUPPLY, { id: id as string, existing: supply, actorId, values: { ...values, status } });
  if (status === '已成交' || status === '撤回') indexTerms(w.db, 'supply_fts', id as string, null);
}

/** Records one 对接 between a need and a pooled patent; a patent still 在库 becomes 对接中. */
export function upsertMatchmaking(w: Writer, input: ParsedMatchmaking, options: RecordOptions): WriteOutcome {
  refuseFutureDates(w, [['eventDate', '对接日期', input.eventDate]]);
  active(w, NEEDS, input.needId, 'needId', '技术需求');
  const supply = active(w, SUPPLY, input.supplyId, 'supplyId', '供给专利');
  const existing = options.id ? active(w, MATCHMAKINGS, options.id, 'id', '对接记录') : undefined;
  const outcome = writeRecord(w, MATCHMAKINGS, {
    id: options.id ?? newId(),
    existing,
    actorId: options.actorId,
    values: {
      region_code: options.regionCode,
      need_id: input.needId,
      supply_id: input.supplyId,
      event_date: input.eventDate,
      event: input.event,
      outcome: existing?.deal_id ? '已成交' : input.outcome,
      deal_id: existing?.deal_id ?? null,
    },
  });
  if (supply.status === '在库') setSupplyStatus(w, supply, '对接中', options.actorId);
  return outcome;
}

/**
 * The deal a 对接 or an open license became, in one transaction: the deal as 交易 → 新增 records it (rules
 * included), the 对接 linked to it as 已成交, and the patent out of the pool unless it was taken under its open
 * license (an open license is offered to every taker).
 */
export function recordDealFromPool(
  w: Writer,
  input: { supplyId: string; matchmakingId?: string | null; deal: ParsedDeal },
  options: RecordOptions,
): WriteOutcome {
  const supply = active(w, SUPPLY, input.supplyId, 'supplyId', '供给专利');
  const numbers = input.deal.patents.map((p) => {
    const parsed = parsePatentNumber(p.number);
    return parsed.ok ? parsed.normalized : p.number;
  });
  if (!numbers.includes(supply.patent_number as string)) {
    throw refuse('deal.patents', `交易的专利中应包含供给专利 ${String(supply.patent_number)}`);
  }
  const matchmaking = input.matchmakingId
    ? active(w, MATCHMAKINGS, input.matchmakingId, 'matchmakingId', '对接记录')
    : undefined;
  if (matchmaking && matchmaking.supply_id !== input.supplyId)
    throw refuse('matchmakingId', '该对接记录对接的不是这件专利');
  if (matchmaking?.deal_id) throw refuse('matchmakingId', '该对接记录已关联交易，不能再次成交');
  const deal = createDeal(w, input.deal, options);
  if (matchmaking) {
    const { id, version: _v, updated_at: _u, created_at: _c, created_by: _b, ...values } = matchmaking;
    writeRecord(w, MATCHMAKINGS, {
      id: id as string,
      existing: matchmaking,
      actorId: options.actorId,
      values: { ...values, outcome: '已成交', deal_id: deal.id },
    });
  }
  if (input.deal.licenseMode !== '开放许可') setSupplyStatus(w, supply, '已成交', options.actorId);
  return deal;
}

/** The live 对接 records of a need, a patent or a deal (or all, or one by id), latest first. */
export function* listMatchmakings(filter: {
  id?: string | null;
  needId?: string | null;
  supplyId?: string | null;
  dealId?: string | null;
}): ReadPlan<MatchmakingRow[]> {
  const c = new Conditions().add('m.voided_at IS NULL');
  c.when(filter.id, 'm.id = ?');
  c.when(filter.needId, 'm.need_id = ?');
  c.when(filter.supplyId, 'm.supply_id = ?');
  c.when(filter.dealId, 'm.deal_id = ?');
  const rows = yield* select<Record<string, unknown>>(
    `SELECT m.id, m.need_id, n.need_no, o.name AS enterprise_name, m.supply_id, s.patent_number, s.title AS patent_title,
            m.event_date, m.event, m.outcome, m.deal_id, d.contract_no AS deal_contract_no, m.version
       FROM matchmakings m JOIN tech_needs n ON n.id = m.need_id JOIN organizations o ON o.id = n.enterprise_id
       JOIN supply_patents s ON s.id = m.supply_id LEFT JOIN deals d ON d.id = m.deal_id
      WHERE ${c.where.join(' AND ')}
      ORDER BY m.event_date DESC, m.id DESC LIMIT 1000`,
    c.params as PlannedRead['params'],
  );
  return rows.map((r) => ({
    id: r.id as string,
    needId: r.need_id as string,
    needNo: r.need_no as string,
    enterpriseName: r.enterprise_name as string,
    supplyId: r.supply_id as string,
    patentNumber: r.patent_number as string,
    patentTitle: r.patent_title as string,
    eventDate: r.event_date as string,
    event: r.event as string,
    outcome: r.outcome as MatchmakingRow['outcome'],
    dealId: (r.deal_id as string | null) ?? null,
    dealContractNo: (r.deal_contract_no as string | null) ?? null,
    version: r.version as number,
  }));
}

/** One live 对接, or a refusal: it may have been voided since the link to it was shown. */
export function* getMatchmaking(id: string): ReadPlan<MatchmakingRow> {
  const [row] = yield* listMatchmakings({ id });
  if (!row) throw refuse('id', '找不到该对接记录，可能已作废');
  return row;
}
