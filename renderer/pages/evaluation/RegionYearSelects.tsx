import { Select } from 'antd';
import { reportingRegionOptions, yearOptions } from './regionYear';

/** The year of the figures shown, 2020 through this year. */
export function YearSelect({
  year,
  today,
  onChange,
}: {
  year: number;
  today: string;
  onChange: (year: number) => void;
}) {
  return (
    <Select aria-label="年度" style={{ width: 110 }} value={year} options={yearOptions(today)} onChange={onChange} />
  );
}

/** The region (a city or the whole province) and the year of the figures shown, as useRegionYear keeps them. */
export function RegionYearSelects({
  region,
  year,
  today,
  set,
}: {
  region: string;
  year: number;
  today: string;
  set: (next: { region?: string; year?: number }) => void;
}) {
  return (
    <>
      <Select
        aria-label="地区"
        style={{ width: 200 }}
        value={region}
        options={reportingRegionOptions}
        onChange={(v) => set({ region: v })}
      />
      <YearSelect year={year} today={today} onChange={(v) => set({ year: v })} />
    </>
  );
}
