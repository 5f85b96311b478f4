import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { EvidenceList } from './EvidenceList';

/** What a rule found, as a city's flag and the province's cross-city finding both carry it. */
interface Finding {
  ruleId: string;
  ruleName: string;
  ruleDescription: string;
  explanation: string;
  status: string;
  evidence: Record<string, unknown>;
}

/**
 * One finding of a rule (a city's 异常审核, the province's 跨地市审核): the rule and the way back to its queue, `facts`
 * in a line, the explanation, `notes` under it; the records and charts (`records`) and the evidence on the left, the
 * decision on the right.
 */
export function FindingView({
  finding,
  back,
  backLabel,
  facts,
  notes,
  records,
  decisionTitle,
  decision,
}: {
  finding: Finding;
  back: string;
  backLabel: string;
  facts: ReactNode;
  notes?: ReactNode;
  records: ReactNode;
  decisionTitle: string;
  decision: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={`${finding.ruleId} ${finding.ruleName}`}
        description={finding.ruleDescription}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>
            {backLabel}
          </Button>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        {facts}
      </Space>
      <Alert
        type={finding.status === '确认异常' ? 'error' : 'warning'}
        showIcon
        message={finding.explanation}
        style={{ marginBottom: 16 }}
      />
      {notes}
      <Row gutter={16}>
        <Col span={16}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            {records}
            <Card size="small" title="证据">
              <EvidenceList evidence={finding.evidence} />
            </Card>
          </Space>
        </Col>
        <Col span={8}>
          <Card size="small" title={decisionTitle}>
            {decision}
          </Card>
        </Col>
      </Row>
    </>
  );
}
