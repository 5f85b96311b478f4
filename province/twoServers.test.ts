import { isDeepStrictEqual as isEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealInput } from '../shared/contract/filings/deals';
import type { PartyInput } from '../shared/contract/filings/parties';
import { ENTERPRISE, UNIVERSITY } from '../core/filings/testing/sampleFilings';
import { runSyncPass } from '../core/sync/client';
import { signingIdentity } from '../core/sync/installationKey';
import { bulkDeal, patentNumber, recordDeal, recordManyDeals } from '../core/sync/testing/syncFixtures';
import { enrollKey } from '../core/province/installations/keys';
import { openProvinceDb } from '../core/province/store/openProvinceDb';
import type { ProvinceDb } from '../core/province/store/provinceDb';
import { startPostgres } from '../tests/testing/postgres';
import { setUpStore } from '../tests/testing/tempStore';
import { startBalancer, type DoubledBatch } from './testing/balancer';
import { startServeProcess, type ServeProcess } from './testing/serveProcess';

/**
 * Several provincial front ends behind a load balancer: two real `province serve` processes on one PostgreSQL
 * database take the batches of eight installations at once, each installation's batches alternating between them and
 * some sent to both at the same moment. The cities report the same patents and the same enterprise, each in its own
 * words, so that the servers race for who owns what. Nothing may be lost, doubled, or answered two ways.
 */

/** Eight installations: two of 太原, two of 大同, one of each of four other cities. */
const REGIONS = ['140100', '140100', '140200', '140200', '140300', '140400', '140500', '140600'];
/** Patents every installation reports, three to a deal: twelve in the first round, three more in each later one. */
const CONTESTED = Array.from({ length: 18 }, (_, k) => patentNumber(500 + k, 2021));
/** Each region's title of the contested patents: 阳泉 writes them as 太原 does, every other region its own way. */
const titleIn = (region: string, k: number) => `争议专利 ${k}（${region === '140300' ? '140100' : region} 的写法）`;
/** Each region's description of the one enterprise (same USCC everywhere): its size, three ways. */
const SIZE_IN: Record<string, PartyInput['size']> = {
  '140100': '小型',
  '140200': '中型',
  '140300': '中型',
  '140400': '小型',
  '140500': '大型',
  '140600': '小型',
};
const enterpriseIn = (region: string): PartyInput => ({ ...ENTERPRISE, size: SIZE_IN[region] });

const RECORDS_PER_BATCH = 6;
/** Every third batch of an installation goes to both servers at once. */
const DOUBLE_EVERY = 3;
const ROUNDS = 3;

let cluster: Awaited<ReturnType<typeof startPostgres>>;
let db: ProvinceDb;
const servers: ServeProcess[] = [];
const cleanups: (() => unknown)[] = [];
let cities: City[];
/** The batches the balancers sent to both servers at once, with both answers. */
let doubled: DoubledBatch[];
/** Each sync pass that did not settle, with its reason. */
const unsettled: string[] = [];
/** Both servers' log lines, each with the index of the server that wrote it. */
let logs: Record<string, unknown>[];

type City = Awaited<ReturnType<typeof setUpStore>> & { region: string; index: number; fingerprint: string };

async function installation(region: string, index: number): Promise<City> {
  const c = await setUpStore(region);
  cleanups.push(c.close);
  const identity = await signingIdentity(c.service.store, c.adminActor);
  await enrollKey(
    db,
    region,
    identity.publicKeyPem,
    { id: null, name: '省级管理员', role: '管理员' },
    new Date().toISOString(),
  );
  return { ...c, region, index, fingerprint: identity.fingerprint };
}

/** The city's own deals: `count` from `offset` on, overlapping other cities' patent numbers, with its enterprise. */
function ownDeals(c: City, count: number, offset: number) {
  recordManyDeals(c.service.store, c.adminActor, c.region, count, offset, { assignee: enterpriseIn(c.region) });
}

/** An edit of one of the city's own deals (a new version of it and of its payment). */
function editDeal(c: City, n: number, round: number) {
  const deal: Partial<DealInput> = {
    ...bulkDeal(c.region, n, 5_000_000 + 1000 * round + n),
    assignee: enterpriseIn(c.region),
  };
  recordDeal(c.service.store, c.adminActor, c.region, deal);
}

