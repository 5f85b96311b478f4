import { zodResolver } from '@hookform/resolvers/zod';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Space, Spin, Tag, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract/index';
import type { CrossReviewDetail } from '../../../../shared/contract/provinceReview';
import { MIN_REASON_LENGTH } from '../../../../shared/contract/rules';
import { useSession } from '../../../app/session';
import { FormField, showServerIssues } from '../../../components/FormField';
import { formatDateTime } from '../../../components/formatDateTime';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { call, DeskCallError } from '../../../transport/desk';
import { DealsSideBySide } from '../../review/DealsSideBySide';
import { EvidenceList } from '../../review/EvidenceList';
import { StatusTag } from '../../review/flagTags';

const decideForm = contract['provinceReview.decide'].input;
type DecideInput = z.input<typeof decideForm>;

/** 确认异常 / 排除 with a reason (审核员, 管理员); a decided finding may be decided again, and the cities told again. */
function ProvinceDecision({
  finding,
  onChanged,
}: {
  finding: CrossReviewDetail;
  onChanged: (next: CrossReviewDetail) => void;
}) {
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset, formState } = useForm<DecideInput>({
    resolver: zodResolver(decideForm),
    defaultValues: { fingerprint: finding.fingerprint, decision: undefined, reason: '' },
  });
  const submit = handleSubmit(async (input) => {
    try {
      const next = await call('provinceReview.decide', input);
      message.success(`已审核：${input.decision}，结论将随下次同步下发至${next.sentTo.join('、')}`);
      reset({ fingerprint: finding.fingerprint, decision: undefined, reason: '' });
      onChanged(next);
    } catch (error) {
      if (error instanceof DeskCallError && showServerIssues(setError, error.error)) return;
      message.error((error as Error).message);
    }
  });
  return (
    <Form
      layout="vertical"
      onSubmitCapture={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormField
        control={control}
        name="decision"
        label="审核结论"
        required
        render={(field) => (
          <Radio.Group
            {...field}
            aria-label="审核结论"
            options={['确认异常', '排除'].map((d) => ({ value: d, label: d }))}
          />
        )}
      />
      <FormField
        control={control}
        name="reason"
        label="审核理由"
        required
        render={(field) => (
          <Input.TextArea
            {...field}
            aria-label="审核理由"
            rows={3}
            maxLength={500}
            showCount
            placeholder={`至少 ${MIN_REASON_LENGTH} 个字，写明核实了什么、依据是什么`}
          />
        )}
      />
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
        {finding.decidedBy ? '修改审核结论' : '提交审核结论'}
      </Button>
    </Form>
  );
}

/** One cross-city finding: what was found, both cities' records side by side, the evidence, and the decision. */
export function CrossReviewDetailView() {
  const { fingerprint = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  // A decision hands back the finding as decided: shown at once, no second read.
  const { latest: finding, error, replace } = useCall('provinceReview.finding', { fingerprint });
  useShownError(error);
  if (!finding || finding.fingerprint !== fingerprint) return <Spin />;
  const mayReview = user.role === '审核员' || user.role === '管理员';
  return (
    <>
      <PageHeader
        title={`${finding.ruleId} ${finding.ruleName}`}
        description={finding.ruleDescription}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/cross-review')}>
            返回跨地市审核
          </Button>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <StatusTag status={finding.status} />
        {finding.regions.map((r) => (
          <Tag key={r.code} color="purple">
            {r.name}
          </Tag>
        ))}
        <Typography.Text type="secondary">发现于 {formatDateTime(finding.foundAt)}</Typography.Text>
      </Space>
      <Alert
        type={finding.status === '确认异常' ? 'error' : 'warning'}
        showIcon
        message={finding.explanation}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={16}>
        <Col span={16}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            {finding.deals.length > 0 && (
              <Card size="small" title="所涉交易（各地市报送）">
                <DealsSideBySide deals={finding.deals} />
              </Card>
            )}
            <Card size="small" title="证据">
              <EvidenceList evidence={finding.evidence} />
            </Card>
          </Space>
        </Col>
        <Col span={8}>
          <Card size="small" title="省级审核">
            {finding.decidedBy && (
              <Alert
                style={{ marginBottom: 12 }}
                type={finding.status === '确认异常' ? 'error' : 'info'}
                message={`${finding.status}（${finding.decidedBy}，${formatDateTime(finding.decidedAt ?? '')}）`}
                description={finding.reason}
              />
            )}
            <Typography.Paragraph type="secondary">
              结论连同理由下发至：{finding.sentTo.join('、')}
            </Typography.Paragraph>
            {mayReview ? (
              <ProvinceDecision key={finding.decidedAt ?? 'open'} finding={finding} onChanged={replace} />
            ) : (
              <Typography.Text type="secondary">领导账号只能查看</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
