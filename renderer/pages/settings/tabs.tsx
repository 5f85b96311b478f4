import type { ReactNode } from 'react';
import { GeneralSettingsTab } from './GeneralSettingsTab';
import { ScoringSettingsTab } from './ScoringSettingsTab';
import { TargetsSettingsTab } from './TargetsSettingsTab';
import { UsersTab } from './UsersTab';
import { RulesSettingsTab } from './RulesSettingsTab';
import { BackupsTab } from './BackupsTab';
import { SigningKeyTab } from './SigningKeyTab';
import { AuditLogTab } from './AuditLogTab';

export interface SettingsTab {
  key: string;
  label: string;
  adminOnly?: boolean;
  /** The roles that see the tab, when more than the administrator but not everyone. */
  roles?: readonly string[];
  /** Shown on a city desk only (the province's workbench reports to no one, so it signs nothing). */
  cityOnly?: boolean;
  element: ReactNode;
}

/** One entry per settings section; each capability adds its own tab here. */
export const settingsTabs: SettingsTab[] = [
  { key: 'general', label: '常规', element: <GeneralSettingsTab /> },
  { key: 'users', label: '用户', adminOnly: true, element: <UsersTab /> },
  { key: 'targets', label: '目标与基期', element: <TargetsSettingsTab /> },
  { key: 'scoring', label: '评分方案', element: <ScoringSettingsTab /> },
  { key: 'rules', label: '异常规则', element: <RulesSettingsTab /> },
  { key: 'backups', label: '备份与恢复', adminOnly: true, element: <BackupsTab /> },
  { key: 'signing-key', label: '签名密钥', adminOnly: true, cityOnly: true, element: <SigningKeyTab /> },
  { key: 'audit', label: '审计日志', roles: ['管理员', '领导'], element: <AuditLogTab /> },
];
