import { Table, type TableColumnsType, Tag } from 'antd';
import type { MatchReason } from '../../../shared/contract/matching';

const COLOR: Record<MatchReason['kind'], string> = {
  industry: 'blue',
  ipc: 'geekblue',
  keywords: 'green',
  text: 'default',
  region: 'orange',
  size: 'purple',
};

/** Why a candidate ranks where it does, one tag per reason. */
export function ReasonTags({ reasons }: { reasons: MatchReason[] }) {
  return (
    <span data-testid="reasons">
      {reasons.map((r) => (
        <Tag key={r.text} color={COLOR[r.kind]} style={{ marginBottom: 4 }}>
          {r.text}
        </Tag>
      ))}
    </span>
  );
}

/**
 * Ranked candidates (a need's patents, a patent's enterprises), best first: 排名, what `columns` show of each, its
 * 匹配度 and the reasons it ranks there, then `after` (a row's buttons).
 */
export function RankedTable<T extends { score: number; reasons: MatchReason[] }>({
  rows,
  rowKey,
  emptyText,
  columns,
  reasonsWidth,
  after = [],
}: {
  rows: T[];
  rowKey: (row: T) => string;
  emptyText: string;
  columns: TableColumnsType<T>;
  reasonsWidth?: number;
  after?: TableColumnsType<T>;
}) {
  return (
    <Table<T>
      size="small"
      rowKey={rowKey}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText }}
      columns={[
        { title: '排名', key: 'rank', width: 50, render: (_: unknown, __: T, i: number) => i + 1 },
        ...columns,
        { title: '匹配度', dataIndex: 'score', width: 70, render: (v: number) => v.toFixed(2) },
        {
          title: '推荐理由',
          key: 'reasons',
          width: reasonsWidth,
          render: (_: unknown, m: T) => <ReasonTags reasons={m.reasons} />,
        },
        ...after,
      ]}
    />
  );
}
