import type Database from 'better-sqlite3';
import { addDays, isoFromEpochDay, epochDayOf } from '../../shared/domain/dates';
import { SME_THRESHOLDS, type Sector } from '../../shared/domain/enterprise';
import { rollupRegion } from '../../shared/domain/regions';
import { normalizeOrgName } from '../../shared/domain/text';
import { withDeferredDealFacts } from '../indicators/deferredFacts';
import { createWriter, type Actor } from '../service/context';
import { DeskError } from '../service/errors';
import { makePatentNumber, seededUlid } from './identifiers';
import { seedPool } from './seedPool';
import { OrganizationPool, REGION_WEIGHTS, type SeedOrganization } from './organizations';
import { Random } from './random';
import { type SeedStatements, seedStatements } from './statements';
import { BANKS, PRODUCT_ENDINGS, SUBSIDY_PROGRAMS, TITLE_ENDINGS, TITLE_SUBJECTS } from './vocabulary';

export interface SeedOptions {
  deals: number;
  seed: number;
  /** Deals per transaction. */
  chunk?: number;
  onProgress?: (dealsDone: number) => void;
  /** First contract year (default 2021, the program's first); 2020 gives the base year its own deals. */
  firstYear?: number;
  /** Chance that a recorded deal brings a pledge, a product registration or a subsidy (defaults: bench volumes). */
  rates?: Partial<FilingRates>;
}

export interface FilingRates {
  pledge: number;
  registration: number;
  subsidy: number;
}

export interface SeedSummary {
  organizations: number;
  patents: number;
  deals: number;
  payments: number;
  pledges: number;
  registrations: number;
  enterpriseFigures: number;
  subsidies: number;
}

// Deals of the program years up to 2023; derived dates (payments, pledges …) stay before LAST_DAY.
const FIRST_YEAR = 2021;
const LAST_DEAL_DAY = epochDayOf('2023-12-31');
const LAST_DAY = '2024-12-31';
const ID_EPOCH_MS = Date.UTC(2024, 0, 1);
const WAN = 1_000_000; // 分 per 万元
const RATES: FilingRates = { pledge: 0.02, registration: 0.025, subsidy: 0.01 };

const KIND_WEIGHTS = [
  ['转让', 60],
  ['许可', 30],
  ['作价入股', 10],
] as const;
const MODE_WEIGHTS = [
  ['普通', 60],
  ['独占', 20],
  ['排他', 15],
  ['开放许可', 5],
] as const;
const ASSIGNOR_WEIGHTS = [
  ['高校', 35],
  ['科研院所', 15],
  ['企业', 42],
  ['个人', 8],
] as const;
const PATENT_COUNT_WEIGHTS = [
  [1, 64],
  [2, 21],
  [3, 9],
  [4, 5],
  [0, 1],
] as const; // 0: a bulk deal of 8–15
const TYPE_WEIGHTS = [
  ['1', 45],
  ['2', 45],
  ['3', 10],
] as const;
const TYPE_LABEL = { '1': '发明', '2': '实用新型', '3': '外观设计' } as const;
// Deals are about live patents: a lapsed or expired one is the rare case rule R07 exists to catch.
const STATUS_WEIGHTS = [
  ['有效', 985],
  ['失效', 6],
  ['届满', 2],
  ['审中', 7],
] as const;
// Median contract amount in 万元 by kind; spread of the log-normal.
const MEDIAN_WAN = { 转让: 15, 许可: 8, 作价入股: 120 } as const;

const cap = (iso: string) => (iso > LAST_DAY ? LAST_DAY : iso);
const stamp = (iso: string) => `${iso}T02:00:00.000Z`;

class SeedRun {
  private readonly r: Random;
  private readonly s: SeedStatements;
  private readonly pool: OrganizationPool;
  private idCounter = 0;
  private readonly firstDay: number;
  private readonly rates: FilingRates;
  private readonly serials = new Map<string, number>();
  private readonly recentPatents: { number: string; type: string }[] = [];
  readonly counts: SeedSummary = {
    organizations: 0,
    patents: 0,
    deals: 0,
    payments: 0,
    pledges: 0,
    registrations: 0,
    enterpriseFigures: 0,
    subsidies: 0,
  };

