/**
 * The indicator fact tables of migrations 8–10 recomputed from scratch in plain TypeScript, straight from
 * DOMAIN §7 and the filings' rows — a second, independent spelling of what the triggers must keep — and the tables as
 * the store holds them, both as sorted rows so that a test compares them with one deep equality.
 */
import type Database from 'better-sqlite3';
import { PROGRAM_FIRST_YEAR } from '../../../shared/indicators/ids';

type Row = Record<string, string | number | null>;
export type FactTables = Record<string, unknown[][]>;

const SME = new Set(['微型', '小型', '中型']);
const yearOf = (date: string) => Number(date.slice(0, 4));
const sorted = (rows: unknown[][]) =>
  rows
    .map((r) => JSON.stringify(r))
    .sort()
    .map((r) => JSON.parse(r) as unknown[]);

function groupSum(
  rows: unknown[][],
  key: (r: unknown[]) => unknown[],
  values: (r: unknown[]) => number[],
): unknown[][] {
  const groups = new Map<string, { key: unknown[]; sums: number[] }>();
  for (const r of rows) {
    const k = JSON.stringify(key(r));
    const g = groups.get(k) ?? { key: key(r), sums: values(r).map(() => 0) };
    values(r).forEach((v, i) => (g.sums[i] = (g.sums[i] ?? 0) + v));
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => [...g.key, ...g.sums]);
}

