import type { z } from 'zod';
import type { DealDetail } from '../../../shared/contract/filings/deals';
import type { figuresDetail } from '../../../shared/contract/filings/figures';
import type { pledgeDetail } from '../../../shared/contract/filings/pledges';
import type { registrationDetail } from '../../../shared/contract/filings/registrations';
import type { subsidyDetail } from '../../../shared/contract/filings/subsidies';
import { listMatchmakings } from '../../matching/matchmakings';
import type { ReadHandle } from '../../store/store';
import { readOrganization, toPartyView } from '../parties';
import { PATENT_LINKS, type PatentOwner } from '../patentLinks';
import { patentsOf } from '../patents';
import { attachmentsOf, flagsOf, meta, requireRow } from './recordParts';

function party(db: ReadHandle, id: unknown) {
  const org = readOrganization(db, String(id));
  if (!org) throw new Error(`organization ${String(id)} referenced by a record is missing`);
  return toPartyView(org);
}

function patents(db: ReadHandle, owner: PatentOwner, id: string) {
  const link = PATENT_LINKS[owner];
  const order = owner === 'deal' ? 'l.position' : 'l.patent_number';
  return patentsOf(
    db,
    `SELECT p.* FROM ${link.table} l JOIN patents p ON p.number = l.patent_number WHERE l.${link.owner} = ? ORDER BY ${order}`,
    id,
  );
}

/** What the detail of a record that can be flagged ends with: its attachments and the flags on it. */
function evidence(db: ReadHandle, entity: string, id: string) {
  return { attachments: attachmentsOf(db, entity, id), flags: flagsOf(db, entity, id) };
}

export function getDeal(db: ReadHandle, id: string): DealDetail {
  const d = requireRow(db, 'deals', id, '该交易');
  const payments = db
    .prepare(
      `SELECT id, paid_date AS paidDate, amount_fen AS amountFen, voucher_no AS voucherNo, version FROM payments
       WHERE deal_id = ? AND voided_at IS NULL ORDER BY paid_date, id`,
    )
    .all(id) as DealDetail['payments'];
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
    assignor: party(db, d.assignor_id),
    assignee: party(db, d.assignee_id),
    patents: patents(db, 'deal', id),
    payments,
    ...evidence(db, 'deal', id),
    fromMatchmakings: listMatchmakings(db, { dealId: id }).map(
      ({ outcome: _o, dealId: _d, dealContractNo: _c, version: _v, ...view }) => view,
    ),
  };
}

export function getPledge(db: ReadHandle, id: string): z.infer<typeof pledgeDetail> {
  const p = requireRow(db, 'pledges', id, '该质押');
  return {
    ...meta(p),
    regionCode: p.region_code as string,
    registrationNo: p.registration_no as string,
    pledgor: party(db, p.pledgor_id),
    pledgeeName: p.pledgee_name as string,
    amountFen: p.amount_fen as number,
    registrationDate: p.registration_date as string,
    termMonths: p.term_months as number | null,
    patents: patents(db, 'pledge', id),
    ...evidence(db, 'pledge', id),
  };
}

export function getRegistration(db: ReadHandle, id: string): z.infer<typeof registrationDetail> {
  const r = requireRow(db, 'product_registrations', id, '该产品备案');
  return {
    ...meta(r),
    regionCode: r.region_code as string,
    registrationNo: r.registration_no as string,
    enterprise: party(db, r.enterprise_id),
    enterpriseSize: r.enterprise_size as z.infer<typeof registrationDetail>['enterpriseSize'],
    productName: r.product_name as string,
    registrationDate: r.registration_date as string,
    outputValueFen: r.output_value_fen as number | null,
    patents: patents(db, 'registration', id),
    ...evidence(db, 'registration', id),
  };
}

export function getFigures(db: ReadHandle, id: string): z.infer<typeof figuresDetail> {
  const f = requireRow(db, 'enterprise_figures', id, '该企业年度数据');
  return {
    ...meta(f),
    enterprise: party(db, f.organization_id),
    year: f.year as number,
    revenueFen: f.revenue_fen as number | null,
    employees: f.employees as number | null,
    sector: f.sector as string | null,
    attachments: attachmentsOf(db, 'enterprise_figure', id),
  };
}

export function getSubsidy(db: ReadHandle, id: string): z.infer<typeof subsidyDetail> {
  const s = requireRow(db, 'subsidies', id, '该奖补');
  const numberOf = (sql: string, linked: unknown) =>
    linked ? ((db.prepare(sql).pluck().get(linked) as string | undefined) ?? null) : null;
  return {
    ...meta(s),
    regionCode: s.region_code as string,
    subsidyNo: s.subsidy_no as string,
    recipient: party(db, s.recipient_id),
    programName: s.program_name as string,
    amountFen: s.amount_fen as number,
    grantedDate: s.granted_date as string,
    dealId: s.deal_id as string | null,
    dealContractNo: numberOf('SELECT contract_no FROM deals WHERE id = ?', s.deal_id),
    pledgeId: s.pledge_id as string | null,
    pledgeRegistrationNo: numberOf('SELECT registration_no FROM pledges WHERE id = ?', s.pledge_id),
    clawedBackAt: s.clawed_back_at as string | null,
    ...evidence(db, 'subsidy', id),
  };
}