  constructor(
    private readonly db: Database.Database,
    private readonly options: SeedOptions,
  ) {
    this.r = new Random(options.seed);
    this.s = seedStatements(db);
    this.pool = new OrganizationPool(this.r, () => this.id());
    this.firstDay = epochDayOf(`${options.firstYear ?? FIRST_YEAR}-01-01`);
    this.rates = { ...RATES, ...options.rates };
  }

  private id(): string {
    return seededUlid(ID_EPOCH_MS + this.idCounter++, this.r);
  }

  run(): SeedSummary {
    this.pool.build(this.options.deals);
    this.db.transaction(() => this.insertOrganizations())();
    const chunk = this.options.chunk ?? 20_000;
    for (let done = 0; done < this.options.deals; done += chunk) {
      const n = Math.min(chunk, this.options.deals - done);
      // The deals' indicator facts are rebuilt once per chunk, not deal by deal (migration 13).
      this.db.transaction(() =>
        withDeferredDealFacts(this.db, () => {
          for (let i = 0; i < n; i++) this.deal(done + i);
        }),
      )();
      this.options.onProgress?.(done + n);
    }
    return this.counts;
  }

  private insertOrganizations(): void {
    for (const o of this.pool.all) {
      const created = stamp('2021-01-01');
      this.s.organization.run(
        o.id,
        o.name,
        normalizeOrgName(o.name),
        o.uscc,
        o.kind,
        o.regionCode,
        rollupRegion(o.regionCode),
        o.size,
        o.sector,
        created,
        created,
      );
      this.counts.organizations++;
      if (o.kind === '企业' || o.kind === '国有企业') this.figures(o);
    }
  }

  /** Yearly figures consistent with the enterprise's size, growing a little each year. */
  private figures(o: SeedOrganization): void {
    const base = { 微型: [8, 150], 小型: [60, 2_000], 中型: [400, 15_000], 大型: [2_500, 120_000] }[
      o.size ?? '小型'
    ] as [number, number];
    let employees = Math.max(1, Math.round(base[0] * this.r.logNormal(1, 0.4)));
    let revenueWan = Math.max(1, Math.round(base[1] * this.r.logNormal(1, 0.5)));
    // An SME's figures stay within the SME bounds of its sector (with room to grow), but for the few that a
    // program counts wrongly (rule R09's findings).
    const staffBound = o.size !== '大型' && o.sector ? SME_THRESHOLDS[o.sector as Sector].smeBelow[0] : null;
    if (staffBound !== null && !this.r.chance(0.05)) employees = Math.min(employees, Math.floor(staffBound * 0.6));
    for (let year = 2020; year <= 2023; year++) {
      if (year > 2020 && this.r.chance(0.1)) continue; // some years never reported
      this.s.figures.run(
        this.id(),
        o.id,
        year,
        revenueWan * WAN,
        employees,
        o.sector,
        stamp(`${year + 1}-03-31`),
        stamp(`${year + 1}-03-31`),
      );
      this.counts.enterpriseFigures++;
      employees = Math.max(1, Math.round(employees * (1 + this.r.normal() * 0.08 + 0.04)));
      revenueWan = Math.max(1, Math.round(revenueWan * (1 + this.r.normal() * 0.15 + 0.08)));
    }
  }

  private assignor(region: string): SeedOrganization {
    const kind = this.r.weighted(ASSIGNOR_WEIGHTS);
    if (kind === '高校') return this.r.pick(this.pool.universities);
    if (kind === '科研院所') return this.r.pick(this.pool.institutes);
    if (kind === '个人') return this.r.pick(this.pool.individuals);
    return this.pool.enterpriseIn(region);
  }

