import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { RegionOverview } from '../../../../shared/contract/provinceHome';
import type { IndicatorId } from '../../../../shared/indicators/ids';

/** What a view of one indicator across the regions is given: the regions, the indicator, and how to open a figure. */
export interface IndicatorViewProps {
  regions: RegionOverview[];
  id: IndicatorId;
  open: (id: IndicatorId, region: RegionOverview) => void;
}

/** The twelve regions one a row, all on one page; `scrollX` where its columns are wider than the card. */
export function RegionsTable({
  regions,
  columns,
  testId,
  scrollX,
}: {
  regions: RegionOverview[];
  columns: ColumnsType<RegionOverview>;
  testId: string;
  scrollX?: number;
}) {
  return (
    <Table<RegionOverview>
      size="small"
      rowKey="region"
      pagination={false}
      dataSource={regions}
      columns={columns}
      scroll={scrollX ? { x: scrollX } : undefined}
      data-testid={testId}
    />
  );
}

/**
 * A column of figures that open what is behind them (read-only): each a link named by its region and `title`, for
 * screen readers and tests, sorted by `sorter`.
 */
export function drillColumn(
  title: string,
  key: string,
  sorter: (a: RegionOverview, b: RegionOverview) => number,
  shown: (r: RegionOverview) => ReactNode,
  open: (r: RegionOverview) => void,
) {
  return {
    title,
    key,
    align: 'right' as const,
    sorter,
    render: (_: unknown, r: RegionOverview) => (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={`${r.regionName}${title}`}
        onClick={() => open(r)}
      >
        {shown(r)}
      </Button>
    ),
  };
}
