/**
 * The province's home (issue 13): the twelve reporting regions side by side. Indicators come from the one indicator
 * engine (core/indicators: the same report `patent-desk indicators --region R` prints, and the same 成效评价 rows);
 * the rest is what the province's own tables say about each region: batches, records held, findings, installations.
 */
import type { ProvinceHome, RegionOverview } from '../../../shared/contract/provinceHome';
import { CITY_REGIONS, PROVINCE_CODE } from '../../../shared/domain/regions';
import { PROGRAM_FIRST_YEAR } from '../../../shared/indicators/ids';
import type { ReadHandle } from '../../store/store';
import { latestDataYear } from '../../indicators/dashboard';
import { evaluationRows } from '../../indicators/evaluation';
import { inRegions } from '../../indicators/facts';
import { COUNTED_DEALS_FROM } from '../../indicators/factTables';
import { buildReport, readReportParts, sumRegions, TWELVE_REGIONS, yearValues } from '../../indicators/report';

type Counts = Record<string, number>;

/** Per region: one number each. Regions without a row count 0. */
const SQL: Record<string, string> = {
  deals: `SELECT region_code AS region, count(*) AS n FROM deals WHERE voided_at IS NULL GROUP BY 1`,
  payments: `SELECT d.region_code AS region, count(*) AS n FROM payments p JOIN deals d ON d.id = p.deal_id
    WHERE p.voided_at IS NULL AND d.voided_at IS NULL GROUP BY 1`,
  pledges: `SELECT region_code AS region, count(*) AS n FROM pledges WHERE voided_at IS NULL GROUP BY 1`,
  registrations: `SELECT region_code AS region, count(*) AS n FROM product_registrations WHERE voided_at IS NULL GROUP BY 1`,
  // As the figures list filters them (by the enterprise's city), so that a drill-down lists exactly this many.
  figures: `SELECT o.city_code AS region, count(*) AS n FROM enterprise_figures f JOIN organizations o ON o.id = f.organization_id
    WHERE f.voided_at IS NULL GROUP BY 1`,
  subsidies: `SELECT region_code AS region, count(*) AS n FROM subsidies WHERE voided_at IS NULL GROUP BY 1`,
  batches: `SELECT region_code AS region, count(*) AS n FROM province_batches GROUP BY 1`,
  findings: `SELECT region_code AS region, count(*) AS n FROM province_feedback GROUP BY 1`,
  // A finding across cities is kept whole once, with the item each of its regions was sent (deliveries: region → item).
  pendingFindings: `SELECT d.key AS region, count(*) AS n FROM province_findings f, json_each(f.deliveries) d
    WHERE f.status = '待审核' GROUP BY 1`,
  rejected: `SELECT b.region_code AS region, coalesce(sum(json_array_length(b.summary, '$.rejected')), 0) AS n FROM province_batches b GROUP BY 1`,
  installations: `SELECT region_code AS region, count(*) AS n FROM province_keys WHERE replaced_by IS NULL AND revoked_at IS NULL GROUP BY 1`,
};

const LATEST = {
  lastBatchAt: `SELECT region_code AS region, max(received_at) AS at FROM province_batches GROUP BY 1`,
  lastContactAt: `SELECT region_code AS region, max(last_contact_at) AS at FROM province_keys GROUP BY 1`,
};

const INDUSTRIES = `SELECT f.region AS region, f.industry AS industry, sum(f.patent_count) AS patents, sum(f.amount_fen) AS amount
  ${COUNTED_DEALS_FROM} AND f.recordation_date BETWEEN :from AND :to GROUP BY 1, 2`;

function byRegion(db: ReadHandle, sql: string): Counts {
  return Object.fromEntries((db.prepare(sql).all() as { region: string; n: number }[]).map((r) => [r.region, r.n]));
}

function latestByRegion(db: ReadHandle, sql: string): Record<string, string | null> {
  return Object.fromEntries(
    (db.prepare(sql).all() as { region: string; at: string | null }[]).map((r) => [r.region, r.at]),
  );
}

function industryMap(db: ReadHandle, year: number): ProvinceHome['industries'] {
  const cells = new Map<string, ProvinceHome['industries'][number]>();
  const params = { from: `${year}-01-01`, to: `${year}-12-31` };
  for (const family of ['I1', 'I2'] as const) {
    const rows = db.prepare(inRegions(INDUSTRIES, TWELVE_REGIONS)).all({ ...params, family }) as {
      region: string;
      industry: string;
      patents: number;
      amount: number;
    }[];
    for (const r of rows) {
      const key = `${r.region}|${r.industry}`;
      const cell = cells.get(key) ?? { region: r.region, industry: r.industry, I1: 0, I1a: 0, I2: 0, I2a: 0 };
      Object.assign(cell, family === 'I1' ? { I1: r.patents, I1a: r.amount } : { I2: r.patents, I2a: r.amount });
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
}

export function computeProvinceHome(db: ReadHandle, year: number): ProvinceHome {
  // One read of the twelve regions' facts serves every region's report, the trend and the comparison.
  const parts = readReportParts(db, PROVINCE_CODE, year, true);
  const counts = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, byRegion(db, sql)])) as Record<
    keyof typeof SQL,
    Counts
  >;
  const latest = {
    lastBatchAt: latestByRegion(db, LATEST.lastBatchAt),
    lastContactAt: latestByRegion(db, LATEST.lastContactAt),
  };
  const n = (name: string, region: string) => counts[name]?.[region] ?? 0;

  const regions: RegionOverview[] = CITY_REGIONS.map(({ code, name }) => ({
    region: code,
    regionName: name,
    lastBatchAt: latest.lastBatchAt[code] ?? null,
    batches: n('batches', code),
    records: {
      deals: n('deals', code),
      payments: n('payments', code),
      pledges: n('pledges', code),
      registrations: n('registrations', code),
      figures: n('figures', code),
      subsidies: n('subsidies', code),
    },
    findings: n('findings', code),
    pendingFindings: n('pendingFindings', code),
    rejected: n('rejected', code),
    installations: n('installations', code),
    lastContactAt: latest.lastContactAt[code] ?? null,
    indicators: evaluationRows(buildReport(code, year, parts), parts, code, year),
  }));

  const trend = CITY_REGIONS.map(({ code }) => {
    const area = sumRegions(parts.facts, [code]);
    const byYear = [];
    for (let y = PROGRAM_FIRST_YEAR; y <= year; y++) byYear.push({ year: y, values: yearValues(area.year(y)) });
    return { region: code, byYear };
  });

  return { year, latestDataYear: latestDataYear(db), regions, trend, industries: industryMap(db, year) };
}