  private newPatent(contractDate: string, industry: keyof typeof TITLE_SUBJECTS): { number: string; type: string } {
    const contractYear = Number(contractDate.slice(0, 4));
    // Patents change hands young: most within a few years of filing, few near the end of their term (rule R07).
    const age = this.r.chance(0.985) ? this.r.int(1, 6) : this.r.int(7, 12);
    const year = Math.max(2008, contractYear - age);
    const typeDigit = this.r.weighted(TYPE_WEIGHTS);
    const key = `${year}${typeDigit}`;
    const serial = (this.serials.get(key) ?? this.r.int(100_000, 300_000)) + this.r.int(1, 7);
    this.serials.set(key, serial);
    const number = makePatentNumber(year, typeDigit, serial);
    const title = `一种${this.r.pick(TITLE_SUBJECTS[industry])}${typeDigit === '3' ? '外观' : this.r.pick(TITLE_ENDINGS)}`;
    const filingDate = isoFromEpochDay(epochDayOf(`${year}-01-01`) + this.r.int(0, 364));
    this.s.patent.run(
      number,
      TYPE_LABEL[typeDigit],
      title,
      filingDate,
      this.r.weighted(STATUS_WEIGHTS),
      stamp(contractDate),
    );
    this.counts.patents++;
    const patent = { number, type: TYPE_LABEL[typeDigit] };
    if (this.recentPatents.length < 5_000) this.recentPatents.push(patent);
    else this.recentPatents[this.r.int(0, 4_999)] = patent;
    return patent;
  }

  private patents(contractDate: string, industry: keyof typeof TITLE_SUBJECTS): string[] {
    const wanted = this.r.weighted(PATENT_COUNT_WEIGHTS) || this.r.int(8, 15);
    const numbers = new Set<string>();
    while (numbers.size < wanted) {
      // A few patents change hands again (rules R01/R02 have something to find).
      const reuse = this.recentPatents.length > 100 && this.r.chance(0.01);
      numbers.add(reuse ? this.r.pick(this.recentPatents).number : this.newPatent(contractDate, industry).number);
    }
    return [...numbers];
  }

  private deal(index: number): void {
    const r = this.r;
    const region = r.weighted(REGION_WEIGHTS);
    const assignee = this.pool.enterpriseIn(region);
    let assignor = this.assignor(region);
    while (assignor.id === assignee.id) assignor = this.pool.enterpriseIn(region);
    const kind = r.weighted(KIND_WEIGHTS);
    const contractDate = isoFromEpochDay(r.int(this.firstDay, LAST_DEAL_DAY));
    const recordationDate = r.chance(0.05) ? null : addDays(contractDate, r.int(3, 90));
    // 0.5 % nominal prices (zero included), the rest log-normal around the kind's median.
    const amountYuan = r.chance(0.005)
      ? r.int(0, 999)
      : Math.max(1_000, Math.round(r.logNormal(MEDIAN_WAN[kind] * 10_000, 1.1)));
    const amountFen = amountYuan * 100;
    const industry = assignee.industry;
    const patents = this.patents(contractDate, industry);
    const id = this.id();
    const created = stamp(recordationDate ?? contractDate);
    this.s.deal.run(
      id,
      region,
      `${region.slice(0, 4)}-${contractDate.slice(0, 4)}-${String(index + 1).padStart(7, '0')}`,
      kind,
      kind === '许可' ? r.weighted(MODE_WEIGHTS) : null,
      assignor.id,
      assignee.id,
      assignee.size,
      industry,
      contractDate,
      recordationDate,
      amountFen,
      kind === '许可' && r.chance(0.7) ? addDays(contractDate, r.int(3, 10) * 365) : null,
      patents.length,
      created,
      created,
    );
    patents.forEach((number, position) => this.s.dealPatent.run(id, number, position));
    this.counts.deals++;
    this.payments(id, contractDate, amountFen);
    if (recordationDate && r.chance(this.rates.pledge)) this.pledge(assignee, patents, recordationDate);
    if (recordationDate && assignee.size !== '大型' && r.chance(this.rates.registration))
      this.registration(assignee, patents, recordationDate);
    if (recordationDate && assignee.size !== '大型' && r.chance(this.rates.subsidy))
      this.subsidy(assignee, amountFen, recordationDate, id, null);
  }

  private payments(dealId: string, contractDate: string, amountFen: number): void {
    // Most contracts are paid; a few never are (rule R06).
    if (amountFen === 0 || this.r.chance(0.015)) return;
    const installments = this.r.weighted([
      [1, 60],
      [2, 30],
      [3, 10],
    ] as const);
    const share = this.r.chance(0.7) ? 1 : this.r.int(30, 90) / 100;
    let remaining = Math.round((amountFen * share) / 100) * 100;
    let day = contractDate;
    for (let i = 0; i < installments && remaining > 0; i++) {
      const even = Math.round(remaining / (installments - i) / 100) * 100;
      const part = i === installments - 1 ? remaining : Math.min(remaining, Math.max(100, even));
      day = cap(addDays(day, this.r.int(5, 150)));
      this.s.payment.run(
        this.id(),
        dealId,
        day,
        part,
        `PZ${day.replace(/-/g, '')}${this.r.int(1000, 9999)}`,
        stamp(day),
        stamp(day),
      );
      this.counts.payments++;
      remaining -= part;
    }
  }