/** A deal over three of the contested patents, in the city's own words. */
function contestedDeal(c: City, j: number) {
  const patents = [3 * j, 3 * j + 1, 3 * j + 2].map((k) => ({
    number: CONTESTED[k]!,
    title: titleIn(c.region, k),
    filingDate: '2021-03-01',
    status: '有效' as const,
  }));
  recordDeal(c.service.store, c.adminActor, c.region, {
    contractNo: `ZY-${c.index}-${j}`,
    patents,
    assignee: enterpriseIn(c.region),
  });
}

/** The first round: four deals over contested patents, then 24 of its own. */
function firstFilings(c: City) {
  for (const j of [0, 1, 2, 3]) contestedDeal(c, j);
  ownDeals(c, 24, (c.index % 3) * 8);
}

/** Later rounds: another contested deal, five edits of earlier deals and eight new ones. */
function laterFilings(c: City, round: number) {
  contestedDeal(c, 3 + round);
  for (let n = 0; n < 5; n++) editDeal(c, (c.index % 3) * 8 + round + n, round);
  ownDeals(c, 8, 100 * round + (c.index % 3) * 4);
}

const cityAll = <T>(c: City, sql: string, ...params: unknown[]) =>
  c.service.store.db.prepare(sql).all(...params) as T[];
const pluck = (c: City, sql: string) => c.service.store.db.prepare(sql).pluck().all() as string[];
const sorted = (values: string[]) => [...values].sort();

/** The description of a shared record another region may claim: the row without the fields the desk keeps itself. */
const described = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).filter(
      ([k]) => !['id', 'number', 'version', 'created_at', 'updated_at', 'name_norm'].includes(k),
    ),
  );

/** The claims held for one kind of record, as `id|region|differing`, each checked to have its one province flag. */
async function claimsOf(entity: string): Promise<string[]> {
  const claims = await db.all<{ record_id: string; region_code: string; differing: string }>(
    'SELECT record_id, region_code, differing FROM province_claims WHERE entity = ?',
    [entity],
  );
  const flags = await db.all<{ fingerprint: string }>(
    "SELECT fingerprint FROM province_feedback WHERE rule_id = 'CLAIM' AND fingerprint LIKE ?",
    [`CLAIM|${entity}:%`],
  );
  expect(sorted(flags.map((f) => f.fingerprint))).toEqual(
    sorted(claims.map((c) => `CLAIM|${entity}:${c.record_id}|${c.region_code}`)),
  );
  return sorted(claims.map((c) => `${c.record_id}|${c.region_code}|${c.differing}`));
}

beforeAll(async () => {
  cluster = await startPostgres();
  // Opened (and so migrated) before the servers start: the test enrolls keys and reads the outcome through it.
  db = await openProvinceDb({ databaseUrl: cluster.url });
  servers.push(...(await Promise.all([1, 2].map(() => startServeProcess({ databaseUrl: cluster.url })))));
  cities = await Promise.all(REGIONS.map((region, i) => installation(region, i)));
  const urls = servers.map((s) => s.url);
  const balancers = await Promise.all(
    cities.map((c) => startBalancer(urls, { doubleEvery: DOUBLE_EVERY, first: c.index })),
  );
  for (const b of balancers) cleanups.push(b.close);

  // Each round, every installation files, then all of them sync at once, passes until settled.
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cities) {
      if (round === 0) firstFilings(c);
      else laterFilings(c, round);
    }
    await Promise.all(
      cities.map(async (c) => {
        for (let pass = 0; pass < 3; pass++) {
          const result = await runSyncPass(c.service.store, {
            endpoint: balancers[c.index]!.url,
            actor: c.adminActor,
            ignoreSchedule: true,
            recordsPerBatch: RECORDS_PER_BATCH,
          });
          if (result.settled) break;
          unsettled.push(`installation ${c.index} (${c.region}), round ${round}: ${result.lastError}`);
        }
      }),
    );
  }
  doubled = balancers.flatMap((b) => b.doubled);
  logs = servers.flatMap((s, i) => s.logs.map((l) => ({ ...l, server: i })));
}, 180_000);

afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await Promise.all(servers.map((s) => s.stop()));
  await db?.close();
  await cluster?.stop();
});

const batchIds = (c: City) => pluck(c, 'SELECT id FROM sync_batches');
const provinceList = async (sql: string) => sorted((await db.all<{ v: string }>(sql)).map((r) => r.v));
const count = async (sql: string) => (await db.get<{ n: number }>(sql))!.n;

