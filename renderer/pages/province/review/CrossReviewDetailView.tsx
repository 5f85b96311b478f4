import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Spin, Tag, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract/index';
import type { CrossReviewDetail } from '../../../../shared/contract/provinceReview';
import { useSession } from '../../../app/session';
import { formatDateTime } from '../../../components/formatDateTime';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { call } from '../../../transport/desk';
import { DecisionField, ReasonField } from '../../review/DecisionFields';
import { DealsSideBySide } from '../../review/DealsSideBySide';
import { FindingView } from '../../review/FindingView';
import { StatusTag } from '../../review/flagTags';
import { SubmitForm } from '../../../components/SubmitForm';
import { useSubmit } from '../../../components/modalSubmit';

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
  const submit = useSubmit(handleSubmit, setError, async (input) => {
    const next = await call('provinceReview.decide', input);
    message.success(`已审核：${input.decision}，结论将随下次同步下发至${next.sentTo.join('、')}`);
    reset({ fingerprint: finding.fingerprint, decision: undefined, reason: '' });
    onChanged(next);
  });
  return (
    <SubmitForm onSubmit={submit}>
      <DecisionField control={control} options={['确认异常', '排除']} />
      <ReasonField control={control} />
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
        {finding.decidedBy ? '修改审核结论' : '提交审核结论'}
      </Button>
    </SubmitForm>
  );
}

/** One cross-city finding: what was found, both cities' records side by side, the evidence, and the decision. */
export function CrossReviewDetailView() {
  const { fingerprint = '' } = useParams();
  const { user } = useSession();
  // A decision hands back the finding as decided: shown at once, no second read.
  const { latest: finding, error, replace } = useCall('provinceReview.finding', { fingerprint });
  useShownError(error);
  if (!finding || finding.fingerprint !== fingerprint) return <Spin />;
  const mayReview = user.role === '审核员' || user.role === '管理员';
  return (
    <FindingView
      finding={finding}
      back="/cross-review"
      backLabel="返回跨地市审核"
      facts={
        <>
          <StatusTag status={finding.status} />
          {finding.regions.map((r) => (
            <Tag key={r.code} color="purple">
              {r.name}
            </Tag>
          ))}
          <Typography.Text type="secondary">发现于 {formatDateTime(finding.foundAt)}</Typography.Text>
        </>
      }
      records={
        finding.deals.length > 0 && (
          <Card size="small" title="所涉交易（各地市报送）">
            <DealsSideBySide deals={finding.deals} />
          </Card>
        )
      }
      decisionTitle="省级审核"
      decision={
        <>
          {finding.decidedBy && (
            <Alert
              style={{ marginBottom: 12 }}
              type={finding.status === '确认异常' ? 'error' : 'info'}
              message={`${finding.status}（${finding.decidedBy}，${formatDateTime(finding.decidedAt ?? '')}）`}
              description={finding.reason}
            />
          )}
          <Typography.Paragraph type="secondary">结论连同理由下发至：{finding.sentTo.join('、')}</Typography.Paragraph>
          {mayReview ? (
            <ProvinceDecision key={finding.decidedAt ?? 'open'} finding={finding} onChanged={replace} />
          ) : (
            <Typography.Text type="secondary">领导账号只能查看</Typography.Text>
          )}
        </>
      }
    />
  );
}
