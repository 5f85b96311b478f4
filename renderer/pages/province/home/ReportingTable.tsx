import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RegionOverview } from '../../../../shared/contract/provinceHome';
import { formatDateTime } from '../../../components/formatDateTime';
import { drillColumn, RegionsTable } from './RegionsTable';
import type { KindKey } from '../../filings/kinds';

const byNumber = (pick: (r: RegionOverview) => number) => (a: RegionOverview, b: RegionOverview) => pick(a) - pick(b);
const byTime = (pick: (r: RegionOverview) => string | null) => (a: RegionOverview, b: RegionOverview) =>
  (pick(a) ?? '').localeCompare(pick(b) ?? '');

/** What each region has reported: batches, records held (each count opens the records), findings, installations. */
export function ReportingTable({
  regions,
  openRecords,
}: {
  regions: RegionOverview[];
  openRecords: (kind: KindKey, region: RegionOverview) => void;
}) {
  const count = (kind: KindKey, title: string, pick: (r: RegionOverview) => number) =>
    drillColumn(
      title,
      kind,
      byNumber(pick),
      (r) => pick(r).toLocaleString('zh-CN'),
      (r) => openRecords(kind, r),
    );
  const columns: ColumnsType<RegionOverview> = [
    {
      title: '地区',
      dataIndex: 'regionName',
      fixed: 'left',
      width: 150,
      sorter: (a, b) => a.region.localeCompare(b.region),
    },
    {
      title: '最近收到批次',
      dataIndex: 'lastBatchAt',
      width: 150,
      sorter: byTime((r) => r.lastBatchAt),
      render: (at: string | null) => (at ? formatDateTime(at) : <Tag>尚未报送</Tag>),
    },
    { title: '批次', dataIndex: 'batches', align: 'right', sorter: byNumber((r) => r.batches) },
    count('deals', '交易', (r) => r.records.deals),
    count('pledges', '质押', (r) => r.records.pledges),
    count('registrations', '产品备案', (r) => r.records.registrations),
    count('figures', '企业年度数据', (r) => r.records.figures),
    count('subsidies', '奖补', (r) => r.records.subsidies),
    {
      title: '跨地市提示',
      dataIndex: 'findings',
      align: 'right',
      width: 130,
      // What still waits for the province comes first; how many the region was sent in all beside it.
      sorter: (a: RegionOverview, b: RegionOverview) =>
        a.pendingFindings - b.pendingFindings || a.findings - b.findings,
      render: (n: number, r) =>
        r.pendingFindings > 0 ? (
          <>
            <Tag color="orange">{r.pendingFindings} 条待审核</Tag>共 {n}
          </>
        ) : (
          n
        ),
    },
    {
      title: '累计拒收',
      dataIndex: 'rejected',
      align: 'right',
      sorter: byNumber((r) => r.rejected),
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
    { title: '在用安装', dataIndex: 'installations', align: 'right', sorter: byNumber((r) => r.installations) },
    {
      title: '最近联系',
      dataIndex: 'lastContactAt',
      width: 150,
      sorter: byTime((r) => r.lastContactAt),
      render: (at: string | null) => formatDateTime(at),
    },
  ];
  return <RegionsTable regions={regions} columns={columns} testId="reporting-table" scrollX={1180} />;
}
