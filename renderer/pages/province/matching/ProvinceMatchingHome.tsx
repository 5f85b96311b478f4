import { PageHeader } from '../../../components/PageHeader';
import { MatchmakingsTab } from '../../matching/MatchmakingsTab';
import { NeedsTab } from '../../matching/NeedsTab';
import { SupplyTab } from '../../matching/SupplyTab';
import { AddressTabs } from '../../matching/AddressTabs';
import { PoolFunnelPanel } from './PoolFunnelPanel';

/**
 * 供需对接 of the province's workbench (/matching): the regions' funnels, and every city's needs, pool and 对接 as the
 * cities synced them. A need opens its ranked patents from every city's pool, a patent its likely licensees in every
 * city (the city's own views, without its buttons: the province matches across cities but records nothing).
 */
export function ProvinceMatchingHome() {
  return (
    <>
      <PageHeader
        title="供需对接"
        description="各地区报送的专利供给、技术需求和对接记录（只读）；打开一项技术需求，查看全省各地市供给库中与之匹配的专利及推荐理由"
      />
      <AddressTabs
        items={[
          { key: 'funnel', label: '供需对接漏斗', children: <PoolFunnelPanel /> },
          { key: 'needs', label: '技术需求（跨地市匹配）', children: <NeedsTab /> },
          { key: 'supply', label: '专利供给', children: <SupplyTab /> },
          { key: 'matchmakings', label: '对接记录', children: <MatchmakingsTab /> },
          { key: 'open', label: '开放许可', children: <SupplyTab openOnly /> },
        ]}
      />
    </>
  );
}
