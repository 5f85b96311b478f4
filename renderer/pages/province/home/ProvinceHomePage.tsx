import { Card, Col, Row, Select, Tabs } from 'antd';
import { useState } from 'react';
import { Navigate, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { RegionOverview } from '../../../../shared/contract/provinceHome';
import { INDICATOR_IDS, type IndicatorId } from '../../../../shared/indicators/ids';
import { useSession } from '../../../app/session';
import { Computing } from '../../../components/Computing';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../data/useCall';
import { indicatorOptions } from '../../charts/charts';
import { DealsDrawer, type DealsQuery } from '../../charts/DealsDrawer';
import { YearSelect } from '../../evaluation/RegionYearSelects';
import { RecordDetail } from '../../filings/detail/RecordDetail';
import { KIND_ORDER, KINDS, type KindKey } from '../../filings/kinds';
import { RecordList } from '../../filings/list/RecordList';
import { drillOfIndicator, recordsAddress } from './drill';
import { HeatTable } from './HeatTable';
import { IndicatorTable } from './IndicatorTable';
import { IndustryMapChart, RankingChart, TrendChart } from './provinceCharts';
import { ReportingTable } from './ReportingTable';

/** The year from the address; until the officer picks one, the page follows the latest year with data. */
function useYear(latest: number | null) {
  const { status } = useSession();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('year');
  const fallback = Number(status.today.slice(0, 4)) - 1;
  const year = chosen ? Number(chosen) : Math.min(latest ?? fallback, fallback + 1);
  return { year, today: status.today, set: (y: number) => setParams({ year: String(y) }, { replace: true }) };
}

/** 首页 of the province's workbench: the twelve regions side by side, each figure opening the records behind it. */
function Overview() {
  const navigate = useNavigate();
  // The home of the year asked last stays on screen while another year is counted; its latest year with data picks
  // the year shown until the officer chooses one.
  const [latestYear, setLatestYear] = useState<number | null>(null);
  const { year, today, set } = useYear(latestYear);
  const { latest: home, error } = useCall('province.home', { year });
  if (home && home.latestDataYear !== latestYear) setLatestYear(home.latestDataYear);
  const [indicator, setIndicator] = useState<IndicatorId>('I1');
  const [deals, setDeals] = useState<DealsQuery | null>(null);

  const open = (id: IndicatorId, region: RegionOverview) => {
    const drill = drillOfIndicator(id, region.region, region.regionName, year);
    if ('deals' in drill) setDeals(drill.deals);
    else navigate(recordsAddress(drill));
  };
  const openRecords = (kind: KindKey, region: RegionOverview) =>
    navigate(recordsAddress({ records: kind, region: region.region }));

  return (
    <>
      <PageHeader
        title="首页"
        description="全省概览：各地区报送情况与指标完成进度并列；点击数字查看其背后的记录（只读）"
        extra={<YearSelect year={year} today={today} onChange={set} />}
      />
      <Computing done={home !== undefined} error={error} failed="统计失败" tip="正在统计…" />
      {home && (
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <Card size="small" title="各地区报送情况">
              <ReportingTable regions={home.regions} openRecords={openRecords} />
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={`${home.year} 年指标完成情况`}
              extra={
                <Select
                  aria-label="指标"
                  size="small"
                  style={{ width: 230 }}
                  value={indicator}
                  onChange={setIndicator}
                  options={indicatorOptions([...INDICATOR_IDS])}
                />
              }
            >
              <IndicatorTable regions={home.regions} id={indicator} open={open} />
            </Card>
          </Col>
          <Col span={24}>
            <HeatTable regions={home.regions} year={home.year} open={open} />
          </Col>
          <Col xs={24} xl={12}>
            <TrendChart home={home} id={indicator} />
          </Col>
          <Col xs={24} xl={12}>
            <RankingChart regions={home.regions} id={indicator} open={open} />
          </Col>
          <Col span={24}>
            <IndustryMapChart home={home} open={setDeals} />
          </Col>
        </Row>
      )}
      <DealsDrawer query={deals} onClose={() => setDeals(null)} />
    </>
  );
}

function useKind(): KindKey | null {
  const { kind } = useParams();
  return kind && kind in KINDS ? (kind as KindKey) : null;
}

/** A region's records of one kind, as the city lists them, without any way to add or change one. */
function Records() {
  const kind = useKind();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (!kind) return <Navigate to="/home" replace />;
  const query = params.toString();
  return (
    <>
      <PageHeader
        title="地市报送记录"
        description="各地市报送到省级的记录，只读；记录由报送它的地市负责修改"
        extra={<a onClick={() => navigate('/home')}>返回首页</a>}
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => navigate(`/home/records/${k}${query ? `?${query}` : ''}`)}
        items={KIND_ORDER.map((k) => ({ key: k, label: KINDS[k].label }))}
      />
      <RecordList key={`${kind}?${query}`} spec={KINDS[kind]} />
    </>
  );
}

function Record() {
  const kind = useKind();
  const { id } = useParams();
  if (!kind || !id) return <Navigate to="/home" replace />;
  return <RecordDetail key={id} spec={KINDS[kind]} id={id} />;
}

export function ProvinceHomePage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="records/:kind" element={<Records />} />
      <Route path="records/:kind/:id" element={<Record />} />
    </Routes>
  );
}
