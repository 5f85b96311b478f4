import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorReport } from '../../shared/contract/indicators';
import { averageGrowth, yearOnYear } from '../../shared/indicators/growth';
import { setUpStore } from '../../tests/testing/tempStore';
import { runCli } from '../../tests/testing/runCli';
import { writeSampleWorkbook } from '../../tests/testing/sampleWorkbook';
import { areaCode, REFERENCE_REGIONS, referenceIndicators } from './testing/referenceFromWorkbook';

// The project's sample workbook (`patent-desk sample`) imported with the real `patent-desk import`, then every
// indicator of every region and year compared with an independent reading of docs/domain.md straight from the workbook.
let desk: Awaited<ReturnType<typeof setUpStore>>;
let reference: Awaited<ReturnType<typeof referenceIndicators>>;

beforeAll(async () => {
  desk = await setUpStore('140100');
  const { file } = await writeSampleWorkbook(desk.dir);
  const imported = runCli(['--db', desk.dbPath, 'import', file]);
  if (imported.status !== 0) throw new Error(imported.stderr);
  reference = await referenceIndicators(file);
}, 120_000);
afterAll(() => desk.close());

const SUMMED = ['I1', 'I1a', 'I1b', 'I2', 'I2a', 'I2b', 'I3', 'I4', 'I4a', 'I5', 'I5a'] as const;

describe('the sample workbook, imported, against an independent computation', () => {
  for (const year of [2021, 2022, 2023]) {
    it(`gives every region’s indicators of ${year}`, async () => {
      for (const regions of REFERENCE_REGIONS) {
        const region = areaCode(regions);
        const report: IndicatorReport = await desk.call('indicators.report', { region, year });
        const ref = reference(regions, year);
        for (const id of SUMMED) {
          const got = report.indicators[id];
          expect(got.year, `${region} ${year} ${id}`).toBe(ref.year[id]);
          expect(got.yoy, `${region} ${year} ${id} yoy`).toBe(yearOnYear(ref.year[id], ref.before[id]));
          expect(got.avgGrowth, `${region} ${year} ${id} avg`).toBe(averageGrowth(ref.year[id], ref.base[id], year));
        }
        let cumulative = { I1: 0, I5: 0, I2b: 0 };
        for (let y = 2021; y <= year; y++) {
          const v = ref.v(y);
          cumulative = { I1: cumulative.I1 + v.I1, I5: cumulative.I5 + v.I5, I2b: cumulative.I2b + v.I2b };
        }
        expect(report.indicators.I1.cumulative, `${region} ${year} I1 cumulative`).toBe(cumulative.I1);
        expect(report.indicators.I5.cumulative, `${region} ${year} I5 cumulative`).toBe(cumulative.I5);
        expect(report.indicators.I2b.cumulative, `${region} ${year} I2b cumulative`).toBe(cumulative.I2b);
        expect(report.indicators.I3.cumulative, `${region} ${year} I3 cumulative`).toBe(ref.cumulativeEnterprises);
        expect(report.indicators.I3a.year, `${region} ${year} I3a`).toBe(ref.I3a);
        expect(report.indicators.I3b.year, `${region} ${year} I3b`).toBe(ref.I3b);
      }
    });
  }
});
