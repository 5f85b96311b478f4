import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { MatchmakingRow, PatentMatch, SupplyRow } from '../../../shared/contract/matching';
import { ExportButton } from '../../components/export/ExportButton';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { printSheets } from '../evaluation/printing';
import { region, wan } from '../filings/format';
import { useRecordsPlace } from '../filings/recordsPlace';
import { DealFromPool } from './DealFromPool';
import { MatchmakingForm } from './MatchmakingForm';
import { MatchmakingTable } from './MatchmakingsTab';
import { MatchesHeader } from './MatchesHeader';
import { RankedTable } from './ReasonTags';
import { RECOMMENDED, RecommendationPrintRoot } from './RecommendationPrint';

/**
 * A need's ranked patents with the reasons and each patent's region, its 对接 records, and the step from a 对接 to a
 * deal. At the province the same ranking runs over every city's pool, read-only: no 记录对接, no 转为交易.
 */
export function NeedMatchesView() {
  const { needId = '' } = useParams();
  const navigate = useNavigate();
  const { canEdit, atProvince } = useRecordsPlace();
  const { run } = useAction();
  const ranked = useCall('matching.forNeed', { needId, limit: RECOMMENDED });
  const matchmakings = useCall('matching.matchmakings.list', { needId });
  useShownError(ranked.error ?? matchmakings.error);
  const [meeting, setMeeting] = useState<SupplyRow | null>(null);
  const [dealing, setDealing] = useState<{ supply: SupplyRow; matchmakingId: string } | null>(null);
  // Read again after a 对接 or a deal is recorded; the page keeps what it shows meanwhile.
  const load = () => {
    ranked.reload();
    matchmakings.reload();
  };
  const shown = ranked.latest?.need.id === needId ? ranked.latest : undefined;
  if (!shown) return null;
  const { need, matches } = shown;
  const records = matchmakings.latest?.filter((m) => m.needId === needId) ?? [];

  /** The pooled patent of a 对接, to start its deal from: among the ranked ones, or else looked up in the pool. */
  const supplyOf = async (m: MatchmakingRow) =>
    matches.find((x) => x.supply.id === m.supplyId)?.supply ??
    (await call('matching.supply.list', { search: m.patentNumber })).rows.find((s) => s.id === m.supplyId);
  const startDeal = (m: MatchmakingRow) =>
    run(async () => {
      const supply = await supplyOf(m);
      if (supply) setDealing({ supply, matchmakingId: m.id });
    });
  const exportTable = () => ({
    table: {
      title: `${need.needNo} 匹配专利`,
      columns: ['排名', '专利号', '专利名称', '权利人', '所在地', '所属产业', '匹配度', '推荐理由'],
      rows: matches.map((m, i) => [
        i + 1,
        m.supply.patentNumber,
        m.supply.title,
        m.supply.ownerName,
        region(m.supply.ownerRegion),
        m.supply.industry,
        m.score,
        m.reasons.map((r) => r.text).join('；'),
      ]),
    },
  });
  return (
    <>
      <MatchesHeader
        title={`匹配专利：${need.enterpriseName}`}
        description="按匹配度排序；推荐理由说明排在这里的原因"
        extra={
          <>
            <Button onClick={() => navigate('/matching?tab=needs')}>返回</Button>
            <ExportButton source={exportTable} rowCount={matches.length} />
            <Button icon={<PrinterOutlined />} onClick={() => void printSheets()}>
              打印推荐清单
            </Button>
          </>
        }
        facts={[
          { label: '需求编号', children: need.needNo },
          ...(atProvince ? [{ label: '报送地区', children: region(need.regionCode) }] : []),
          { label: '紧迫程度', children: need.urgency },
          { label: '所属产业', children: need.industry },
          { label: '所在地', children: region(need.enterpriseRegion) },
          { label: '预算', children: wan(need.budgetFen) },
          { label: '企业规模', children: need.enterpriseSize ?? '—' },
          { label: '关键词', children: need.keywords || '—', span: atProvince ? 1 : 2 },
          { label: '需求描述', children: need.needText, span: 4 },
        ]}
      />
      <Card size="small" title="候选专利" style={{ marginBottom: 12 }}>
        <RankedTable<PatentMatch>
          rows={matches}
          rowKey={(m) => m.supply.id}
          emptyText="供给库中没有与该需求相关的专利"
          columns={[
            {
              title: '专利',
              key: 'patent',
              width: 300,
              render: (_: unknown, m) => (
                <>
                  <Typography.Text strong>{m.supply.title}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {m.supply.patentNumber} · {m.supply.ownerName}
                  </Typography.Text>
                </>
              ),
            },
            { title: '所在地', key: 'region', width: 80, render: (_: unknown, m) => region(m.supply.ownerRegion) },
          ]}
          after={
            canEdit
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, m: PatentMatch) => (
                      <Button size="small" type="link" onClick={() => setMeeting(m.supply)}>
                        记录对接
                      </Button>
                    ),
                  },
                ]
              : []
          }
        />
      </Card>
      <Card size="small" title="对接记录">
        <MatchmakingTable
          rows={records}
          actions={
            canEdit
              ? (m) =>
                  m.dealId ? null : (
                    <Space>
                      <Button size="small" type="link" onClick={() => void startDeal(m)}>
                        转为交易
                      </Button>
                    </Space>
                  )
              : undefined
          }
        />
      </Card>
      {meeting && (
        <MatchmakingForm
          needId={need.id}
          supplyId={meeting.id}
          title={meeting.title}
          onClose={() => setMeeting(null)}
          onSaved={() => {
            setMeeting(null);
            load();
          }}
        />
      )}
      {dealing && (
        <DealFromPool
          supply={dealing.supply}
          matchmakingId={dealing.matchmakingId}
          assignee={{
            id: need.enterpriseId,
            name: need.enterpriseName,
            kind: need.enterpriseKind,
            regionCode: need.enterpriseRegion,
            size: need.enterpriseSize,
          }}
          onClose={() => setDealing(null)}
          onSaved={() => {
            setDealing(null);
            load();
          }}
        />
      )}
      <RecommendationPrintRoot need={need} matches={matches} />
    </>
  );
}
