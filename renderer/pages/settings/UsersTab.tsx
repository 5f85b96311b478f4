import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type ROLES, rolesFor, type UserView } from '../../../shared/contract/users';
import { contract } from '../../../shared/contract/index';
import { useSession } from '../../app/session';
import { FormField } from '../../components/FormField';
import { PasswordField } from '../../components/PasswordField';
import { useModalSubmit } from '../../components/modalSubmit';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { ResetPasswordModal } from './ResetPasswordModal';
import { SubmitForm } from '../../components/SubmitForm';

const newUserForm = contract['users.create'].input;
type NewUser = z.input<typeof newUserForm>;

const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  录入员: '录入和导入记录',
  审核员: '审核异常交易（不能审核自己录入的）',
  管理员: '全部权限，含用户和参数设置',
  领导: '查看和打印',
};

function NewUserModal({ open, onClose }: { open: boolean; onClose: (created: boolean) => void }) {
  const roles = rolesFor(useSession().status.region?.code);
  const { control, handleSubmit, setError, reset, formState } = useForm<NewUser>({
    resolver: zodResolver(newUserForm),
    defaultValues: { username: '', displayName: '', role: roles[0], password: '' },
  });
  const { message } = App.useApp();
  const run = useModalSubmit(setError, reset, onClose);
  const submit = handleSubmit((input) =>
    run(async () => {
      await call('users.create', input);
      message.success(`已新建用户 ${input.displayName}`);
    }),
  );
  return (
    <Modal
      title="新建用户"
      open={open}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      okText="创建"
      confirmLoading={formState.isSubmitting}
      destroyOnHidden
    >
      <SubmitForm onSubmit={submit}>
        <FormField
          control={control}
          name="username"
          label="用户名"
          required
          render={(field) => <Input {...field} aria-label="用户名" />}
        />
        <FormField
          control={control}
          name="displayName"
          label="姓名"
          required
          render={(field) => <Input {...field} aria-label="姓名" />}
        />
        <FormField
          control={control}
          name="role"
          label="角色"
          required
          render={(field) => (
            <Select
              {...field}
              aria-label="角色"
              options={roles.map((r) => ({ value: r, label: `${r} — ${ROLE_HINTS[r]}` }))}
            />
          )}
        />
        <PasswordField
          control={control}
          name="password"
          label="初始密码"
          autoComplete="new-password"
          required
          extra="至少 8 位；请当面告知本人，其首次登录时须设置自己的密码"
        />
        <button type="submit" hidden />
      </SubmitForm>
    </Modal>
  );
}

export function UsersTab() {
  const { user: me, status } = useSession();
  const roles = rolesFor(status.region?.code);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  // The table keeps its rows while it is read again after a change.
  const { latest: users, error, reload } = useCall('users.list', {});
  useShownError(error);
  const { run } = useAction();
  const update = (id: string, change: { role?: UserView['role']; active?: boolean }) =>
    run(() => call('users.update', { id, ...change }).then(reload));
  return (
    <Card
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建用户
        </Button>
      }
      title="用户与角色"
    >
      <Table<UserView>
        rowKey="id"
        dataSource={users ?? []}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (role: UserView['role'], row) =>
              row.id === me.id ? (
                <Tag color="blue">{role}</Tag>
              ) : (
                <Select
                  size="small"
                  value={role}
                  style={{ width: 120 }}
                  options={roles.map((r) => ({ value: r, label: r }))}
                  onChange={(r) => void update(row.id, { role: r })}
                />
              ),
          },
          {
            title: '启用',
            dataIndex: 'active',
            render: (active: boolean, row) => (
              <Switch
                size="small"
                checked={active}
                disabled={row.id === me.id}
                onChange={(v) => void update(row.id, { active: v })}
              />
            ),
          },
          {
            title: '密码',
            key: 'password',
            render: (_: unknown, row) => (
              <Space size="small">
                {row.mustChangePassword && <Tag color="orange">待本人修改</Tag>}
                {row.id !== me.id && (
                  <Button size="small" onClick={() => setResetting(row)}>
                    重置密码
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={(reset) => {
          setResetting(null);
          if (reset) reload();
        }}
      />
      <NewUserModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) reload();
        }}
      />
    </Card>
  );
}
