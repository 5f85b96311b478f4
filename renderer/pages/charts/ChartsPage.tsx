import { Col, Row, Statistic, Card } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatIndicator, formatRate } from '../../../shared/indicators/format';
import { INDICATORS, type IndicatorId } from '../../../shared/indicators/ids';
import { Computing } from '../../components/Computing';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../data/useCall';
import { useRegionYear } from '../evaluation/regionYear';
import { RegionYearSelects } from '../evaluation/RegionYearSelects';
import { GrowthChart, IndustryChart, MonthlyChart, ProgressChart, RegionChart } from './charts';
import { DealsDrawer, type DealsQuery } from './DealsDrawer';
import { NoTarget } from './TargetsLink';

const HEADLINE: IndicatorId[] = ['I1', 'I2', 'I3', 'I5', 'I5a'];

export function ChartsPage() {
  const { region, year, set, today } = useRegionYear();
  const { value: data, error } = useCall('indicators.dashboard', { region, year });
  const [deals, setDeals] = useState<DealsQuery | null>(null);
  // Until the caseworker picks a year, the page follows the data: a default year after the latest recorded deal
  // would open on empty charts.
  const yearChosen = useSearchParams()[0].has('year');
  const latest = data?.latestDataYear ?? null;
  useEffect(() => {
    if (!yearChosen && latest !== null && latest < year) set({ year: latest });
  }, [yearChosen, latest, year, set]);

  return (
    <>
      <PageHeader
        title="统计图表"
        description="各项指标的累计进度、增幅与要求、地区与产业分布、月度趋势；点击柱形或数据点可查看计入的交易"
        extra={<RegionYearSelects region={region} year={year} today={today} set={set} />}
      />
      <Computing done={data !== undefined} error={error} failed="统计失败" tip="正在统计…" />
      {data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {HEADLINE.map((id) => {
              const v = data.report.indicators[id];
              return (
                <Col key={id} flex="1 1 0">
                  <Card size="small">
                    <Statistic
                      title={`${INDICATORS[id].shortName}（累计）`}
                      value={formatIndicator(id, v.cumulative)}
                      suffix={<span style={{ fontSize: 13 }}>{INDICATORS[id].unit}</span>}
                    />
                    <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>
                      {v.target === null ? (
                        <NoTarget year={data.year} />
                      ) : (
                        `目标 ${formatIndicator(id, v.target)} · 完成 ${formatRate(v.completion)}`
                      )}
                    </div>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <ProgressChart data={data} open={setDeals} />
            </Col>
            <Col xs={24} xl={12}>
              <GrowthChart data={data} />
            </Col>
            {data.byRegion.length > 0 && (
              <Col xs={24} xl={12}>
                <RegionChart data={data} open={setDeals} />
              </Col>
            )}
            <Col xs={24} xl={12}>
              <IndustryChart data={data} open={setDeals} />
            </Col>
            <Col xs={24} xl={12}>
              <MonthlyChart data={data} open={setDeals} />
            </Col>
          </Row>
        </>
      )}
      <DealsDrawer query={deals} onClose={() => setDeals(null)} />
    </>
  );
}
