import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { FlagDetail } from '../../../shared/contract/rules';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../transport/desk';
import { DealsSideBySide } from './DealsSideBySide';
import { DecisionPanel } from './DecisionPanel';
import { EvidenceList } from './EvidenceList';
import { SourceTag, StatusTag } from './flagTags';
import { PaymentsChart } from './PaymentsChart';
import { PriceDistributionChart } from './PriceDistributionChart';

/** One flag: what the rule found, the records side by side, the evidence, and the decision. */
export function FlagDetailView() {
  const { flagId = '' } = useParams();
  const navigate = useNavigate();
  const { status } = useSession();
  const { message } = App.useApp();
  const [flag, setFlag] = useState<FlagDetail | null>(null);
  useEffect(() => {
    call('review.flag', { flagId }).then(setFlag, (e: Error) => message.error(e.message));
  }, [flagId, message]);
  if (!flag) return <Spin />;
  const paymentsDeal = flag.ruleId === 'R06' ? flag.deals[0] : undefined;
  return (
    <>
      <PageHeader
        title={`${flag.ruleId} ${flag.ruleName}`}
        description={flag.ruleDescription}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/review')}>返回审核队列</Button>}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <StatusTag status={flag.status} active={flag.active} />
        <SourceTag source={flag.source} />
        <Typography.Text type="secondary">
          {flag.regionName} · 首次发现 {flag.firstSeenAt.slice(0, 10)}（{flag.ageDays} 天前）
        </Typography.Text>
      </Space>
      <Alert type={flag.status === '确认异常' ? 'error' : 'warning'} showIcon message={flag.explanation} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col span={16}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
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
                <PaymentsChart deal={paymentsDeal} asOf={status.today} minPaidPercent={typeof flag.evidence.minPaidPercent === 'number' ? flag.evidence.minPaidPercent : undefined} />
              </Card>
            )}
            <Card size="small" title="证据">
              <EvidenceList evidence={flag.evidence} />
            </Card>
          </Space>
        </Col>
        <Col span={8}>
          <Card size="small" title="审核">
            <DecisionPanel flag={flag} onChanged={setFlag} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
