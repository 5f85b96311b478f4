import { Button, Card, Descriptions, Table, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { EnterpriseMatch } from '../../../shared/contract/matching';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { region } from '../filings/format';
import { ReasonTags } from './ReasonTags';
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
      <PageHeader
        title={`推荐企业：${supply.title}`}
        description="需求与该专利最相关的企业，同等条件下中小企业优先"
        extra={<Button onClick={() => navigate('/matching?tab=supply')}>返回</Button>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={4}
          items={[
            { label: '专利号', children: supply.patentNumber },
            { label: '权利人', children: `${supply.ownerName}（${region(supply.ownerRegion)}）` },
            { label: '所属产业', children: supply.industry },
            { label: '开放许可', children: openTerms(supply) },
          ]}
        />
      </Card>
      <Table<EnterpriseMatch>
        size="small"
        rowKey={(m) => m.need.id}
        dataSource={matches}
        pagination={false}
        locale={{ emptyText: '尚无与该专利相关的企业需求' }}
        columns={[
          { title: '排名', key: 'rank', width: 50, render: (_: unknown, __: EnterpriseMatch, i: number) => i + 1 },
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
          { title: '匹配度', dataIndex: 'score', width: 70, render: (v: number) => v.toFixed(2) },
          {
            title: '推荐理由',
            key: 'reasons',
            width: 380,
            render: (_: unknown, m) => <ReasonTags reasons={m.reasons} />,
          },
        ]}
      />
    </>
  );
}
