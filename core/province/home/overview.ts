/**
 * The province's home (issue 13): the twelve reporting regions side by side. Indicators come from the one indicator
 * engine (core/indicators: the same report `patent-desk indicators --region R` prints, and the same 成效评价 rows);
 * the rest is what the province's own tables say about each region: batches, records held, findings, installations.
 */
import type { SqlDialect } from '../../store/readPlan';
import type { ProvinceHome, RegionOverview } from '../../../shared/contract/provinceHome';
import { CITY_REGIONS, PROVINCE_CODE } from '../../../shared/domain/regions';
import { PROGRAM_FIRST_YEAR } from '../../../shared/indicators/ids';
import { LATEST_RECORDATION_SQL, yearOfLatest } from '../../indicators/dashboard';
import { evaluationRows } from '../../indicators/evaluation';
import { buildReport, sumRegions, TWELVE_REGIONS, yearValues } from '../../indicators/report';
import type { ProvinceDb, ProvinceSql } from '../store/provinceDb';
import { provinceReportParts } from '../store/provinceReport';

type Counts = Record<string, number>;

/**
 * The two places the home's SQL differs by dialect: a finding's deliveries (a JSON object region → item) as rows with
 * the region in `key`, and the length of a batch summary's `rejected` list.
 */
const JSON_READS = {
  sqlite: {
    deliveries: 'json_each(f.deliveries)',
    rejected: "json_array_length(b.summary, '$.rejected')",
  },
  postgres: {
    deliveries: 'json_each_text(CAST(f.deliveries AS json))',
    rejected: "json_array_length(CAST(b.summary AS json) -> 'rejected')",
  },
} as const;

/** Per region: one number each. Regions without a row count 0. */
const countQueries = (dialect: SqlDialect): Record<string, string> => ({
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
  pendingFindings: `SELECT d.key AS region, count(*) AS n FROM province_findings f, ${JSON_READS[dialect].deliveries} d
    WHERE f.status = '待审核' GROUP BY 1`,
  rejected: `SELECT b.region_code AS region, coalesce(sum(${JSON_READS[dialect].rejected}), 0) AS n
    FROM province_batches b GROUP BY 1`,
  installations: `SELECT region_code AS region, count(*) AS n FROM province_keys WHERE replaced_by IS NULL AND revoked_at IS NULL GROUP BY 1`,
});

const LATEST = {
  lastBatchAt: `SELECT region_code AS region, max(received_at) AS at FROM province_batches GROUP BY 1`,
  lastContactAt: `SELECT region_code AS region, max(last_contact_at) AS at FROM province_keys GROUP BY 1`,
};

async function byRegion(db: ProvinceSql, sql: string): Promise<Counts> {
  return Object.fromEntries((await db.all<{ region: string; n: number }>(sql)).map((r) => [r.region, r.n]));
}

async function latestByRegion(db: ProvinceSql, sql: string): Promise<Record<string, string | null>> {
  return Object.fromEntries((await db.all<{ region: string; at: string | null }>(sql)).map((r) => [r.region, r.at]));
}

async function industryMap(db: ProvinceDb, year: number): Promise<ProvinceHome['industries']> {
  const cells = new Map<string, ProvinceHome['industries'][number]>();
  for (const r of await db.derived.industryFacts(year, TWELVE_REGIONS)) {
    const key = `${r.region}|${r.industry}`;
    const cell = cells.get(key) ?? { region: r.region, industry: r.industry, I1: 0, I1a: 0, I2: 0, I2a: 0 };
    Object.assign(cell, r.family === 'I1' ? { I1: r.patents, I1a: r.amount } : { I2: r.patents, I2a: r.amount });
    cells.set(key, cell);
  }
  return [...cells.values()];
}

export async function computeProvinceHome(db: ProvinceDb, year: number): Promise<ProvinceHome> {
  // One read of the twelve regions' facts serves every region's report, the trend and the comparison.
  const parts = await provinceReportParts(db, PROVINCE_CODE, year, true);
  const counts: Record<string, Counts> = {};
  for (const [name, sql] of Object.entries(countQueries(db.dialect))) counts[name] = await byRegion(db, sql);
  const latest = {
    lastBatchAt: await latestByRegion(db, LATEST.lastBatchAt),
    lastContactAt: await latestByRegion(db, LATEST.lastContactAt),
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

  return {
    year,
    latestDataYear: yearOfLatest(await db.get(LATEST_RECORDATION_SQL)),
    regions,
    trend,
    industries: await industryMap(db, year),
  };
}
