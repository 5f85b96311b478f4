import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyEnterprise,
  ENTERPRISE_SIZES,
  exceedsSmeBounds,
  isUniversityOrInstitute,
  PARTY_KINDS,
  SECTORS,
  SME_THRESHOLDS,
  type Sector,
} from './enterprise';

const size = (sector: Sector, employees: number, revenueWan?: number | null) =>
  classifyEnterprise({ sector, employees, revenueWan }).size;
const rank = (s: string) => ENTERPRISE_SIZES.indexOf(s as (typeof ENTERPRISE_SIZES)[number]);

describe('party kinds', () => {
  it('lists the six kinds of DOMAIN §5', () => {
    expect(PARTY_KINDS).toEqual(['高校', '科研院所', '国有企业', '企业', '个人', '其他']);
  });

  it('counts only universities and research institutes as 高校院所', () => {
    expect(PARTY_KINDS.filter(isUniversityOrInstitute)).toEqual(['高校', '科研院所']);
  });
});

describe('classifyEnterprise', () => {
  it('makes an industrial enterprise medium only when it has both 300 staff and 2000 万元', () => {
    expect(size('工业', 300, 2000)).toBe('中型');
    expect(size('工业', 300, 1999.99)).toBe('小型');
    expect(size('工业', 299, 2000)).toBe('小型');
  });

  it('makes an industrial enterprise micro when either staff is under 20 or revenue under 300 万元', () => {
    expect(size('工业', 19, 30000)).toBe('微型');
    expect(size('工业', 900, 299)).toBe('微型');
    expect(size('工业', 20, 300)).toBe('小型');
  });

  it('calls an industrial enterprise large only at or above both 1000 staff and 40000 万元', () => {
    expect(size('工业', 1000, 40000)).toBe('大型');
    expect(size('工业', 5000, 39999)).toBe('中型');
    expect(size('工业', 999, 900000)).toBe('中型');
  });

  it.each([
    ['软件和信息技术服务业', [100, 1000], [10, 50], [300, 10000]],
    ['批发业', [20, 5000], [5, 1000], [200, 40000]],
    ['信息传输业', [100, 1000], [10, 100], [2000, 100000]],
  ] as const)('applies the %s thresholds of the table', (sector, medium, small, large) => {
    expect(size(sector, large[0], large[1])).toBe('大型');
    expect(size(sector, large[0] - 1, large[1])).toBe('中型');
    expect(size(sector, medium[0], medium[1])).toBe('中型');
    expect(size(sector, medium[0], medium[1] - 1)).toBe('小型');
    expect(size(sector, small[0], small[1])).toBe('小型');
    expect(size(sector, small[0] - 1, large[1])).toBe('微型');
    expect(size(sector, large[0], small[1] - 1)).toBe('微型');
  });

  it('sizes 其他未列明行业 by staff alone: 100 medium, 10 small, 300 large', () => {
    expect(size('其他未列明行业', 9, 1_000_000)).toBe('微型');
    expect(size('其他未列明行业', 10)).toBe('小型');
    expect(size('其他未列明行业', 100, 0)).toBe('中型');
    expect(size('其他未列明行业', 299)).toBe('中型');
    expect(size('其他未列明行业', 300)).toBe('大型');
    expect(classifyEnterprise({ sector: '其他未列明行业', employees: 50, revenueWan: 5 }).basis).toBe('staffOnly');
  });

  it('classifies by staff alone when revenue is unknown, and says so', () => {
    expect(classifyEnterprise({ sector: '工业', employees: 350 })).toEqual({
      size: '中型',
      isSme: true,
      basis: 'staffOnly',
    });
    expect(classifyEnterprise({ sector: '工业', employees: 1200, revenueWan: null })).toMatchObject({
      size: '大型',
      basis: 'staffOnly',
    });
    expect(classifyEnterprise({ sector: '工业', employees: 1200, revenueWan: 100 }).basis).toBe('staffAndRevenue');
  });

  it('refuses negative or non-numeric figures', () => {
    expect(() => classifyEnterprise({ sector: '工业', employees: -1, revenueWan: 1 })).toThrow(RangeError);
    expect(() => classifyEnterprise({ sector: '工业', employees: 1, revenueWan: Number.NaN })).toThrow(RangeError);
  });

  const figures = fc.record({
    sector: fc.constantFrom(...SECTORS),
    employees: fc.integer({ min: 0, max: 5000 }),
    revenueWan: fc.option(fc.integer({ min: 0, max: 200000 }), { nil: null }),
  });

  it('never makes an enterprise smaller when its staff or revenue grows', () => {
    fc.assert(
      fc.property(figures, fc.nat(3000), fc.nat(100000), (f, moreStaff, moreRevenue) => {
        const bigger = {
          ...f,
          employees: f.employees + moreStaff,
          revenueWan: f.revenueWan === null ? null : f.revenueWan + moreRevenue,
        };
        expect(rank(classifyEnterprise(bigger).size)).toBeGreaterThanOrEqual(rank(classifyEnterprise(f).size));
      }),
    );
  });

  it('calls an enterprise an SME exactly when it is not large, and exceedsSmeBounds exactly when it is', () => {
    fc.assert(
      fc.property(figures, (f) => {
        const c = classifyEnterprise(f);
        expect(c.isSme).toBe(c.size !== '大型');
        expect(exceedsSmeBounds(f)).toBe(c.size === '大型');
      }),
    );
  });

  it('gives the same size with revenue unknown as with a revenue at every threshold', () => {
    fc.assert(
      fc.property(figures, (f) => {
        expect(classifyEnterprise({ ...f, revenueWan: null }).size).toBe(
          classifyEnterprise({ ...f, revenueWan: Number.MAX_SAFE_INTEGER }).size,
        );
      }),
    );
  });
});

describe('exceedsSmeBounds', () => {
  it('flags an industrial assignee with 1500 staff and 50000 万元 but not one with 1500 staff and 30000 万元', () => {
    expect(exceedsSmeBounds({ sector: '工业', employees: 1500, revenueWan: 50000 })).toBe(true);
    expect(exceedsSmeBounds({ sector: '工业', employees: 1500, revenueWan: 30000 })).toBe(false);
  });
});

describe('a threshold table kept in settings', () => {
  it('replaces the 2011 table when passed', () => {
    const revised = { ...SME_THRESHOLDS, 工业: { ...SME_THRESHOLDS.工业, smeBelow: [1500, 60000] as const } };
    const figures = { sector: '工业' as const, employees: 1200, revenueWan: 50000 };
    expect(classifyEnterprise(figures).size).toBe('大型');
    expect(classifyEnterprise(figures, revised).size).toBe('中型');
    expect(exceedsSmeBounds(figures, revised)).toBe(false);
  });
});
