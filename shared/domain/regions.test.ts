import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITY_REGIONS, PROVINCE, PROVINCE_CODE, regionName, resolveRegion, rollupRegion } from './regions';

const cityPrefixes = ['1401', '1402', '1403', '1404', '1405', '1406', '1407', '1408', '1409', '1410', '1411'];
const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('the regions of DOMAIN §1', () => {
  it('lists the eleven cities and 综改区 as the twelve reporting regions, without the province', () => {
    expect(CITY_REGIONS.map((r) => r.code)).toEqual([
      '140100',
      '140200',
      '140300',
      '140400',
      '140500',
      '140600',
      '140700',
      '140800',
      '140900',
      '141000',
      '141100',
      '140171',
    ]);
    expect(new Set(CITY_REGIONS.map((r) => r.shortName)).size).toBe(12);
  });

  it('names the province 山西省 under 140000', () => {
    expect(PROVINCE_CODE).toBe('140000');
    expect(PROVINCE.name).toBe('山西省');
    expect(regionName('140000')).toBe('山西省');
  });

  it('names each region by its code and knows no other code', () => {
    expect(regionName('140100')).toBe('太原市');
    expect(regionName('140171')).toBe('山西转型综合改革示范区');
    expect(regionName('140105')).toBeNull();
    expect(regionName('110000')).toBeNull();
  });
});

describe('rollupRegion', () => {
  it('keeps 140171 as its own region rather than folding it into 太原', () => {
    expect(rollupRegion('140171')).toBe('140171');
  });

  it('rolls 太原 counties up to 140100', () => {
    expect(rollupRegion('140105')).toBe('140100');
    expect(rollupRegion('140181')).toBe('140100');
  });

  it('gives null for the province itself, codes outside Shanxi and cities that do not exist', () => {
    expect(rollupRegion('140000')).toBeNull();
    expect(rollupRegion('110105')).toBeNull();
    expect(rollupRegion('141200')).toBeNull();
    expect(rollupRegion('1401')).toBeNull();
  });

  it('rolls every county code up to the first four digits plus 00, except 综改区', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cityPrefixes), twoDigits, (prefix, county) => {
        const code = prefix + county;
        expect(rollupRegion(code)).toBe(code === '140171' ? '140171' : `${prefix}00`);
      }),
    );
  });
});

describe('resolveRegion', () => {
  it('reads 太原, 太原市, 山西省太原市 and 140100 as the same region', () => {
    for (const input of ['太原', '太原市', '山西省太原市', '山西太原', '140100', ' 太原市 ', '１４０１００']) {
      expect(resolveRegion(input)).toEqual({ ok: true, code: '140100', cityCode: '140100', inShanxi: true });
    }
  });

  it('reads 综改区 and its long name as 140171, not 太原', () => {
    for (const input of [
      '综改区',
      '山西转型综合改革示范区',
      '山西综改示范区',
      '转型综改区',
      '140171',
      '太原市综改区',
    ]) {
      expect(resolveRegion(input)).toMatchObject({ ok: true, cityCode: '140171', inShanxi: true });
    }
  });

  it('resolves every region by its name, its short name and its code', () => {
    for (const region of CITY_REGIONS) {
      for (const input of [region.name, region.shortName, region.code]) {
        expect(resolveRegion(input)).toMatchObject({ ok: true, code: region.code, cityCode: region.code });
      }
    }
  });

  it('keeps a county code as given and reports its city', () => {
    expect(resolveRegion('140105')).toEqual({ ok: true, code: '140105', cityCode: '140100', inShanxi: true });
    expect(resolveRegion('140702')).toEqual({ ok: true, code: '140702', cityCode: '140700', inShanxi: true });
  });

  it('rolls a county written after its city name up to the city', () => {
    expect(resolveRegion('晋中市榆次区')).toMatchObject({ ok: true, cityCode: '140700' });
  });

  it('reads a code outside 14xxxx as outside the province', () => {
    expect(resolveRegion('110108')).toEqual({ ok: true, code: '110108', cityCode: null, inShanxi: false });
  });

  it('reads another province by name as outside Shanxi', () => {
    expect(resolveRegion('北京市')).toEqual({ ok: true, code: '110000', cityCode: null, inShanxi: false });
    expect(resolveRegion('陕西')).toEqual({ ok: true, code: '610000', cityCode: null, inShanxi: false });
  });

  it('refuses the province alone, because a deal must be counted in one of the twelve regions', () => {
    for (const input of ['140000', '山西省', '山西']) {
      const r = resolveRegion(input);
      expect(r).toMatchObject({ ok: false, code: 'REGION_UNKNOWN' });
      if (!r.ok) expect(r.message).toMatch(/地市/);
    }
  });

  it('refuses empty cells, unknown names, wrong lengths and codes of no province, in Chinese', () => {
    for (const input of ['', '小店区', '14010', '1401000', '141200', '990000', '000000']) {
      const r = resolveRegion(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('gives every Shanxi county code the same reporting region as rollupRegion, in any width', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cityPrefixes), twoDigits, fc.boolean(), (prefix, county, fullWidth) => {
        const code = prefix + county;
        const r = resolveRegion(fullWidth ? toFullWidth(code) : `${code} `);
        if (code === PROVINCE_CODE) expect(r.ok).toBe(false);
        else expect(r).toEqual({ ok: true, code, cityCode: rollupRegion(code), inShanxi: true });
      }),
    );
  });

  it('reads every code of another province as outside Shanxi', () => {
    fc.assert(
      fc.property(fc.constantFrom('11', '13', '32', '44', '61', '65', '82'), twoDigits, twoDigits, (p, c, d) => {
        expect(resolveRegion(p + c + d)).toEqual({ ok: true, code: p + c + d, cityCode: null, inShanxi: false });
      }),
    );
  });

  it('reads a name with or without 市 the same way', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CITY_REGIONS.slice(0, 11)), fc.constantFrom('', ' ', '\u3000'), (region, pad) => {
        expect(resolveRegion(pad + region.shortName + pad)).toEqual(resolveRegion(`${region.shortName}市`));
      }),
    );
  });
});
