import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ROLES, type UserView } from '../../../shared/contract/auth';
import { contract } from '../../../shared/contract/index';
import { useSession } from '../../app/session';
import { FormField, showServerIssues } from '../../components/FormField';
import { call, DeskCallError } from '../../transport/desk';

const newUserForm = contract['users.create'].input;
type NewUser = z.input<typeof newUserForm>;

const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  录入员: '录入和导入记录',
  审核员: '审核异常交易（不能审核自己录入的）',
  管理员: '全部权限，含用户和参数设置',
  领导: '查看和打印',
};

function NewUserModal({ open, onClose }: { open: boolean; onClose: (created: boolean) => void }) {
  const { control, handleSubmit, setError, reset, formState } = useForm<NewUser>({
    resolver: zodResolver(newUserForm),
    defaultValues: { username: '', displayName: '', role: '录入员', password: '' },
  });
  const { message } = App.useApp();
  const submit = handleSubmit(async (input) => {
    try {
      await call('users.create', input);
      message.success(`已新建用户 ${input.displayName}`);
      reset();
      onClose(true);
    } catch (error) {
      if (error instanceof DeskCallError && showServerIssues(setError, error.error)) return;
      message.error((error as Error).message);
    }
  });
  return (
    <Modal title="新建用户" open={open} onCancel={() => onClose(false)} onOk={() => void submit()} okText="创建" confirmLoading={formState.isSubmitting} destroyOnHidden>
      <Form layout="vertical" onSubmitCapture={(e) => { e.preventDefault(); void submit(); }}>
        <FormField control={control} name="username" label="用户名" required render={(field) => <Input {...field} aria-label="用户名" />} />
        <FormField control={control} name="displayName" label="姓名" required render={(field) => <Input {...field} aria-label="姓名" />} />
        <FormField control={control} name="role" label="角色" required
          render={(field) => <Select {...field} aria-label="角色" options={ROLES.map((r) => ({ value: r, label: `${r} — ${ROLE_HINTS[r]}` }))} />} />
        <FormField control={control} name="password" label="初始密码" required extra="至少 8 位；请当面告知本人并提醒其修改"
          render={(field) => <Input.Password {...field} aria-label="初始密码" autoComplete="new-password" />} />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

export function UsersTab() {
  const { user: me } = useSession();
  const { message } = App.useApp();
  const [users, setUsers] = useState<UserView[]>([]);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => call('users.list', {}).then(setUsers, (e: Error) => message.error(e.message)), [message]);
  useEffect(() => void load(), [load]);
  const update = async (id: string, change: { role?: UserView['role']; active?: boolean }) => {
    try {
      await call('users.update', { id, ...change });
      await load();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Card extra={<Button type="primary" onClick={() => setCreating(true)}>新建用户</Button>} title="用户与角色">
      <Table<UserView>
        rowKey="id"
        dataSource={users}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (role: UserView['role'], row) =>
              row.id === me.id ? <Tag color="blue">{role}</Tag> : (
                <Select size="small" value={role} style={{ width: 120 }} options={ROLES.map((r) => ({ value: r, label: r }))} onChange={(r) => void update(row.id, { role: r })} />
              ),
          },
          {
            title: '启用',
            dataIndex: 'active',
            render: (active: boolean, row) => <Switch size="small" checked={active} disabled={row.id === me.id} onChange={(v) => void update(row.id, { active: v })} />,
          },
        ]}
      />
      <NewUserModal open={creating} onClose={(created) => { setCreating(false); if (created) void load(); }} />
    </Card>
  );
}
