import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Form, InputNumber, Space, Table, Typography } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ruleSettingsView } from '../../../shared/contract/rules';
import { ruleThresholds, type RuleThresholds } from '../../../shared/rules/thresholds';
import { useSession } from '../../app/session';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { SubmitForm } from '../../components/SubmitForm';
import { useFormFollows } from '../../components/useFormFollows';

type View = z.infer<typeof ruleSettingsView>;
type RuleRow = View['rules'][number];

/** 异常规则: the twelve rules with their thresholds; an administrator changes them as a new settings version. */
export function RulesSettingsTab() {
  const { user } = useSession();
  const { message } = App.useApp();
  // A save hands back the new version of the settings: shown at once, no second read.
  const { value: view, error, replace } = useCall('rules.settings', {});
  useShownError(error);
  const { run, pending } = useAction();
  const { control, handleSubmit, reset } = useForm<z.input<typeof ruleThresholds>, unknown, RuleThresholds>({
    resolver: zodResolver(ruleThresholds),
  });
  // The fields show the stored thresholds each time they arrive (read, or handed back by a save).
  useFormFollows(view?.thresholds, reset);
  const readOnly = user.role !== '管理员';
  const save = handleSubmit((thresholds) =>
    run(async () => {
      const next = await call('rules.updateThresholds', thresholds);
      replace(next);
      message.success(`已保存为第 ${next.version} 版，下次扫描起生效`);
    }),
  );
  const thresholdInputs = (rule: RuleRow) =>
    rule.thresholds.length === 0 ? (
      <Typography.Text type="secondary">无阈值</Typography.Text>
    ) : (
      <Space direction="vertical" size={4}>
        {rule.thresholds.map((t) => (
          <Controller
            key={t.key}
            control={control}
            name={t.key as keyof RuleThresholds}
            render={({ field, fieldState }) => (
              <Form.Item
                style={{ margin: 0 }}
                validateStatus={fieldState.error ? 'error' : undefined}
                help={fieldState.error?.message}
              >
                <Space size={6}>
                  <span>{t.label}</span>
                  <InputNumber
                    {...field}
                    aria-label={`${rule.id} ${t.label}`}
                    disabled={readOnly}
                    min={0}
                    style={{ width: 110 }}
                  />
                  <span>{t.unit}</span>
                </Space>
              </Form.Item>
            )}
          />
        ))}
      </Space>
    );
  return (
    <Card
      title="异常交易监测规则"
      extra={
        <Typography.Text type="secondary">
          参数版本：{view?.version ? `第 ${view.version} 版` : '默认值'}
        </Typography.Text>
      }
    >
      <SubmitForm onSubmit={save} layout="horizontal">
        <Table<RuleRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view?.rules ?? []}
          columns={[
            {
              title: '规则',
              width: 130,
              render: (_, r) => (
                <Typography.Text strong>
                  {r.id} {r.name}
                </Typography.Text>
              ),
            },
            { title: '说明', dataIndex: 'description' },
            { title: '阈值', width: 340, render: (_, r) => thresholdInputs(r) },
          ]}
        />
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={pending} style={{ marginTop: 16 }}>
            保存阈值
          </Button>
        )}
      </SubmitForm>
    </Card>
  );
}
