import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { settingsTabs } from './tabs';

export function SettingsPage() {
  const { user, status } = useSession();
  const atProvince = status.region?.code === PROVINCE_CODE;
  const tabs = settingsTabs.filter(
    (t) =>
      (t.roles ? t.roles.includes(user.role) : !t.adminOnly || user.role === '管理员') && !(t.cityOnly && atProvince),
  );
  // Other pages link straight to a section (统计图表 → 目标与基期) with ?tab=….
  const [params] = useSearchParams();
  const linked = tabs.find((t) => t.key === params.get('tab'))?.key;
  return (
    <>
      <PageHeader
        title="设置"
        description={
          atProvince
            ? '省级工作台的用户与各项参数。修改均记入审计日志。'
            : '本机地区、省级接口、用户与各项参数。修改均记入审计日志。'
        }
      />
      <Tabs
        key={linked}
        defaultActiveKey={linked}
        items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.element }))}
      />
    </>
  );
}
