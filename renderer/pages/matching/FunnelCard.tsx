import { Card, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import type { FunnelRow } from '../../../shared/contract/matching';
import { useSession } from '../../app/session';
import { useCall } from '../../data/useCall';
import { region } from '../filings/format';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 供给 → 对接 → 成交 of one year per region, with the conversion rates and the days a deal took. */
export function FunnelCard() {
  const { status } = useSession();
  const [year, setYear] = useState(Number(status.today.slice(0, 4)));
  // A year that cannot be read shows as empty; the last year's rows stay while the next is read.
  const funnel = useCall('matching.funnel', { year });
  const rows = funnel.error ? [] : (funnel.latest ?? []);
  return (
    <Card
      size="small"
      title="供需对接漏斗（供给 → 对接 → 成交）"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          年度{' '}
          <InputNumber aria-label="漏斗年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        </Space>
      }
    >
      <Table<FunnelRow>
        size="small"
        pagination={false}
        rowKey="regionCode"
        dataSource={rows}
        locale={{ emptyText: '本年度尚无供给专利' }}
        columns={[
          { title: '地区', dataIndex: 'regionCode', render: (v: string) => region(v) },
          { title: '入库供给（件）', dataIndex: 'supplies' },
          { title: '已对接（件）', dataIndex: 'matched' },
          { title: '对接率', dataIndex: 'matchRate', render: percent },
          { title: '已成交（件）', dataIndex: 'dealt' },
          { title: '成交率', dataIndex: 'dealRate', render: percent },
          {
            title: '平均成交天数',
            dataIndex: 'avgDaysToDeal',
            render: (v: number | null) => (v === null ? '—' : `${v} 天`),
          },
        ]}
      />
    </Card>
  );
}
