import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Space, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../shared/contract/index';
import type { FlagDetail } from '../../../shared/contract/rules';
import { FLAG_DECISIONS } from '../../../shared/rules/ruleIds';
import { useSession } from '../../app/session';
import { DecisionField, ReasonField } from './DecisionFields';
import { formatDateTime } from '../../components/formatDateTime';
import { call } from '../../transport/desk';
import { SubmitForm } from '../../components/SubmitForm';
import { useSubmit } from '../../components/modalSubmit';

const decideForm = contract['review.decide'].input;
type DecideInput = z.input<typeof decideForm>;

function History({ decisions }: { decisions: FlagDetail['decisions'] }) {
  if (decisions.length === 0) return <Typography.Text type="secondary">尚无审核记录</Typography.Text>;
  return (
    <Timeline
      items={decisions.map((d) => ({
        color: d.decision === '确认异常' ? 'red' : d.decision === '排除' ? 'gray' : 'blue',
        content: (
          <>
            <Typography.Text strong>{d.decision === '待审核' ? '重新打开' : d.decision}</Typography.Text>
            <Typography.Text type="secondary">
              （{d.reviewerName}，{formatDateTime(d.decidedAt)}）
            </Typography.Text>
            <div>{d.reason}</div>
          </>
        ),
      }))}
    />
  );
}

/** 审核: a decision with its required reason, or a reopening; refused (and said why) to whoever entered the deal. */
export function DecisionPanel({
  flag,
  onChanged,
  next,
}: {
  flag: FlagDetail;
  onChanged: (next: FlagDetail) => void;
  next: ReactNode;
}) {
  const { user } = useSession();
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset, formState } = useForm<DecideInput>({
    resolver: zodResolver(decideForm),
    // No conclusion is chosen for the reviewer: a pre-selected 确认异常 would be one careless click from a wrong decision.
    defaultValues: { flagId: flag.id, decision: undefined, reason: '' },
  });
  const decided = flag.status === '确认异常' || flag.status === '排除';
  const submit = useSubmit(handleSubmit, setError, async (input) => {
    const next = decided
      ? await call('review.reopen', { flagId: flag.id, reason: input.reason })
      : await call('review.decide', input);
    message.success(decided ? '已重新打开，等待审核' : `已审核：${input.decision}`);
    reset({ flagId: flag.id, decision: undefined, reason: '' });
    onChanged(next);
  });
  const mayReview = user.role === '审核员' || user.role === '管理员';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {flag.cannotDecide && mayReview && <Alert type="warning" showIcon message={flag.cannotDecide} />}
      {mayReview && !flag.cannotDecide && (
        <SubmitForm onSubmit={submit}>
          {!decided && <DecisionField control={control} options={FLAG_DECISIONS} />}
          <ReasonField control={control} label={decided ? '重新打开的理由' : '审核理由'} />
          <Space>
            <Button type="primary" htmlType="submit" loading={formState.isSubmitting} danger={decided}>
              {decided ? '重新打开' : '提交审核结论'}
            </Button>
            {decided && next}
          </Space>
        </SubmitForm>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        审核记录
      </Typography.Title>
      <History decisions={flag.decisions} />
    </Space>
  );
}
