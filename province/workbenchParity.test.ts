import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../core/importing/testing';
import { organizationMatches, patentMatches } from '../core/filings/queries/search';
import { migrateFromSqlite } from '../core/province/store/migrateFromSqlite';
import { numberPlaceholders } from '../core/province/store/postgresProvinceDb';
import { keepFindingAsFlag } from '../core/province/review/findingFlag';
import { sqliteTx } from '../core/province/store/sqliteProvinceDb';
import { buildSampleWorkbook } from '../core/seed/sampleWorkbook';
import type { Service } from '../core/service/dispatcher';
import { createService } from '../core/service/createService';
import { keyFilePath } from '../core/sync/keyVault';
import { openProvinceDb } from '../core/province/store/openProvinceDb';
import { generateLabelledSet } from '../core/matching/testing/labelledSet';
import { loadLabelledSet } from '../core/matching/testing/loadLabelledSet';
import { TERM_TABLES } from '../core/matching/terms';
import type { MethodInput, MethodName } from '../shared/contract/index';
import { createDatabase, startPostgres, withClient } from '../tests/testing/postgres';
import { setUpStore, tempDir } from '../tests/testing/tempStore';
import { syncCity, type City } from './testing/sqliteProvinceWithHistory';
import { startProvinceEndpoint, startTestProvince } from './testing/testProvince';
import { openWorkbench, type Workbench } from './testing/workbench';

/*
 * The province's workbench on PostgreSQL against the SQLite store that was moved there: 地市报送记录 (the city desk's own
 * list queries, written once for both dialects) — every page, filter, sort and search of every kind of record, each
 * record's detail, and the export — and 供需对接, whose ranking computes FTS5's bm25 on PostgreSQL's own text index.
 */

const LIST_METHODS = ['deals.list', 'pledges.list', 'registrations.list', 'figures.list', 'subsidies.list'] as const;
type ListMethod = (typeof LIST_METHODS)[number];
type Row = { id: string } & Record<string, unknown>;

const env = {} as {
  folder: ReturnType<typeof tempDir>;
  cluster: Awaited<ReturnType<typeof startPostgres>>;
  onSqlite: Workbench<Service>;
  onPostgres: Workbench<Service>;
  databaseUrl: string;
  /** The same city's batches taken by an endpoint on PostgreSQL (not moved from SQLite). */
  ingestUrl: string;
  /** Text a caseworker types into the search box, taken from the records themselves. */
  fragments: ReturnType<typeof fragmentsOf>;
};

/**
 * 太原's desk imports a sample workbook (every kind of record) and a pool of 400 offered patents and 40 needs, voids a
 * deal, and reports it all to a province on a SQLite file. A copy of the desk taken before it reported (its key
 * file too: the same installation) reports the same batches to an endpoint on `ingestUrl`, a PostgreSQL database.
 */
async function reportedProvinceFile(dir: string, ingestUrl: string): Promise<string> {
  const city = await setUpStore('140100');
  try {
    const sample = await buildSampleWorkbook({ seed: 3, deals: 150 });
    const job = await importBytes(city.call, sample.bytes);
    expect(job.report?.rejected).toEqual([]);
    loadLabelledSet(city.service.store, generateLabelledSet(5, 40, 400), city.adminActor);
    const [voided] = city.service.store.db
      .prepare('SELECT id FROM deals ORDER BY id LIMIT 1')
      .pluck()
      .all() as string[];
    await city.call('deals.void', { id: voided!, reason: '合同解除' });
    const file = path.join(dir, 'province.db');
    const province = await startTestProvince(file);
    try {
      await province.enroll(city.service.store, city.adminActor);
      const copy = path.join(dir, 'city-copy.db');
      await city.service.store.db.backup(copy);
      fs.copyFileSync(keyFilePath(city.dbPath), keyFilePath(copy));
      await syncCity(city, province);
      const twin = { service: createService(copy), adminActor: city.adminActor };
      const onPostgres = await startProvinceEndpoint(await openProvinceDb({ databaseUrl: ingestUrl }));
      try {
        await onPostgres.enroll(twin.service.store, twin.adminActor);
        await syncCity(twin as City, onPostgres);
      } finally {
        await onPostgres.close();
        twin.service.store.close();
      }
    } finally {
      await province.close();
    }
    return file;
  } finally {
    city.close();
  }
}

