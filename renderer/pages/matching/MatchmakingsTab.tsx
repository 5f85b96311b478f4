import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { MatchmakingRow } from '../../../shared/contract/matching';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { useRecordsPlace } from '../filings/recordsPlace';
import { OUTCOME_COLOR } from './MatchmakingView';
import { PoolTable } from './PoolTable';

/** The 对接 records: which need, which patent, when, what happened, and the deal it became. */
export function MatchmakingsTab() {
  const { value: rows, error } = useCall('matching.matchmakings.list', {});
  useShownError(error);
  return <MatchmakingTable rows={rows ?? []} />;
}

export function MatchmakingTable({
  rows,
  actions,
}: {
  rows: MatchmakingRow[];
  actions?: (m: MatchmakingRow) => React.ReactNode;
}) {
  // A deal opens where this installation keeps its records (the province: the cities' records, read-only).
  const { base } = useRecordsPlace();
  return (
    <PoolTable<MatchmakingRow>
      rows={rows}
      atProvince={false}
      emptyText="尚无对接记录"
      columns={[
        {
          title: '对接日期',
          key: 'date',
          width: 110,
          render: (_: unknown, m) => <Link to={`/matching/matchmakings/${m.id}`}>{m.eventDate}</Link>,
        },
        {
          title: '需求',
          key: 'need',
          width: 230,
          render: (_: unknown, m) => (
            <Link to={`/matching/needs/${m.needId}`}>
              {m.needNo} · {m.enterpriseName}
            </Link>
          ),
        },
        {
          title: '专利',
          key: 'patent',
          ellipsis: true,
          render: (_: unknown, m) => `${m.patentNumber} ${m.patentTitle}`,
        },
        { title: '对接活动', dataIndex: 'event', width: 160, ellipsis: true },
        {
          title: '结果',
          dataIndex: 'outcome',
          width: 90,
          render: (v: MatchmakingRow['outcome']) => <Tag color={OUTCOME_COLOR[v]}>{v}</Tag>,
        },
        {
          title: '成交合同',
          key: 'deal',
          width: 130,
          render: (_: unknown, m) =>
            m.dealId ? <Link to={`${base}/deals/${m.dealId}`}>{m.dealContractNo}</Link> : '—',
        },
        ...(actions
          ? [{ title: '操作', key: 'actions', width: 110, render: (_: unknown, m: MatchmakingRow) => actions(m) }]
          : []),
      ]}
    />
  );
}
