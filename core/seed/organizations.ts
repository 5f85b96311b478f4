import { CITY_REGIONS } from '../../shared/domain/regions';
import { INDUSTRIES, type Industry } from '../../shared/domain/industries';
import type { EnterpriseSize } from '../../shared/domain/enterprise';
import { makeUscc } from './identifiers';
import type { Random } from './random';
import { BRAND_SYLLABLES, GIVEN_NAMES, INDUSTRY_WORDS, INSTITUTE_FIELDS, SURNAMES, UNIVERSITIES } from './vocabulary';

export interface SeedOrganization {
  id: string;
  name: string;
  uscc: string | null;
  kind: '高校' | '科研院所' | '国有企业' | '企业' | '个人';
  regionCode: string;
  size: EnterpriseSize | null;
  sector: string | null;
  industry: Industry;
}

/** How often a region records deals: 太原 the most, 朔州 the least (roughly as in the bureaus' reports). */
export const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['140100', 30],
  ['140171', 8],
  ['140200', 6],
  ['140300', 4],
  ['140400', 8],
  ['140500', 7],
  ['140600', 3],
  ['140700', 8],
  ['140800', 8],
  ['140900', 4],
  ['141000', 7],
  ['141100', 5],
];

const SIZE_WEIGHTS: readonly (readonly [EnterpriseSize, number])[] = [
  ['微型', 25],
  ['小型', 40],
  ['中型', 25],
  ['大型', 10],
];
const SUFFIXES = ['有限公司', '有限公司', '科技有限公司', '股份有限公司', '集团有限公司'] as const;
const shortName = new Map(CITY_REGIONS.map((r) => [r.code, r.shortName === '综改区' ? '山西' : r.shortName]));

/** Every party the seed names; enterprises indexed by region so that deals pick local assignees. */
export class OrganizationPool {
  readonly all: SeedOrganization[] = [];
  readonly universities: SeedOrganization[] = [];
  readonly institutes: SeedOrganization[] = [];
  readonly individuals: SeedOrganization[] = [];
  readonly enterprisesByRegion = new Map<string, SeedOrganization[]>();
  private readonly names = new Set<string>();
  private usccSerial = 1;

  constructor(
    private readonly random: Random,
    private readonly newId: () => string,
  ) {}

  private uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.names.has(name); n++) {
      const numbered = base.replace(/(有限公司|大学|学院|研究院|研究所)$/, `第${n}$1`);
      name = numbered === base ? `${base}${n}` : numbered;
    }
    this.names.add(name);
    return name;
  }

  private add(org: Omit<SeedOrganization, 'id'>): SeedOrganization {
    const created = { ...org, id: this.newId() };
    this.all.push(created);
    return created;
  }

  build(deals: number): void {
    const r = this.random;
    UNIVERSITIES.forEach((name) => {
      const region = /大同/.test(name)
        ? '140200'
        : /长治/.test(name)
          ? '140400'
          : /运城/.test(name)
            ? '140800'
            : /晋中/.test(name)
              ? '140700'
              : /忻州/.test(name)
                ? '140900'
                : /吕梁/.test(name)
                  ? '141100'
                  : '140100';
      this.universities.push(
        this.add({
          name: this.uniqueName(name),
          uscc: makeUscc('12', `${region.slice(0, 4)}00`, this.usccSerial++),
          kind: '高校',
          regionCode: region,
          size: null,
          sector: null,
          industry: '其他',
        }),
      );
    });
    const institutes = Math.max(20, Math.round(deals / 20_000));
    for (let i = 0; i < institutes; i++) {
      const region = r.weighted(REGION_WEIGHTS);
      const field = r.pick(INSTITUTE_FIELDS);
      const name =
        region === '140100' || r.chance(0.5) ? `山西省${field}研究院` : `${shortName.get(region)}市${field}研究所`;
      this.institutes.push(
        this.add({
          name: this.uniqueName(name),
          uscc: makeUscc('12', region, this.usccSerial++),
          kind: '科研院所',
          regionCode: region,
          size: null,
          sector: null,
          industry: '其他',
        }),
      );
    }
    const enterprises = Math.max(60, Math.round(deals / 15));
    for (let i = 0; i < enterprises; i++) {
      const region = r.weighted(REGION_WEIGHTS);
      const industry = r.chance(0.1) ? '其他' : r.pick(INDUSTRIES.slice(0, 14));
      const stateOwned = r.chance(0.04);
      const brand = r.pick(BRAND_SYLLABLES) + r.pick(BRAND_SYLLABLES);
      const word = r.pick(INDUSTRY_WORDS[industry]);
      const picked = r.pick(SUFFIXES);
      // Never 某某科技科技有限公司.
      const suffix = word.endsWith('科技') && picked.startsWith('科技') ? '有限公司' : picked;
      const name = this.uniqueName(`${stateOwned ? '山西' : shortName.get(region)}${brand}${word}${suffix}`);
      const size = stateOwned ? '大型' : r.weighted(SIZE_WEIGHTS);
      const sector =
        industry === '信息技术应用创新' || industry === '大数据融合创新'
          ? '软件和信息技术服务业'
          : r.chance(0.85)
            ? '工业'
            : '其他未列明行业';
      const org = this.add({
        name,
        uscc: makeUscc('91', region, this.usccSerial++),
        kind: stateOwned ? '国有企业' : '企业',
        regionCode: region,
        size,
        sector,
        industry,
      });
      const list = this.enterprisesByRegion.get(region) ?? [];
      list.push(org);
      this.enterprisesByRegion.set(region, list);
    }
    const people = Math.max(10, Math.round(deals / 200));
    for (let i = 0; i < people; i++) {
      const name = this.uniqueName(`${r.pick(SURNAMES)}${r.pick(GIVEN_NAMES)}`);
      this.individuals.push(
        this.add({
          name,
          uscc: null,
          kind: '个人',
          regionCode: r.weighted(REGION_WEIGHTS),
          size: null,
          sector: null,
          industry: '其他',
        }),
      );
    }
  }

  enterpriseIn(region: string): SeedOrganization {
    const local = this.enterprisesByRegion.get(region);
    if (local?.length && this.random.chance(0.9)) return this.random.pick(local);
    // A small pool may leave a region without enterprises: draw another region until one has some.
    for (;;) {
      const elsewhere = this.enterprisesByRegion.get(this.random.weighted(REGION_WEIGHTS)) ?? local;
      if (elsewhere?.length) return this.random.pick(elsewhere);
    }
  }
}