describe('two province servers on one PostgreSQL database, eight installations syncing through a balancer at once', () => {
  it('answer every batch the first time: no pass had to run again, no server answered otherwise than 200', () => {
    expect(unsettled).toEqual([]);
    expect(logs.filter((l) => l.level === 'error' || (typeof l.status === 'number' && l.status !== 200))).toEqual([]);
    expect(servers.map((s) => s.stderr())).toEqual(['', '']);
  });

  it('answer a batch sent to both at the same moment alike, and take it in once', () => {
    expect(doubled.length).toBeGreaterThanOrEqual(40);
    for (const d of doubled) {
      expect(d.answers.map((a) => a.status)).toEqual([200, 200]);
      expect(JSON.parse(d.answers[1]!.body)).toEqual(JSON.parse(d.answers[0]!.body));
    }
    // Each batch was taken in fresh exactly once, by one server or the other; the other copy of a doubled batch was
    // answered from the stored summary.
    const batchLines = logs.filter((l) => l.event === 'batch');
    const fresh = batchLines.filter((l) => l.replay === false);
    const replays = batchLines.filter((l) => l.replay === true);
    expect(sorted(fresh.map((l) => String(l.batchId)))).toEqual(sorted(cities.flatMap(batchIds)));
    expect(sorted(replays.map((l) => String(l.batchId)))).toEqual(sorted(doubled.map((d) => d.batchId)));
    // Each installation's batches were taken by both servers, one after the other.
    const takenBy = new Map(fresh.map((l) => [String(l.batchId), l.server]));
    for (const c of cities) expect(new Set(batchIds(c).map((id) => takenBy.get(id)))).toEqual(new Set([0, 1]));
  });

  it("hold each installation's batches once, in an unbroken sequence, with the summary the city holds", async () => {
    expect(await count('SELECT count(*) AS n FROM province_batches')).toBe(cities.flatMap(batchIds).length);
    for (const c of cities) {
      const own = cityAll<{ id: string; seq_from: number; seq_to: number; state: string; summary: string }>(
        c,
        'SELECT id, seq_from, seq_to, state, summary FROM sync_batches ORDER BY seq_from',
      );
      const held = await db.all<{
        batch_id: string;
        seq_from: number;
        seq_to: number;
        record_count: number;
        summary: string;
      }>(
        'SELECT batch_id, seq_from, seq_to, record_count, summary FROM province_batches WHERE key_fingerprint = ? ORDER BY seq_from',
        [c.fingerprint],
      );
      expect(own.map((b) => b.state)).toEqual(own.map(() => '已接收'));
      expect(held.map((b) => [b.batch_id, b.seq_from, b.seq_to])).toEqual(own.map((b) => [b.id, b.seq_from, b.seq_to]));
      expect(held.map((b) => JSON.parse(b.summary) as unknown)).toEqual(
        own.map((b) => JSON.parse(b.summary) as unknown),
      );
      held.forEach((b, i) => expect(b.seq_from).toBe(i === 0 ? 1 : held[i - 1]!.seq_to + 1));
      const key = await db.get<{ next_seq: number }>('SELECT next_seq FROM province_keys WHERE fingerprint = ?', [
        c.fingerprint,
      ]);
      expect(key!.next_seq).toBe(held.at(-1)!.seq_to + 1);
      // Every record of every batch was taken or counted as a duplicate; none was refused: no installation sends
      // another region's record (NOT_OWNER), and another region's wording of a shared record is a claim, not a refusal.
      for (const b of held) {
        const summary = JSON.parse(b.summary) as { accepted: number; duplicates: number; rejected: unknown[] };
        expect(summary.rejected).toEqual([]);
        expect(summary.accepted + summary.duplicates).toBe(b.record_count);
      }
    }
  });

  it("hold every installation's own records once, at their latest version", async () => {
    for (const [table, key] of [
      ['deals', 'id'],
      ['payments', 'id'],
    ]) {
      const sql = `SELECT ${key} || '@' || version || ':' || coalesce(voided_at, '') AS v FROM ${table}`;
      expect(await provinceList(sql)).toEqual(sorted(cities.flatMap((c) => pluck(c, sql.replace(' AS v', '')))));
    }
    const links = "SELECT deal_id || ':' || patent_number AS v FROM deal_patents";
    expect(await provinceList(links)).toEqual(sorted(cities.flatMap((c) => pluck(c, links.replace(' AS v', '')))));
  });

  it("give each shared patent one owner among the regions that sent it, in its words; the others' words are claims", async () => {
    const senders = new Map<string, City[]>();
    for (const c of cities)
      for (const number of pluck(c, 'SELECT number FROM patents'))
        senders.set(number, [...(senders.get(number) ?? []), c]);
    expect(await provinceList('SELECT number AS v FROM patents')).toEqual(sorted([...senders.keys()]));
    const owners = await db.all<{ record_id: string; region_code: string }>(
      "SELECT record_id, region_code FROM province_record_owners WHERE entity = 'patent'",
    );
    expect(sorted(owners.map((o) => o.record_id))).toEqual(sorted([...senders.keys()]));
    const wordsOf = (c: City, number: string) =>
      described(cityAll<Record<string, unknown>>(c, 'SELECT * FROM patents WHERE number = ?', number)[0]!);
    const expected: string[] = [];
    for (const { record_id: number, region_code: owner } of owners) {
      const from = senders.get(number)!;
      const ownerCity = from.find((c) => c.region === owner);
      expect(ownerCity, `${number} is owned by ${owner}, which did not send it`).toBeDefined();
      const held = await db.get<Record<string, unknown>>('SELECT * FROM patents WHERE number = ?', [number]);
      expect(described(held!)).toEqual(wordsOf(ownerCity!, number));
      for (const c of from.filter((other) => other.region !== owner)) {
        const claim = `${number}|${c.region}|["title"]`;
        if (!isEqual(wordsOf(c, number), wordsOf(ownerCity!, number)) && !expected.includes(claim))
          expected.push(claim);
      }
    }
    // Each contested patent is worded otherwise than by its owner in four or five regions.
    expect(expected.length).toBeGreaterThanOrEqual(4 * CONTESTED.length);
    expect(await claimsOf('patent')).toEqual(sorted(expected));
  });

  it('keep one organization per USCC, owned by the region of the id it kept; the other ids are its aliases', async () => {
    const expected: string[] = [];
    for (const party of [UNIVERSITY, ENTERPRISE]) {
      const rows = await db.all<{ id: string }>('SELECT id FROM organizations WHERE uscc = ?', [party.uscc!]);
      expect(rows).toHaveLength(1);
      const holder = rows[0]!.id;
      const rowIn = (c: City) =>
        cityAll<{ id: string }>(c, 'SELECT * FROM organizations WHERE uscc = ?', party.uscc)[0]!;
      const holderCity = cities.find((c) => rowIn(c).id === holder)!;
      expect(holderCity).toBeDefined();
      const owner = await db.get('SELECT region_code FROM province_record_owners WHERE entity = ? AND record_id = ?', [
        'organization',
        holder,
      ]);
      expect(owner).toEqual({ region_code: holderCity.region });
      const held = await db.get<Record<string, unknown>>('SELECT * FROM organizations WHERE id = ?', [holder]);
      expect(described(held!)).toEqual(described(rowIn(holderCity)));
      const others = cities.filter((c) => c !== holderCity);
      const aliases = await db.all<{ source_id: string; region_code: string }>(
        'SELECT source_id, region_code FROM province_org_aliases WHERE organization_id = ?',
        [holder],
      );
      expect(sorted(aliases.map((a) => `${a.source_id}|${a.region_code}`))).toEqual(
        sorted(others.map((c) => `${rowIn(c).id}|${c.region}`)),
      );
      for (const c of others.filter((other) => other.region !== holderCity.region)) {
        const claim = `${holder}|${c.region}|["size"]`;
        if (!isEqual(described(rowIn(c)), described(rowIn(holderCity))) && !expected.includes(claim))
          expected.push(claim);
      }
    }
    expect(await count("SELECT count(*) AS n FROM province_record_owners WHERE entity = 'organization'")).toBe(2);
    const assignees = await db.all('SELECT DISTINCT o.uscc FROM deals d JOIN organizations o ON o.id = d.assignee_id');
    expect(assignees).toEqual([{ uscc: ENTERPRISE.uscc }]);
    // The enterprise is sized otherwise than by its owner in three to five regions; the university alike everywhere.
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(await claimsOf('organization')).toEqual(sorted(expected));
  });
});
