import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { FunnelCard } from './FunnelCard';
import { MatchmakingsTab } from './MatchmakingsTab';
import { MatchmakingView } from './MatchmakingView';
import { NeedMatchesView } from './NeedMatchesView';
import { NeedsTab } from './NeedsTab';
import { RecommendationPrint } from './RecommendationPrint';
import { SupplyMatchesView } from './SupplyMatchesView';
import { SupplyTab } from './SupplyTab';
import { AddressTabs } from './AddressTabs';

function Pool() {
  return (
    <>
      <PageHeader
        title="供需对接"
        description="专利供给（沉睡专利池）与企业技术需求的匹配、对接和开放许可；专利供给、技术需求也可在 备案登记 → 从 Excel 导入 中批量导入"
      />
      <FunnelCard />
      <AddressTabs
        items={[
          { key: 'supply', label: '专利供给', children: <SupplyTab /> },
          { key: 'needs', label: '技术需求', children: <NeedsTab /> },
          { key: 'matchmakings', label: '对接记录', children: <MatchmakingsTab /> },
          { key: 'open', label: '开放许可', children: <SupplyTab openOnly /> },
        ]}
      />
    </>
  );
}

/**
 * 供需对接: the pool at /matching, a need's matches at /matching/needs/:id (its 推荐清单 at /matching/needs/:id/print),
 * a patent's enterprises at /matching/supply/:id, one 对接 at /matching/matchmakings/:id. The province's workbench
 * has its own /matching (`home`: the regions' funnels and every city's pool, read-only) and the same views below it.
 */
export function MatchingPage({ home = <Pool /> }: { home?: ReactNode }) {
  return (
    <Routes>
      <Route index element={home} />
      <Route path="needs/:needId" element={<NeedMatchesView />} />
      <Route path="needs/:needId/print" element={<RecommendationPrint />} />
      <Route path="supply/:supplyId" element={<SupplyMatchesView />} />
      <Route path="matchmakings/:matchmakingId" element={<MatchmakingView />} />
    </Routes>
  );
}
