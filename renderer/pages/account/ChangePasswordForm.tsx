import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Input } from 'antd';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { password } from '../../../shared/contract/users';
import { FormField } from '../../components/FormField';
import { call } from '../../transport/desk';
import { SubmitForm } from '../../components/SubmitForm';
import { useSubmit } from '../../components/modalSubmit';

const changeForm = z
  .object({
    currentPassword: z.string().min(1, '请填写当前密码'),
    newPassword: password,
    repeat: z.string().min(1, '请再次输入新密码'),
  })
  .refine((f) => f.repeat === f.newPassword, { path: ['repeat'], message: '两次输入的新密码不一致' });
type ChangeForm = z.input<typeof changeForm>;

/** One's own password: the current one, the new one twice. Used from the user menu and at a required change. */
export function ChangePasswordForm({
  currentLabel,
  onDone,
}: {
  currentLabel: string;
  onDone: () => void | Promise<void>;
}) {
  const { message } = App.useApp();
  const { control, handleSubmit, setError, formState } = useForm<ChangeForm>({
    resolver: zodResolver(changeForm),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  const submit = useSubmit(handleSubmit, setError, async ({ currentPassword, newPassword }) => {
    await call('users.changePassword', { currentPassword, newPassword });
    message.success('密码已修改，下次登录请使用新密码');
    await onDone();
  });
  return (
    <SubmitForm onSubmit={submit}>
      <FormField
        control={control}
        name="currentPassword"
        label={currentLabel}
        required
        render={(field) => (
          <Input.Password {...field} aria-label="当前密码" autoComplete="current-password" autoFocus />
        )}
      />
      <FormField
        control={control}
        name="newPassword"
        label="新密码"
        required
        extra="至少 8 位"
        render={(field) => <Input.Password {...field} aria-label="新密码" autoComplete="new-password" />}
      />
      <FormField
        control={control}
        name="repeat"
        label="再次输入新密码"
        required
        render={(field) => <Input.Password {...field} aria-label="再次输入新密码" autoComplete="new-password" />}
      />
      <Button type="primary" htmlType="submit" block loading={formState.isSubmitting}>
        修改密码
      </Button>
    </SubmitForm>
  );
}
