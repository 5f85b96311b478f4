import { z } from 'zod';
import { method } from './define';
import { evaluationRow, indicatorYear } from './indicators';
import { INDICATOR_IDS, type IndicatorId } from '../indicators/ids';

const count = z.number().int();
const yearValues = z.object(
  Object.fromEntries(INDICATOR_IDS.map((id) => [id, z.number().nullable()])) as Record<
    IndicatorId,
    z.ZodNullable<z.ZodNumber>
  >,
);

/** One reporting region as the province sees it: what it has sent, who sends it, and its indicators of the year. */
export const regionOverview = z.object({
  region: z.string(),
  regionName: z.string(),
  /** When the latest batch of this region's installations arrived (null: none yet), and how many have arrived. */
  lastBatchAt: z.string().nullable(),
  batches: count,
  /** Live (not voided) records held for the region. */
  records: z.object({
    deals: count,
    payments: count,
    pledges: count,
    registrations: count,
    figures: count,
    subsidies: count,
  }),
  /** Cross-city findings (R01, R02, R10 …) published to the region, decided or not. */
  findings: count,
  /** Of the findings that span this region and another, those still awaiting the province's decision. */
  pendingFindings: count,
  /** Records the province refused in the region's batches so far (each refusal counted once per batch). */
  rejected: count,
  /** Installations enrolled and in use, and the latest time any of them reached the province (batch or feedback). */
  installations: count,
  lastContactAt: z.string().nullable(),
  /** The 成效评价 rows of the year: value, cumulative, target, completion, growth, 达标 / 未达标. */
  indicators: z.array(evaluationRow),
});
export type RegionOverview = z.infer<typeof regionOverview>;

export const provinceHome = z.object({
  year: z.number().int(),
  /** The latest year any deal was recorded in (null: none yet), so that the page can open on a year with data. */
  latestDataYear: z.number().int().nullable(),
  regions: z.array(regionOverview),
  /** Year values per region, 2021 through the year: the trend charts. */
  trend: z.array(
    z.object({ region: z.string(), byYear: z.array(z.object({ year: z.number().int(), values: yearValues })) }),
  ),
  /** Counted deals of the year per region and industry (the 产业地图): I1/I2 patents and amounts. */
  industries: z.array(
    z.object({ region: z.string(), industry: z.string(), I1: count, I1a: count, I2: count, I2a: count }),
  ),
});
export type ProvinceHome = z.infer<typeof provinceHome>;

export const provinceHomeMethods = {
  /** The province's home: the twelve regions side by side for one year. */
  'province.home': method({
    access: 'user',
    scope: 'province',
    input: z.object({ year: indicatorYear }),
    output: provinceHome,
  }),
};