/** A deal and a pledge flagged by the province (as a cross-city finding it kept), so that 有异常 has rows to find. */
async function flagSome(file: string): Promise<void> {
  const raw = new Database(file);
  try {
    const subjects = raw
      .prepare(
        `SELECT 'deal' AS entity, id, contract_no AS no FROM (SELECT id, contract_no FROM deals ORDER BY id DESC LIMIT 1)
         UNION ALL SELECT 'pledge', id, registration_no FROM (SELECT id, registration_no FROM pledges ORDER BY id LIMIT 1)`,
      )
      .all() as { entity: string; id: string; no: string }[];
    expect(subjects).toHaveLength(2);
    raw.exec('BEGIN');
    for (const s of subjects)
      await keepFindingAsFlag(
        sqliteTx(raw),
        {
          fingerprint: `R01|records-${s.id}`,
          rule_id: 'R01',
          explanation: '跨地市重复转让',
          evidence: '{}',
          subjects: JSON.stringify([{ entity: s.entity, entityId: s.id, businessNo: s.no }]),
          found_at: '2024-06-01T00:00:00.000Z',
        },
        '待审核',
        '2024-06-02T00:00:00.000Z',
      );
    raw.exec('COMMIT');
  } finally {
    raw.close();
  }
}

/** What a caseworker would type: the start of a contract number, pieces of names, a patent number, a title. */
function fragmentsOf(file: string) {
  const raw = new Database(file, { readonly: true });
  const one = (sql: string) => raw.prepare(sql).pluck().get() as string;
  try {
    const enterprise = one("SELECT name FROM organizations WHERE kind = '企业' ORDER BY id LIMIT 1");
    return {
      contractStart: one('SELECT contract_no FROM deals ORDER BY id LIMIT 1').slice(0, 6),
      nameShort: enterprise.slice(2, 4),
      nameLong: enterprise.slice(0, 5),
      // SQLite's search ignores the case of ASCII letters: PostgreSQL's must too.
      usccLowerCase: one(
        "SELECT substr(uscc, 9, 9) FROM organizations WHERE substr(uscc, 9, 9) GLOB '*[A-Z]*' ORDER BY id LIMIT 1",
      ).toLowerCase(),
      patentNumber: one('SELECT number FROM patents ORDER BY number LIMIT 1').slice(0, 8),
      patentTitle: one('SELECT title FROM patents WHERE length(title) >= 6 ORDER BY number LIMIT 1').slice(1, 5),
      pledgee: one('SELECT pledgee_name FROM pledges ORDER BY id LIMIT 1').slice(0, 2),
      product: one('SELECT product_name FROM product_registrations ORDER BY id LIMIT 1').slice(0, 3),
      program: one('SELECT program_name FROM subsidies ORDER BY id LIMIT 1').slice(0, 2),
      wildcard: '%_',
    };
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  env.folder = tempDir('province-records-');
  env.cluster = await startPostgres();
  env.ingestUrl = await createDatabase(env.cluster.url, 'ingested');
  const file = await reportedProvinceFile(env.folder.dir, env.ingestUrl);
  await flagSome(file);
  env.fragments = fragmentsOf(file);
  const databaseUrl = await createDatabase(env.cluster.url, 'records');
  env.databaseUrl = databaseUrl;
  await migrateFromSqlite(file, databaseUrl);
  env.onSqlite = await openWorkbench({ file });
  env.onPostgres = await openWorkbench({ databaseUrl });
}, 240_000);

afterAll(async () => {
  await env.onSqlite?.close();
  await env.onPostgres?.close();
  await env.cluster?.stop();
  env.folder?.cleanup();
});

