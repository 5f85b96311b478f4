import { Button, Card, Descriptions, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MatchmakingRow } from '../../../shared/contract/matching';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { useRecordsPlace } from '../filings/recordsPlace';

export const OUTCOME_COLOR: Record<MatchmakingRow['outcome'], string> = {
  洽谈中: 'orange',
  达成意向: 'orange',
  已成交: 'green',
  未成功: 'default',
};

/** One 对接 (/matching/matchmakings/:id): which need met which patent, when, how it ended and the deal it became. */
export function MatchmakingView() {
  const { matchmakingId = '' } = useParams();
  const navigate = useNavigate();
  const { base } = useRecordsPlace();
  const { value: record, error } = useCall('matching.matchmakings.get', { id: matchmakingId });
  useShownError(error);
  if (!record) return null;
  return (
    <>
      <PageHeader
        title="对接详情"
        description={`${record.eventDate} · ${record.event}`}
        extra={<Button onClick={() => navigate('/matching?tab=matchmakings')}>返回</Button>}
      />
      <Card size="small">
        <Descriptions
          size="small"
          column={2}
          items={[
            { label: '对接日期', children: record.eventDate },
            { label: '对接活动', children: record.event },
            {
              label: '技术需求',
              children: (
                <Link to={`/matching/needs/${record.needId}`}>
                  {record.needNo} · {record.enterpriseName}
                </Link>
              ),
            },
            {
              label: '供给专利',
              children: (
                <Link to={`/matching/supply/${record.supplyId}`}>
                  {record.patentNumber} {record.patentTitle}
                </Link>
              ),
            },
            { label: '对接结果', children: <Tag color={OUTCOME_COLOR[record.outcome]}>{record.outcome}</Tag> },
            {
              label: '成交合同',
              children: record.dealId ? (
                <Link to={`${base}/deals/${record.dealId}`}>{record.dealContractNo}</Link>
              ) : (
                '尚未成交'
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
