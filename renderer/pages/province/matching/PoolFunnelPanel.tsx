import { Alert, Card, Col, Row, Space, Table } from 'antd';
import { useState } from 'react';
import type { PoolFunnelRow } from '../../../../shared/contract/provinceMatching';
import { useSession } from '../../../app/session';
import { Computing } from '../../../components/Computing';
import { ExportButton } from '../../../components/export/ExportButton';
import { useCall } from '../../../data/useCall';
import { YearSelect } from '../../evaluation/RegionYearSelects';
import { PoolFunnelChart, STAGES } from './PoolFunnelChart';

type Funnel = { year: number; regions: PoolFunnelRow[]; total: PoolFunnelRow };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const days = (v: number | null) => (v === null ? '—' : `${v} 天`);

/** The table as exported: every region, then the province's total. */
function funnelTable(funnel: Funnel) {
  return {
    title: `${funnel.year}年各地区供需对接漏斗`,
    columns: [
      '地区',
      ...STAGES.map((s) => `${s.label}（${s.unit}）`),
      '推荐率',
      '对接成交率',
      '已对接专利（件）',
      '已成交专利（件）',
      '对接率（对接/供给）',
      '成交率（成交/对接）',
      '平均成交天数',
    ],
    rows: [...funnel.regions, funnel.total].map((r) => {
      const c = r.conversion;
      return [
        r.regionName,
        ...STAGES.map((s) => r[s.key]),
        percent(r.recommendRate),
        percent(r.dealRate),
        c.matched,
        c.dealt,
        percent(c.matchRate),
        percent(c.dealRate),
        days(c.avgDaysToDeal),
      ];
    }),
  };
}

/**
 * The funnels of the province's 供需对接: per region, what the cities' pools, needs and 对接 came to in a year (DOMAIN
 * §9), read-only. A region's row puts its funnel in the chart; the province's total is shown first.
 */
export function PoolFunnelPanel() {
  const { status } = useSession();
  const [year, setYear] = useState(Number(status.today.slice(0, 4)));
  // The year counted last stays on screen while another is counted.
  const { latest: funnel, error } = useCall('province.poolFunnel', { year });
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = funnel && (funnel.regions.find((r) => r.region === chosen) ?? funnel.total);
  return (
    <>
      <Computing done={funnel !== undefined} error={error} failed="统计失败" tip="正在统计…" />
      {funnel && shown && (
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <Card
              size="small"
              title="各地区供需对接漏斗"
              extra={
                <Space>
                  <YearSelect year={year} today={status.today} onChange={setYear} />
                  <ExportButton source={() => ({ table: funnelTable(funnel) })} rowCount={funnel.regions.length + 1} />
                </Space>
              }
            >
              <Alert
                type="info"
                showIcon={false}
                style={{ marginBottom: 8 }}
                message="入库专利 → 技术需求 → 获推荐需求 → 对接 → 对接成交；点击地区查看其漏斗。入库专利转化与地市工作台口径相同：对接率 = 有对接的入库专利 / 入库专利，成交率 = 成交专利 / 有对接的专利，平均成交天数自首次对接（无对接则自入库）起算。"
              />
              <Table<PoolFunnelRow>
                size="small"
                rowKey="region"
                pagination={false}
                dataSource={[...funnel.regions, funnel.total]}
                rowClassName={(r) => (r.region === shown.region ? 'ant-table-row-selected' : '')}
                onRow={(r) => ({ onClick: () => setChosen(r.region), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: '地区',
                    dataIndex: 'regionName',
                    render: (v: string, r) => (r.region === funnel.total.region ? <b>{v}（合计）</b> : v),
                  },
                  ...STAGES.map((s) => ({
                    title: `${s.label}（${s.unit}）`,
                    dataIndex: s.key,
                    align: 'right' as const,
                  })),
                  { title: '推荐率', dataIndex: 'recommendRate', align: 'right', render: percent },
                  { title: '对接成交率', dataIndex: 'dealRate', align: 'right', render: percent },
                  {
                    // The city funnel's figures of the pooled patents (DOMAIN §9), so a city's desk and the province agree.
                    title: '入库专利转化',
                    children: [
                      {
                        title: '对接率',
                        key: 'matchRate',
                        align: 'right',
                        render: (_: unknown, r: PoolFunnelRow) => (
                          <span title={`已对接 ${r.conversion.matched} 件 / 入库 ${r.supplies} 件`}>
                            {percent(r.conversion.matchRate)}
                          </span>
                        ),
                      },
                      {
                        title: '成交率',
                        key: 'conversionDealRate',
                        align: 'right',
                        render: (_: unknown, r: PoolFunnelRow) => (
                          <span title={`已成交 ${r.conversion.dealt} 件 / 已对接 ${r.conversion.matched} 件`}>
                            {percent(r.conversion.dealRate)}
                          </span>
                        ),
                      },
                      {
                        title: '平均成交天数',
                        key: 'avgDaysToDeal',
                        align: 'right',
                        render: (_: unknown, r: PoolFunnelRow) => days(r.conversion.avgDaysToDeal),
                      },
                    ],
                  },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <PoolFunnelChart row={shown} year={year} />
          </Col>
        </Row>
      )}
    </>
  );
}
