/** One group of the totals: what was counted, for which region and year, how many, and the sum of their amounts. */
export interface RegionYearTotal {
  what: string;
  region: string;
  year: string;
  n: number;
  amount_fen: number | null;
}

/** The Chinese name of each kind of record the totals count, for messages. */
export const TOTAL_LABELS: Readonly<Record<string, string>> = {
  deals: '交易（按报送地区）',
  deals_by_assignee_city: '交易（按受让方所在城市）',
  payments: '付款',
  pledges: '质押',
  product_registrations: '产品登记',
  subsidies: '奖补',
};

// A record without the date is counted under the year '' (coalesce), so both dialects group and sort it alike.
const year = (column: string) => `coalesce(substr(${column}, 1, 4), '')`;

/**
 * Per region and year, the number of live records and the sum of their amounts: what the indicators are built from.
 * Written once, in SQL both SQLite and PostgreSQL run alike, so the same query on each store must give the same rows.
 * Beside the official indicators (indicatorsCompared.ts), these count every live record, whoever its parties are
 * (the indicators count only a Shanxi SME's or university's deals), and subsidies, which no indicator reads.
 */
export const REGION_YEAR_TOTALS_SQL = /* sql */ `
SELECT 'deals' AS what, region_code AS region, ${year('recordation_date')} AS year, count(*) AS n, sum(amount_fen) AS amount_fen
  FROM deals WHERE voided_at IS NULL GROUP BY region_code, ${year('recordation_date')}
UNION ALL
SELECT 'deals_by_assignee_city', coalesce(o.city_code, ''), ${year('d.recordation_date')}, count(*), sum(d.amount_fen)
  FROM deals d JOIN organizations o ON o.id = d.assignee_id WHERE d.voided_at IS NULL
  GROUP BY coalesce(o.city_code, ''), ${year('d.recordation_date')}
UNION ALL
SELECT 'payments', d.region_code, ${year('p.paid_date')}, count(*), sum(p.amount_fen)
  FROM payments p JOIN deals d ON d.id = p.deal_id WHERE p.voided_at IS NULL
  GROUP BY d.region_code, ${year('p.paid_date')}
UNION ALL
SELECT 'pledges', region_code, ${year('registration_date')}, count(*), sum(amount_fen)
  FROM pledges WHERE voided_at IS NULL GROUP BY region_code, ${year('registration_date')}
UNION ALL
SELECT 'product_registrations', region_code, ${year('registration_date')}, count(*), sum(output_value_fen)
  FROM product_registrations WHERE voided_at IS NULL GROUP BY region_code, ${year('registration_date')}
UNION ALL
SELECT 'subsidies', region_code, ${year('granted_date')}, count(*), sum(amount_fen)
  FROM subsidies WHERE voided_at IS NULL GROUP BY region_code, ${year('granted_date')}
`;

const keyOf = (t: RegionYearTotal) => `${t.what}|${t.region}|${t.year}`;

/**
 * The first group whose totals differ between the two stores, or one only one side has; null when every group is
 * equal. Compared by key in JS, not by ORDER BY, whose text collation differs by dialect.
 */
export function firstDifference(
  source: readonly RegionYearTotal[],
  target: readonly RegionYearTotal[],
): { source: RegionYearTotal | undefined; target: RegionYearTotal | undefined } | null {
  const targets = new Map(target.map((t) => [keyOf(t), t]));
  for (const s of source) {
    const t = targets.get(keyOf(s));
    targets.delete(keyOf(s));
    if (!t || t.n !== s.n || t.amount_fen !== s.amount_fen) return { source: s, target: t };
  }
  const [extra] = targets.values();
  return extra ? { source: undefined, target: extra } : null;
}