export function expectedFactTables(db: Database.Database): FactTables {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const orgs = new Map(all('SELECT id, kind, city_code, size FROM organizations').map((o) => [o.id, o]));
  const confirmed = new Set(
    all(`SELECT fs.entity_id FROM flag_subjects fs JOIN anomaly_flags af ON af.id = fs.flag_id
      WHERE fs.entity = 'deal' AND af.status = '确认异常'`).map((r) => r.entity_id),
  );
  const deals: unknown[][] = [];
  for (const d of all('SELECT * FROM deals')) {
    if (d.voided_at !== null || d.recordation_date === null || confirmed.has(d.id)) continue;
    const assignee = orgs.get(d.assignee_id)!;
    const assignor = orgs.get(d.assignor_id)!;
    const rest = [d.recordation_date, d.id, d.assignee_id, d.industry, d.patent_count, d.amount_fen];
    if (assignee.city_code !== null && SME.has(String(d.assignee_size ?? assignee.size)))
      deals.push(['I1', assignee.city_code, ...rest]);
    if (assignor.city_code !== null && (assignor.kind === '高校' || assignor.kind === '科研院所'))
      deals.push(['I2', assignor.city_code, ...rest]);
  }
  const payments: unknown[][] = [];
  const livePayments = all('SELECT * FROM payments WHERE voided_at IS NULL');
  for (const f of deals) {
    for (const p of livePayments.filter((p) => p.deal_id === f[3]))
      payments.push([f[0], f[1], p.paid_date, p.id, p.deal_id, p.amount_fen]);
  }

  const figures = new Map(
    all('SELECT * FROM enterprise_figures WHERE voided_at IS NULL').map((f) => [`${f.organization_id}/${f.year}`, f]),
  );
  const both = (a: number | null | undefined, b: number | null | undefined) =>
    a !== null && a !== undefined && b !== null && b !== undefined;
  const benefited = groupSum(
    deals.filter((f) => f[0] === 'I1'),
    (f) => [f[1], yearOf(String(f[2])), f[4]],
    () => [1],
  ).map(([region, year, id, n]) => {
    const now = figures.get(`${String(id)}/${Number(year)}`);
    const before = figures.get(`${String(id)}/${Number(year) - 1}`);
    const revenue = now && before && both(now.revenue_fen as number, before.revenue_fen as number);
    const employees = now && before && both(now.employees as number, before.employees as number);
    return [
      region,
      year,
      id,
      n,
      revenue ? now.revenue_fen : null,
      revenue ? before.revenue_fen : null,
      employees ? now.employees : null,
      employees ? before.employees : null,
    ];
  });

  const registrations: unknown[][] = [];
  for (const r of all('SELECT * FROM product_registrations WHERE voided_at IS NULL')) {
    const o = orgs.get(r.enterprise_id)!;
    if (o.city_code !== null && SME.has(String(r.enterprise_size ?? o.size)))
      registrations.push([o.city_code, r.registration_date, r.id]);
  }
  const named = all('SELECT * FROM registration_patents');
  const registrationPatents = registrations.flatMap(([region, date, id]) =>
    named.filter((n) => n.registration_id === id).map((n) => [region, yearOf(String(date)), n.patent_number, id]),
  );
  const pledges = all(
    'SELECT p.*, o.city_code FROM pledges p JOIN organizations o ON o.id = p.pledgor_id WHERE p.voided_at IS NULL',
  )
    .filter((p) => p.city_code !== null)
    .map((p) => [p.city_code, p.registration_date, p.id, p.amount_fen]);

  const firstSinceProgramStart = (rows: unknown[][]) =>
    groupSum(
      rows.filter((r) => Number(r[1]) >= PROGRAM_FIRST_YEAR),
      (r) => [r[0], r[2]],
      () => [1],
    ).map(([region, key]) => [
      region,
      key,
      Math.min(
        ...rows
          .filter((r) => r[0] === region && r[2] === key && Number(r[1]) >= PROGRAM_FIRST_YEAR)
          .map((r) => Number(r[1])),
      ),
    ]);
  const totals = groupSum(
    benefited,
    (b) => [b[0], b[1]],
    (b) => [1, ...b.slice(4).map((v) => Number(v ?? 0))],
  );

  return {
    indicator_deals: sorted(deals),
    indicator_payments: sorted(payments),
    indicator_deal_years: sorted(
      groupSum(
        deals,
        (f) => [f[0], f[1], yearOf(String(f[2]))],
        (f) => [1, Number(f[6]), Number(f[7])],
      ),
    ),
    indicator_payment_years: sorted(
      groupSum(
        payments,
        (p) => [p[0], p[1], yearOf(String(p[2]))],
        (p) => [1, Number(p[5])],
      ),
    ),
    indicator_enterprise_years: sorted(benefited),
    indicator_registrations: sorted(registrations),
    indicator_registration_patents: sorted(registrationPatents),
    indicator_pledges: sorted(pledges),
    indicator_enterprise_totals: sorted(totals),
    indicator_program_enterprises: sorted(firstSinceProgramStart(benefited)),
    indicator_program_patents: sorted(firstSinceProgramStart(registrationPatents)),
  };
}

const COLUMNS: Record<string, string> = {
  indicator_deals: 'family, region, recordation_date, deal_id, assignee_id, industry, patent_count, amount_fen',
  indicator_payments: 'family, region, paid_date, payment_id, deal_id, amount_fen',
  indicator_deal_years: 'family, region, year, deals, patents, amount_fen',
  indicator_payment_years: 'family, region, year, payments, amount_fen',
  indicator_enterprise_years:
    'region, year, assignee_id, deals, revenue_now, revenue_before, employees_now, employees_before',
  indicator_registrations: 'region, registration_date, registration_id',
  indicator_registration_patents: 'region, year, patent_number, registration_id',
  indicator_pledges: 'region, registration_date, pledge_id, amount_fen',
  indicator_enterprise_totals:
    'region, year, enterprises, revenue_now, revenue_before, employees_now, employees_before',
  indicator_program_enterprises: 'region, assignee_id, first_year',
  indicator_program_patents: 'region, patent_number, first_year',
};

export function storedFactTables(db: Database.Database): FactTables {
  return Object.fromEntries(
    Object.entries(COLUMNS).map(([table, columns]) => [
      table,
      sorted(db.prepare(`SELECT ${columns} FROM ${table}`).raw().all() as unknown[][]),
    ]),
  );
}
