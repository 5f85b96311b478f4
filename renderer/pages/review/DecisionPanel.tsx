import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Form, Input, Radio, Space, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../shared/contract/index';
import { MIN_REASON_LENGTH, type FlagDetail } from '../../../shared/contract/rules';
import { FLAG_DECISIONS } from '../../../shared/rules/ruleIds';
import { useSession } from '../../app/session';
import { FormField, showServerIssues } from '../../components/FormField';
import { formatDateTime } from '../../components/formatDateTime';
import { call, DeskCallError } from '../../transport/desk';

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
  const submit = handleSubmit(async (input) => {
    try {
      const next = decided
        ? await call('review.reopen', { flagId: flag.id, reason: input.reason })
        : await call('review.decide', input);
      message.success(decided ? '已重新打开，等待审核' : `已审核：${input.decision}`);
      reset({ flagId: flag.id, decision: undefined, reason: '' });
      onChanged(next);
    } catch (error) {
      if (error instanceof DeskCallError && showServerIssues(setError, error.error)) return;
      message.error((error as Error).message);
    }
  });
  const mayReview = user.role === '审核员' || user.role === '管理员';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {flag.cannotDecide && mayReview && <Alert type="warning" showIcon message={flag.cannotDecide} />}
      {mayReview && !flag.cannotDecide && (
        <Form
          layout="vertical"
          onSubmitCapture={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {!decided && (
            <FormField
              control={control}
              name="decision"
              label="审核结论"
              required
              render={(field) => (
                <Radio.Group
                  {...field}
                  aria-label="审核结论"
                  options={FLAG_DECISIONS.map((d) => ({ value: d, label: d }))}
                />
              )}
            />
          )}
          <FormField
            control={control}
            name="reason"
            label={decided ? '重新打开的理由' : '审核理由'}
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
          <Space>
            <Button type="primary" htmlType="submit" loading={formState.isSubmitting} danger={decided}>
              {decided ? '重新打开' : '提交审核结论'}
            </Button>
            {decided && next}
          </Space>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        审核记录
      </Typography.Title>
      <History decisions={flag.decisions} />
    </Space>
  );
}
