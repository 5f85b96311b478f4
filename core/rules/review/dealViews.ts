import type { FlagDealView } from '../../../shared/contract/rules';
import { inJsonList, type ProvinceSql } from '../../province/store/provinceDb';

type DealRow = Omit<FlagDealView, 'patents' | 'payments' | 'voided' | 'receivedFen'> & { voided: unknown };

/**
 * Deals as a reviewer compares them side by side (the city's flag, the province's cross-city finding), oldest first,
 * with their patents and live payments: three queries in SQL both backends take (no JSON aggregates, which differ).
 */
export async function dealViews(db: ProvinceSql, dealIds: readonly string[]): Promise<FlagDealView[]> {
  if (dealIds.length === 0) return [];
  const ids = inJsonList(db.dialect);
  const list = [JSON.stringify(dealIds)];
  const deals = await db.all<DealRow>(
    `SELECT d.id, d.contract_no AS "contractNo", d.kind, d.license_mode AS "licenseMode", d.region_code AS "regionCode",
       d.contract_date AS "contractDate", d.recordation_date AS "recordationDate", d.amount_fen AS "amountFen",
       a.name AS assignor, a.uscc AS "assignorUscc", b.name AS assignee, b.uscc AS "assigneeUscc",
       coalesce(u.display_name, d.created_by) AS "enteredBy", d.voided_at IS NOT NULL AS voided
     FROM deals d
     JOIN organizations a ON a.id = d.assignor_id JOIN organizations b ON b.id = d.assignee_id
     LEFT JOIN users u ON u.id = d.created_by
     WHERE d.id ${ids}
     ORDER BY coalesce(d.recordation_date, d.contract_date), d.id`,
    list,
  );
  const patents = await db.all<FlagDealView['patents'][number] & { dealId: string }>(
    `SELECT dp.deal_id AS "dealId", p.number, p.type, p.status, p.filing_date AS "filingDate"
     FROM deal_patents dp JOIN patents p ON p.number = dp.patent_number WHERE dp.deal_id ${ids}
     ORDER BY dp.deal_id, dp.position`,
    list,
  );
  const payments = await db.all<FlagDealView['payments'][number] & { dealId: string }>(
    `SELECT deal_id AS "dealId", paid_date AS date, amount_fen AS "amountFen" FROM payments
     WHERE deal_id ${ids} AND voided_at IS NULL ORDER BY deal_id, paid_date, id`,
    list,
  );
  const byDeal = <T extends { dealId: string }>(rows: T[]) => {
    const map = new Map<string, Omit<T, 'dealId'>[]>();
    for (const { dealId, ...row } of rows) map.set(dealId, [...(map.get(dealId) ?? []), row]);
    return map;
  };
  const patentsOf = byDeal(patents);
  const paymentsOf = byDeal(payments);
  return deals.map((d) => {
    const paid = paymentsOf.get(d.id) ?? [];
    return {
      ...d,
      voided: Boolean(d.voided),
      patents: patentsOf.get(d.id) ?? [],
      payments: paid,
      receivedFen: paid.reduce((sum, p) => sum + p.amountFen, 0),
    };
  });
}
