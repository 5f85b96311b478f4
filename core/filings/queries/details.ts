import type { z } from 'zod';
import type { DealDetail } from '../../../shared/contract/filings/deals';
import type { figuresDetail } from '../../../shared/contract/filings/figures';
import type { pledgeDetail } from '../../../shared/contract/filings/pledges';
import type { registrationDetail } from '../../../shared/contract/filings/registrations';
import type { subsidyDetail } from '../../../shared/contract/filings/subsidies';
import { listMatchmakings } from '../../matching/matchmakings';
import { select, type ReadPlan, type SqlDialect } from '../../store/readPlan';
import { type OrganizationRow, toPartyView } from '../parties';
import { PATENT_LINKS, type PatentOwner } from '../patentLinks';
import { type PatentRow, toPatentView } from '../patents';
import { attachmentsOf, flagsOf, meta, requireRow } from './recordParts';

/*
 * The detail of each kind of record, as read plans (core/store/readPlan.ts): the desk reads them from its SQLite
 * store, the province's workbench from its SQLite file or its PostgreSQL database.
 */

function* party(id: unknown) {
  const [org] = yield* select<OrganizationRow>('SELECT * FROM organizations WHERE id = ?', [String(id)]);
  if (!org) throw new Error(`organization ${String(id)} referenced by a record is missing`);
  return toPartyView(org);
}

function* patents(owner: PatentOwner, id: string) {
  const link = PATENT_LINKS[owner];
  const order = owner === 'deal' ? 'l.position' : 'l.patent_number';
  const rows = yield* select<PatentRow>(
    `SELECT p.* FROM ${link.table} l JOIN patents p ON p.number = l.patent_number WHERE l.${link.owner} = ? ORDER BY ${order}`,
    [id],
  );
  return rows.map(toPatentView);
}

/** What the detail of a record that can be flagged ends with: its attachments and the flags on it. */
function* evidence(entity: string, id: string, dialect: SqlDialect) {
  return { attachments: yield* attachmentsOf(entity, id, dialect), flags: yield* flagsOf(entity, id) };
}

export function* getDeal(id: string, dialect: SqlDialect = 'sqlite'): ReadPlan<DealDetail> {
  const d = yield* requireRow('deals', id, '该交易');
  const payments = yield* select<DealDetail['payments'][number]>(
    `SELECT id, paid_date AS "paidDate", amount_fen AS "amountFen", voucher_no AS "voucherNo", version FROM payments
       WHERE deal_id = ? AND voided_at IS NULL ORDER BY paid_date, id`,
    [id],
  );
  return {
    ...meta(d),
    regionCode: d.region_code as string,
    contractNo: d.contract_no as string,
    kind: d.kind as DealDetail['kind'],
    licenseMode: d.license_mode as DealDetail['licenseMode'],
    contractDate: d.contract_date as string,
    recordationDate: d.recordation_date as string | null,
    licenseEndDate: d.license_end_date as string | null,
    industry: d.industry as string,
    amountFen: d.amount_fen as number,
    paidFen: payments.reduce((sum, p) => sum + p.amountFen, 0),
    assigneeSize: d.assignee_size as DealDetail['assigneeSize'],
    assignor: yield* party(d.assignor_id),
    assignee: yield* party(d.assignee_id),
    patents: yield* patents('deal', id),
    payments,
    ...(yield* evidence('deal', id, dialect)),
    fromMatchmakings: (yield* listMatchmakings({ dealId: id })).map(
      ({ outcome: _o, dealId: _d, dealContractNo: _c, version: _v, ...view }) => view,
    ),
  };
}

export function* getPledge(id: string, dialect: SqlDialect = 'sqlite'): ReadPlan<z.infer<typeof pledgeDetail>> {
  const p = yield* requireRow('pledges', id, '该质押');
  return {
    ...meta(p),
    regionCode: p.region_code as string,
    registrationNo: p.registration_no as string,
    pledgor: yield* party(p.pledgor_id),
    pledgeeName: p.pledgee_name as string,
    amountFen: p.amount_fen as number,
    registrationDate: p.registration_date as string,
    termMonths: p.term_months as number | null,
    patents: yield* patents('pledge', id),
    ...(yield* evidence('pledge', id, dialect)),
  };
}

export function* getRegistration(
  id: string,
  dialect: SqlDialect = 'sqlite',
): ReadPlan<z.infer<typeof registrationDetail>> {
  const r = yield* requireRow('product_registrations', id, '该产品备案');
  return {
    ...meta(r),
    regionCode: r.region_code as string,
    registrationNo: r.registration_no as string,
    enterprise: yield* party(r.enterprise_id),
    enterpriseSize: r.enterprise_size as z.infer<typeof registrationDetail>['enterpriseSize'],
    productName: r.product_name as string,
    registrationDate: r.registration_date as string,
    outputValueFen: r.output_value_fen as number | null,
    patents: yield* patents('registration', id),
    ...(yield* evidence('registration', id, dialect)),
  };
}

export function* getFigures(id: string, dialect: SqlDialect = 'sqlite'): ReadPlan<z.infer<typeof figuresDetail>> {
  const f = yield* requireRow('enterprise_figures', id, '该企业年度数据');
  return {
    ...meta(f),
    enterprise: yield* party(f.organization_id),
    year: f.year as number,
    revenueFen: f.revenue_fen as number | null,
    employees: f.employees as number | null,
    sector: f.sector as string | null,
    attachments: yield* attachmentsOf('enterprise_figure', id, dialect),
  };
}

export function* getSubsidy(id: string, dialect: SqlDialect = 'sqlite'): ReadPlan<z.infer<typeof subsidyDetail>> {
  const s = yield* requireRow('subsidies', id, '该奖补');
  function* numberOf(sql: string, linked: unknown) {
    if (!linked) return null;
    const [row] = yield* select<{ no: string }>(sql, [String(linked)]);
    return row?.no ?? null;
  }
  return {
    ...meta(s),
    regionCode: s.region_code as string,
    subsidyNo: s.subsidy_no as string,
    recipient: yield* party(s.recipient_id),
    programName: s.program_name as string,
    amountFen: s.amount_fen as number,
    grantedDate: s.granted_date as string,
    dealId: s.deal_id as string | null,
    dealContractNo: yield* numberOf('SELECT contract_no AS no FROM deals WHERE id = ?', s.deal_id),
    pledgeId: s.pledge_id as string | null,
    pledgeRegistrationNo: yield* numberOf('SELECT registration_no AS no FROM pledges WHERE id = ?', s.pledge_id),
    clawedBackAt: s.clawed_back_at as string | null,
    ...(yield* evidence('subsidy', id, dialect)),
  };
}
