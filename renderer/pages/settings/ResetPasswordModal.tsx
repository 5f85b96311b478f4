import { Alert, App, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../shared/contract/users';
import { call } from '../../transport/desk';

/**
 * An administrator resets another user's password: a one-time password the desk generates (shown here once) or one
 * the administrator types. Either way the user must choose their own at the next login.
 */
export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: (reset: boolean) => void }) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<'generate' | 'choose'>('generate');
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (reset: boolean) => {
    setMode('generate');
    setChosen('');
    setProblem(null);
    setShown(null);
    onClose(reset);
  };
  const reset = async () => {
    if (!user) return;
    if (mode === 'choose' && chosen.length < 8) {
      setProblem(chosen === '' ? '请填写新密码' : '密码至少 8 位');
      return;
    }
    setBusy(true);
    try {
      const result = await call('users.resetPassword', { id: user.id, newPassword: mode === 'choose' ? chosen : null });
      if (mode === 'generate') setShown(result.temporaryPassword);
      else {
        message.success(`已重置 ${user.displayName} 的密码，其下次登录时须修改`);
        close(true);
      }
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (shown) {
    return (
      <Modal
        title={`已重置 ${user?.displayName ?? ''} 的密码`}
        open
        onOk={() => close(true)}
        onCancel={() => close(true)}
        okText="我已记下"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph>一次性密码（只显示这一次）：</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code copyable data-testid="temporary-password" style={{ fontSize: 18 }}>
            {shown}
          </Typography.Text>
        </Typography.Paragraph>
        <Alert type="info" showIcon message="请当面告知本人。其用此密码登录后须立即设置自己的新密码。" />
      </Modal>
    );
  }
  return (
    <Modal
      title={`重置 ${user?.displayName ?? ''} 的密码`}
      open={user !== null}
      onOk={() => void reset()}
      onCancel={() => close(false)}
      okText="重置密码"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'generate' | 'choose')}>
        <Space direction="vertical">
          <Radio value="generate">生成一次性密码（推荐）</Radio>
          <Radio value="choose">由我指定新密码</Radio>
        </Space>
      </Radio.Group>
      {mode === 'choose' && (
        <div style={{ marginTop: 12 }}>
          <Input.Password
            aria-label="指定的新密码"
            autoComplete="new-password"
            value={chosen}
            status={problem ? 'error' : undefined}
            onChange={(e) => {
              setChosen(e.target.value);
              setProblem(null);
            }}
            placeholder="至少 8 位"
          />
          {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        重置后原密码立即失效；该用户下次登录时须修改密码。
      </Typography.Paragraph>
    </Modal>
  );
}