  private pledge(pledgor: SeedOrganization, patents: string[], after: string): string {
    const day = cap(addDays(after, this.r.int(10, 300)));
    const id = this.id();
    const no = `ZX${day.slice(0, 4)}${pledgor.regionCode.slice(0, 4)}${String(this.counts.pledges + 1).padStart(6, '0')}`;
    const amountFen = Math.max(10, Math.round(this.r.logNormal(300, 0.9))) * WAN;
    this.s.pledge.run(
      id,
      pledgor.regionCode,
      no,
      pledgor.id,
      this.r.pick(BANKS),
      amountFen,
      day,
      this.r.pick([12, 24, 36]),
      stamp(day),
      stamp(day),
    );
    for (const number of patents) this.s.pledgePatent.run(id, number);
    this.counts.pledges++;
    if (this.r.chance(0.1)) this.subsidy(pledgor, Math.round(amountFen * 0.02), day, null, id);
    return id;
  }

  private registration(enterprise: SeedOrganization, patents: string[], after: string): void {
    const day = cap(addDays(after, this.r.int(30, 365)));
    const id = this.id();
    const no = `CPBA${day.slice(0, 4)}${String(this.counts.registrations + 1).padStart(7, '0')}`;
    const product = `${this.r.pick(TITLE_SUBJECTS[enterprise.industry])}${this.r.pick(PRODUCT_ENDINGS)}`;
    const output = this.r.chance(0.8) ? Math.round(this.r.logNormal(800, 1)) * WAN : null;
    this.s.registration.run(
      id,
      enterprise.regionCode,
      no,
      enterprise.id,
      enterprise.size,
      product,
      day,
      output,
      stamp(day),
      stamp(day),
    );
    for (const number of patents) this.s.registrationPatent.run(id, number);
    this.counts.registrations++;
  }

  private subsidy(
    recipient: SeedOrganization,
    baseFen: number,
    after: string,
    dealId: string | null,
    pledgeId: string | null,
  ): void {
    const times = this.r.chance(0.01) ? 2 : 1; // a few rewarded twice: rule R11 has something to find
    for (let t = 0; t < times; t++) {
      const day = cap(addDays(after, this.r.int(30, 240)));
      const no = `JB${day.slice(0, 4)}${String(this.counts.subsidies + 1).padStart(7, '0')}`;
      const amountFen = Math.min(Math.max(Math.round((baseFen * 0.05) / 100) * 100, 100_000), 50 * WAN);
      this.s.subsidy.run(
        this.id(),
        recipient.regionCode,
        no,
        recipient.id,
        this.r.pick(SUBSIDY_PROGRAMS),
        amountFen,
        day,
        dealId,
        pledgeId,
        stamp(day),
        stamp(day),
      );
      this.counts.subsidies++;
    }
  }
}

/**
 * Fills an empty store with deterministic synthetic filings for all twelve regions and the fourteen industries.
 * Seeded rows are not sent to the province: no outbox rows; one audit row records the seed itself.
 */
export function seedStore(
  db: Database.Database,
  actor: Actor,
  options: SeedOptions,
  now: Date = new Date(),
): SeedSummary {
  const existing = db.prepare('SELECT count(*) FROM deals').pluck().get() as number;
  if (existing > 0) throw new DeskError('SEED_NOT_EMPTY', `数据库中已有 ${existing} 笔交易，种子数据只能写入空库`);
  const summary = new SeedRun(db, options).run();
  const pool = db.transaction(() => seedPool(db, options.seed))();
  db.transaction(() => {
    createWriter(db, actor, now.toISOString()).record({
      action: 'seed',
      entity: 'store',
      entityId: null,
      detail: { seed: options.seed, ...summary, ...pool, outbox: '种子数据不进入上报队列' },
    });
  })();
  return summary;
}
