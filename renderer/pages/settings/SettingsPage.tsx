import { Tabs } from 'antd';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { settingsTabs } from './tabs';

export function SettingsPage() {
  const { user } = useSession();
  const tabs = settingsTabs.filter((t) => !t.adminOnly || user.role === '管理员');
  return (
    <>
      <PageHeader title="设置" description="本机地区、省级接口、用户与各项参数。修改均记入审计日志。" />
      <Tabs items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.element }))} />
    </>
  );
}
