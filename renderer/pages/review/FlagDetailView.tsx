import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { FlagDetail } from '../../../shared/contract/rules';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/formatDateTime';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { DealsSideBySide } from './DealsSideBySide';
import { DecisionPanel } from './DecisionPanel';
import { FindingView } from './FindingView';
import { ageText, SourceTag, StatusTag } from './flagTags';
import { PaymentsChart } from './PaymentsChart';
import { PriceDistributionChart } from './PriceDistributionChart';
import { nextFlagId } from './queueView';

/** 下一条: the next waiting flag of the queue as the reviewer left it, or back to the queue when none is left. */
function NextButton({ flagId }: { flagId: string }) {
  const navigate = useNavigate();
  const { run, pending } = useAction();
  const goNext = async () => {
    const next = await nextFlagId(flagId);
    if (next) return void navigate(`/review/${next}`);
    navigate('/review');
    return '队列中已没有其他待您审核的异常';
  };
  return (
    <Button icon={<ArrowRightOutlined />} loading={pending} onClick={() => void run(goNext)}>
      下一条
    </Button>
  );
}

/** The records the flag concerns, each opening its own page (the way back is the record's 异常提示). */
function FlagRecords({ records }: { records: FlagDetail['records'] }) {
  if (records.length === 0) return null;
  return (
    <Space wrap size={4}>
      <Typography.Text type="secondary">所涉记录：</Typography.Text>
      {records.map((r) => (
        <Link key={r.link} to={r.link}>
          {r.label} {r.number}
        </Link>
      ))}
    </Space>
  );
}

/** One flag: what the rule found, the records side by side, the evidence, and the decision. */
export function FlagDetailView() {
  const { flagId = '' } = useParams();
  const { status } = useSession();
  // Read again after a decision; the page keeps showing the flag meanwhile.
  const { latest: flag, error, reload } = useCall('review.flag', { flagId });
  useShownError(error);
  if (!flag || flag.id !== flagId) return <Spin />;
  const paymentsDeal = flag.ruleId === 'R06' ? flag.deals[0] : undefined;
  return (
    <FindingView
      finding={flag}
      back="/review"
      backLabel="返回审核队列"
      facts={
        <>
          <StatusTag status={flag.status} active={flag.active} />
          <SourceTag source={flag.source} />
          <Typography.Text type="secondary">
            {flag.regionName} · 首次发现 {formatDateTime(flag.firstSeenAt)}（{ageText(flag.ageDays)}）
          </Typography.Text>
          <FlagRecords records={flag.records} />
        </>
      }
      notes={
        flag.provinceDecision && (
          <Alert
            type={flag.provinceDecision.decision === '确认异常' ? 'error' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            message={`省级审核结论：${flag.provinceDecision.decision}（${formatDateTime(flag.provinceDecision.decidedAt)}）`}
            description={`理由：${flag.provinceDecision.reason}。本机的审核结论仍由本地审核员作出。`}
          />
        )
      }
      records={
        <>
          <Card size="small" title="所涉交易">
            <DealsSideBySide deals={flag.deals} />
          </Card>
          {flag.priceDistribution && (
            <Card size="small" title="同组单件价格分布（红色为本笔交易）">
              <PriceDistributionChart bins={flag.priceDistribution} />
            </Card>
          )}
          {paymentsDeal && (
            <Card size="small" title="到账与成交金额">
              <PaymentsChart
                deal={paymentsDeal}
                asOf={status.today}
                minPaidPercent={
                  typeof flag.evidence.minPaidPercent === 'number' ? flag.evidence.minPaidPercent : undefined
                }
              />
            </Card>
          )}
        </>
      }
      decisionTitle="审核"
      decision={<DecisionPanel key={flag.id} flag={flag} onChanged={reload} next={<NextButton flagId={flag.id} />} />}
    />
  );
}
