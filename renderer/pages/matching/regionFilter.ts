import { region } from '../filings/format';

/**
 * A region column's filter over the rows shown: the regions they hold, when more than one (the province's lists hold
 * every city's records; a city's hardly ever more than its own).
 */
export function regionFilter<T>(rows: readonly T[], regionOf: (row: T) => string | null) {
  const codes = [...new Set(rows.map(regionOf))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  if (codes.length < 2) return {};
  return {
    filters: codes.map((code) => ({ text: region(code), value: code ?? '' })),
    onFilter: (value: React.Key | boolean, row: T) => (regionOf(row) ?? '') === value,
  };
}

/**
 * The 报送地区 column, at the province only: the region whose installation reported each row, filtered by the
 * regions shown.
 */
export function reportedByColumns<T extends { regionCode?: string | null }>(rows: readonly T[], atProvince: boolean) {
  if (!atProvince) return [];
  return [
    {
      title: '报送地区',
      dataIndex: 'regionCode',
      width: 90,
      render: region,
      ...regionFilter(rows, (row: T) => row.regionCode ?? null),
    },
  ];
}
