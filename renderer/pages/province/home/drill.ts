import type { IndicatorId } from '../../../../shared/indicators/ids';
import { dealFamily } from '../../../../shared/indicators/dealFamily';
import type { DealsQuery } from '../../charts/DealsDrawer';
import type { KindKey } from '../../filings/kinds';

/** What is behind a figure of the province's home: counted deals (a drawer) or a region's list of records. */
export type Drill = { deals: DealsQuery } | { records: KindKey; region: string; year?: number };

/** Indicators of deals open their counted deals; I4 the product registrations, I5 the pledges of the region and year. */
export function drillOfIndicator(id: IndicatorId, region: string, regionName: string, year: number): Drill {
  const family = dealFamily(id);
  if (family) return { deals: { region, year, family, title: `${regionName} ${year} 年计入 ${id} 的交易` } };
  return { records: id === 'I4' || id === 'I4a' ? 'registrations' : 'pledges', region, year };
}

/** The address of a region's records of one kind, read-only under the province's home. */
export function recordsAddress(drill: { records: KindKey; region: string; year?: number }): string {
  const params = new URLSearchParams({ region: drill.region, ...(drill.year ? { year: String(drill.year) } : {}) });
  return `/home/records/${drill.records}?${params}`;
}
