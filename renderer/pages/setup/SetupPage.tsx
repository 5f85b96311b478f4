import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { contract } from '../../../shared/contract/index';
import { FormField, showServerIssues } from '../../components/FormField';
import { installationRegionOptions } from '../../components/regionOptions';
import { PasswordField } from '../../components/PasswordField';
import { call, DeskCallError } from '../../transport/desk';
import { CenteredCard } from '../../components/CenteredCard';
import { SubmitForm } from '../../components/SubmitForm';

const setupInput = contract['system.setup'].input;
const setupForm = setupInput
  .extend({
    // An empty choice is a missing choice, not a malformed code.
    regionCode: z.string().min(1, '请选择本机所属地区').pipe(setupInput.shape.regionCode),
    confirmPassword: z.string().min(1, '请再次输入密码'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的密码不一致' });
type SetupForm = z.input<typeof setupForm>;

/**
 * First run: which region this computer records for, and the first administrator. The province's workbench
 * (`province web`) may only be set up for the province: the region is then fixed.
 */
export function SetupPage({ onDone, setupRegion }: { onDone: () => Promise<void>; setupRegion: string | null }) {
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<SetupForm>({
    resolver: zodResolver(setupForm),
    defaultValues: {
      regionCode: setupRegion ?? '',
      adminUsername: '',
      adminDisplayName: '',
      password: '',
      confirmPassword: '',
    },
  });

  const submit = handleSubmit(async ({ confirmPassword: _confirm, ...input }) => {
    setFailure(null);
    try {
      await call('system.setup', input);
      await onDone();
    } catch (error) {
      if (error instanceof DeskCallError && showServerIssues(setError, error.error)) return;
      setFailure((error as Error).message);
    }
  });

  return (
    <CenteredCard width={520}>
      <Typography.Title level={3}>欢迎使用专利转化工作台</Typography.Title>
      <Typography.Paragraph type="secondary">
        {setupRegion
          ? '第一次使用省级工作台，请设置第一位管理员。管理员之后可在“设置”中为审核员和领导开设账号。'
          : '第一次使用，请设置本机所属地区和第一位管理员。管理员之后可在“设置”中为录入员、审核员和领导开设账号。'}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <SubmitForm onSubmit={submit}>
        <FormField
          control={control}
          name="regionCode"
          label="本机所属地区"
          required
          render={(field) => (
            <Select
              {...field}
              aria-label="本机所属地区"
              placeholder="请选择地市、综改区或省级"
              showSearch
              optionFilterProp="label"
              options={
                setupRegion
                  ? installationRegionOptions.filter((o) => o.value === setupRegion)
                  : installationRegionOptions
              }
              disabled={setupRegion !== null}
            />
          )}
        />
        <FormField
          control={control}
          name="adminUsername"
          label="管理员用户名"
          required
          extra="用于登录，字母或数字，例如 admin"
          render={(field) => <Input {...field} aria-label="管理员用户名" autoComplete="username" />}
        />
        <FormField
          control={control}
          name="adminDisplayName"
          label="管理员姓名"
          required
          render={(field) => <Input {...field} aria-label="管理员姓名" />}
        />
        <PasswordField
          control={control}
          name="password"
          label="密码"
          autoComplete="new-password"
          required
          extra="至少 8 位"
        />
        <PasswordField
          control={control}
          name="confirmPassword"
          label="再次输入密码"
          autoComplete="new-password"
          required
        />
        <Button type="primary" htmlType="submit" block size="large" loading={formState.isSubmitting}>
          完成设置并进入
        </Button>
      </SubmitForm>
    </CenteredCard>
  );
}
