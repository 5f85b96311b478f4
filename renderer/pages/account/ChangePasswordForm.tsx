import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button } from 'antd';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { password } from '../../../shared/contract/users';
import { PasswordField } from '../../components/PasswordField';
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
      <PasswordField
        control={control}
        name="currentPassword"
        label={currentLabel}
        ariaLabel="当前密码"
        autoComplete="current-password"
        required
        autoFocus
      />
      <PasswordField
        control={control}
        name="newPassword"
        label="新密码"
        autoComplete="new-password"
        required
        extra="至少 8 位"
      />
      <PasswordField control={control} name="repeat" label="再次输入新密码" autoComplete="new-password" required />
      <Button type="primary" htmlType="submit" block loading={formState.isSubmitting}>
        修改密码
      </Button>
    </SubmitForm>
  );
}