/** Every row of a list, walked a page at a time the way the list screen scrolls, and the first page's 共 N 条. */
async function walk(wb: Workbench<Service>, method: ListMethod, input: Record<string, unknown>) {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let total: number | null = null;
  do {
    const page = (await wb.call(method, { ...input, cursor, limit: 23 } as MethodInput<ListMethod>)) as {
      rows: Row[];
      nextCursor: string | null;
      total: number | null;
    };
    total ??= page.total;
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return { total, rows };
}

const SORTS: Record<ListMethod, string[]> = {
  'deals.list': ['recordationDate', 'contractDate', 'amountFen', 'updatedAt'],
  'pledges.list': ['registrationDate', 'amountFen', 'updatedAt'],
  'registrations.list': ['registrationDate', 'updatedAt'],
  'figures.list': ['year', 'updatedAt'],
  'subsidies.list': ['grantedDate', 'amountFen', 'updatedAt'],
};

function cases(): [ListMethod, Record<string, unknown>][] {
  const f = env.fragments;
  const out: [ListMethod, Record<string, unknown>][] = [];
  for (const method of LIST_METHODS) {
    for (const sort of SORTS[method])
      for (const direction of ['asc', 'desc']) out.push([method, { sort, direction, status: 'all' }]);
    for (const search of Object.values(f)) out.push([method, { search }]);
    out.push([method, { status: 'voided' }], [method, { regionCode: '140100' }]);
    if (method !== 'figures.list') out.push([method, { hasFlags: true }], [method, { hasFlags: false }]);
    out.push([method, { year: method === 'figures.list' ? 2023 : 2024 }]);
  }
  out.push(
    ['deals.list', { kind: '许可' }],
    ['deals.list', { assignorKind: '高校', assigneeKind: '企业' }],
    ['deals.list', { assigneeSize: '小型', sort: 'amountFen' }],
    ['deals.list', { industry: '煤机智能制造装备', direction: 'asc' }],
    ['deals.list', { year: 2023, search: f.nameShort, hasFlags: false }],
    ['registrations.list', { enterpriseSize: '中型' }],
  );
  return out;
}

describe("地市报送记录 on the province's PostgreSQL database", () => {
  it('lists every kind of record page by page as the SQLite store does: each sort both ways, filter and search', async () => {
    const found: Record<string, number> = {};
    for (const [method, input] of cases()) {
      const label = `${method} ${JSON.stringify(input)}`;
      const onPostgres = await walk(env.onPostgres, method, input);
      expect(onPostgres, label).toEqual(await walk(env.onSqlite, method, input));
      expect(onPostgres.total, label).toBe(onPostgres.rows.length);
      found[label] = onPostgres.rows.length;
    }
    // Not lists of nothing: every kind has rows, and the searches and filters find some and leave some out.
    for (const method of LIST_METHODS)
      expect(found[`${method} {"sort":"updatedAt","direction":"desc","status":"all"}`], method).toBeGreaterThan(0);
    const f = env.fragments;
    const deals = (input: Record<string, unknown>) => found[`deals.list ${JSON.stringify(input)}`]!;
    const allDeals = deals({ sort: 'updatedAt', direction: 'desc', status: 'all' });
    expect(allDeals).toBeGreaterThan(100);
    expect(f.usccLowerCase).toMatch(/[a-z]/);
    for (const search of [f.contractStart, f.nameShort, f.nameLong, f.usccLowerCase, f.patentNumber, f.patentTitle])
      expect(deals({ search }), search).toBeGreaterThan(0);
    expect(deals({ search: f.nameLong })).toBeLessThan(allDeals);
    expect(deals({ search: f.wildcard })).toBe(0);
    expect(deals({ status: 'voided' })).toBe(1);
    expect(deals({ hasFlags: true })).toBe(1);
    expect(found[`pledges.list ${JSON.stringify({ hasFlags: true })}`]).toBe(1);
    expect(found[`pledges.list ${JSON.stringify({ search: f.pledgee })}`]).toBeGreaterThan(0);
    expect(found[`registrations.list ${JSON.stringify({ search: f.product })}`]).toBeGreaterThan(0);
    expect(found[`subsidies.list ${JSON.stringify({ search: f.program })}`]).toBeGreaterThan(0);
  });

  it("opens each record's detail as the SQLite store does: parties, patents, payments, flags", async () => {
    const details = {
      'deals.list': 'deals.get',
      'pledges.list': 'pledges.get',
      'registrations.list': 'registrations.get',
      'figures.list': 'figures.get',
      'subsidies.list': 'subsidies.get',
    } as const satisfies Record<ListMethod, MethodName>;
    let flagged = 0;
    for (const method of LIST_METHODS) {
      const { rows } = await walk(env.onSqlite, method, { status: 'all' });
      for (const { id } of rows) {
        const onPostgres = await env.onPostgres.call(details[method], { id });
        expect(onPostgres, `${details[method]} ${id}`).toEqual(await env.onSqlite.call(details[method], { id }));
        if ('flags' in onPostgres && onPostgres.flags.length) flagged++;
      }
    }
    expect(flagged).toBe(2);
    const missing = env.onPostgres.call('deals.get', { id: 'no-such-deal' });
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("finds names, titles and numbers through the migration's pg_trgm indexes, not by reading every row", async () => {
    const f = env.fragments;
    const searches = [
      [organizationMatches(f.nameLong, 'postgres'), /organizations_name_search/],
      [patentMatches(f.patentTitle, 'postgres')!, /patents_title_search/],
    ] as const;
    for (const [match, index] of searches) {
      // The test's tables are small enough that a scan would win: forbid it to see whether an index can answer.
      const plan = await withClient(env.databaseUrl, async (c) => {
        await c.query('SET enable_seqscan = off');
        const explained = await c.query(`EXPLAIN ${numberPlaceholders(match.sql)}`, match.params);
        return explained.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      });
      expect(plan, `${match.sql}\n${plan}`).toMatch(index);
    }
    const indexes = await withClient(env.databaseUrl, (c) =>
      c.query<{ name: string }>(
        "SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE '%\\_search' ORDER BY 1",
      ),
    );
    expect(indexes.rows.map((r) => r.name)).toEqual([
      'deals_contract_no_search',
      'organizations_name_search',
      'organizations_uscc_search',
      'patents_number_search',
      'patents_title_search',
      'product_registrations_name_search',
    ]);
  });

  it('exports a list with its filters as the SQLite store does', async () => {
    for (const list of ['deals', 'pledges', 'subsidies'] as const) {
      const input = { list, filters: { status: 'all' }, format: 'csv' as const };
      const [onPostgres, onSqlite] = await Promise.all([
        env.onPostgres.call('export.list', input),
        env.onSqlite.call('export.list', input),
      ]);
      const text = Buffer.from(onPostgres.base64, 'base64').toString('utf8');
      expect(text, list).toBe(Buffer.from(onSqlite.base64, 'base64').toString('utf8'));
      expect(text.trim().split('\r\n').length, list).toBeGreaterThan(1);
    }
  });
});

describe("供需对接 on the province's PostgreSQL database", () => {
  const both = async <K extends MethodName>(method: K, input: MethodInput<K>) => {
    const [onPostgres, onSqlite] = [await env.onPostgres.call(method, input), await env.onSqlite.call(method, input)];
    expect(onPostgres, `${method} ${JSON.stringify(input)}`).toEqual(onSqlite);
    return onPostgres;
  };

  it('ranks the patents for every need, and the enterprises for the patents, as FTS5 does on the SQLite store', async () => {
    const needs = (await both('matching.needs.list', { limit: 500 })).rows;
    expect(needs.length).toBeGreaterThanOrEqual(40);
    let ranked = 0;
    for (const need of needs) {
      const { matches } = await both('matching.forNeed', { needId: need.id, limit: 20 });
      ranked += matches.length;
    }
    // Not rankings of nothing: most needs find patents, with reasons.
    expect(ranked).toBeGreaterThan(needs.length * 5);
    const supplies = (await both('matching.supply.list', { openLicenseOnly: false, limit: 500 })).rows;
    expect(supplies.length).toBeGreaterThanOrEqual(400);
    let enterprises = 0;
    for (const supply of supplies.filter((_, i) => i % 5 === 0))
      enterprises += (await both('matching.forSupply', { supplyId: supply.id, limit: 10 })).matches.length;
    expect(enterprises).toBeGreaterThan(0);
  });

  it('gives the same lists, searches and funnels', async () => {
    const f = env.fragments;
    await both('matching.supply.list', { openLicenseOnly: true, limit: 500 });
    await both('matching.supply.list', { search: f.patentTitle, openLicenseOnly: false, limit: 500 });
    await both('matching.supply.list', { search: f.nameShort.toUpperCase(), openLicenseOnly: false, limit: 50 });
    await both('matching.needs.list', { search: f.nameShort, limit: 500 });
    await both('matching.matchmakings.list', {});
    let recommended = 0;
    for (let year = 2021; year <= 2026; year++) {
      recommended += (await both('province.poolFunnel', { year })).total.recommended;
      await both('matching.funnel', { year });
    }
    expect(recommended).toBeGreaterThan(0);
  });

  it('keeps the same text index when batches arrive at PostgreSQL as when a SQLite store is moved there', async () => {
    const snapshot = (url: string) =>
      withClient(url, async (c) => {
        const tables: Record<string, unknown[]> = {};
        for (const table of Object.values(TERM_TABLES).flatMap((t) => [t.docs, t.postings]))
          tables[table] = (await c.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows;
        return tables;
      });
    const ingested = await snapshot(env.ingestUrl);
    expect(ingested.supply_postings!.length).toBeGreaterThan(1000);
    expect(await snapshot(env.databaseUrl)).toEqual(ingested);
  });
});
