import { Alert, Button, Typography } from 'antd';
import type { UserView } from '../../../shared/contract/users';
import { CenteredCard } from '../../components/CenteredCard';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * The only screen of a user whose password an administrator set (a new account, a reset): the desk opens once they
 * have chosen their own, so the administrator no longer knows it.
 */
export function RequiredPasswordChange({
  user,
  onDone,
  onLogout,
}: {
  user: UserView;
  onDone: () => Promise<void>;
  onLogout: () => Promise<void>;
}) {
  return (
    <CenteredCard width={420}>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        请修改密码
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {user.displayName}（{user.username}）
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="您的密码由管理员设置。请设置只有您知道的新密码，修改后才能使用工作台。"
      />
      <ChangePasswordForm currentLabel="管理员告知的密码" onDone={onDone} />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void onLogout()}>
        退出登录
      </Button>
    </CenteredCard>
  );
}
