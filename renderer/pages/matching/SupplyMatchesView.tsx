import { Button, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { EnterpriseMatch } from '../../../shared/contract/matching';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { region } from '../filings/format';
import { MatchesHeader } from './MatchesHeader';
import { RankedTable } from './ReasonTags';
import { openTerms } from './SupplyTab';

/** A pooled patent's likely licensees (专利导航识别潜在许可实施对象): enterprises whose needs match it, SMEs first on a tie. */
export function SupplyMatchesView() {
  const { supplyId = '' } = useParams();
  const navigate = useNavigate();
  const ranked = useCall('matching.forSupply', { supplyId, limit: 10 });
  useShownError(ranked.error);
  if (!ranked.value) return null;
  const { supply, matches } = ranked.value;
  return (
    <>
      <MatchesHeader
        title={`推荐企业：${supply.title}`}
        description="需求与该专利最相关的企业，同等条件下中小企业优先"
        extra={<Button onClick={() => navigate('/matching?tab=supply')}>返回</Button>}
        facts={[
          { label: '专利号', children: supply.patentNumber },
          { label: '权利人', children: `${supply.ownerName}（${region(supply.ownerRegion)}）` },
          { label: '所属产业', children: supply.industry },
          { label: '开放许可', children: openTerms(supply) },
        ]}
      />
      <RankedTable<EnterpriseMatch>
        rows={matches}
        rowKey={(m) => m.need.id}
        emptyText="尚无与该专利相关的企业需求"
        reasonsWidth={380}
        columns={[
          {
            title: '企业',
            key: 'enterprise',
            width: 240,
            render: (_: unknown, m) => (
              <>
                {m.need.enterpriseName}
                <br />
                {region(m.need.enterpriseRegion)}{' '}
                {m.need.enterpriseSize && <Tag style={{ marginInlineStart: 4 }}>{m.need.enterpriseSize}</Tag>}
              </>
            ),
          },
          {
            title: '需求',
            key: 'need',
            ellipsis: true,
            render: (_: unknown, m) => (
              <a onClick={() => navigate(`/matching/needs/${m.need.id}`)}>{m.need.needText}</a>
            ),
          },
        ]}
      />
    </>
  );
}
