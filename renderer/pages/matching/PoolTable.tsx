import { Table, type TableColumnsType } from 'antd';
import { reportedByColumns } from './regionFilter';

/**
 * A 供需对接 list, 20 rows a page; at the province its first column says which region reported each row.
 */
export function PoolTable<T extends { id: string; regionCode?: string | null }>({
  rows,
  atProvince,
  emptyText,
  columns,
}: {
  rows: T[];
  atProvince: boolean;
  emptyText?: string;
  columns: TableColumnsType<T>;
}) {
  return (
    <Table<T>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={emptyText ? { emptyText } : undefined}
      columns={[...reportedByColumns(rows, atProvince), ...columns]}
    />
  );
}
