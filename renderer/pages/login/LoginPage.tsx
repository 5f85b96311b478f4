import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../shared/contract/index';
import type { SystemStatus } from '../../app/session';
import { CenteredCard } from '../../components/CenteredCard';
import { FormField } from '../../components/FormField';
import { PasswordField } from '../../components/PasswordField';
import { call } from '../../transport/desk';
import { SubmitForm } from '../../components/SubmitForm';

const loginForm = contract['auth.login'].input;
type LoginForm = z.input<typeof loginForm>;

/** notice: why the user is back here, e.g. the session ended after a long idle time. */
export function LoginPage({
  status,
  onDone,
  notice,
}: {
  status: SystemStatus;
  onDone: () => Promise<void>;
  notice?: string | null;
}) {
  const [failure, setFailure] = useState<string | null>(notice ?? null);
  const { control, handleSubmit, formState } = useForm<LoginForm>({
    resolver: zodResolver(loginForm),
    defaultValues: { username: '', password: '' },
  });
  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await call('auth.login', input);
      await onDone();
    } catch (error) {
      setFailure((error as Error).message);
    }
  });
  return (
    <CenteredCard width={400}>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        专利转化工作台
      </Typography.Title>
      <Typography.Paragraph type="secondary">{status.region?.name} · 请登录</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <SubmitForm onSubmit={submit}>
        <FormField
          control={control}
          name="username"
          label="用户名"
          render={(field) => <Input {...field} aria-label="用户名" autoComplete="username" autoFocus />}
        />
        <PasswordField control={control} name="password" label="密码" autoComplete="current-password" />
        <Button type="primary" htmlType="submit" block size="large" loading={formState.isSubmitting}>
          登录
        </Button>
      </SubmitForm>
    </CenteredCard>
  );
}
