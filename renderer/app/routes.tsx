import {
  AlertOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  AimOutlined,
  AuditOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  KeyOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { SystemStatus } from './session';
import { PROVINCE_CODE } from '../../shared/domain/regions';
import { ChartsPage } from '../pages/charts/ChartsPage';
import { EvaluationPage } from '../pages/evaluation/EvaluationPage';
import { FilingsPage } from '../pages/filings/FilingsPage';
import { HomePage } from '../pages/home/HomePage';
import { MatchingPage } from '../pages/matching/MatchingPage';
import { BulletinPage } from '../pages/province/bulletin/BulletinPage';
import { NoticesPage } from '../pages/province/notices/NoticesPage';
import { CrossReviewPage } from '../pages/province/review/CrossReviewPage';
import { TargetsSendPage } from '../pages/province/targets/TargetsSendPage';
import { ProvinceHomePage } from '../pages/province/home/ProvinceHomePage';
import { ProvinceMatchingHome } from '../pages/province/matching/ProvinceMatchingHome';
import { InstallationsPage } from '../pages/province/installations/InstallationsPage';
import { ReviewPage } from '../pages/review/ReviewPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { SyncPage } from '../pages/sync/SyncPage';

export interface Section {
  /** First path segment; each page owns the routes below it. */
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
  /**
   * Which installations show the section: a city desk, the province's workbench (a store set up for 140000), or
   * both. The province never records or edits a city's records, so the filing sections are the city's alone.
   */
  scope: 'city' | 'province' | 'both';
}

/**
 * The navigation of DESIGN: 首页 · 备案登记 · 供需对接 · 异常审核 · 数据同步 · 统计图表 · 成效评价 · 设置; the province's workbench has its
 * own 首页 (the regions side by side) and 安装登记.
 */
const allSections: Section[] = [
  { path: 'home', label: '首页', icon: <HomeOutlined />, element: <HomePage />, scope: 'city' },
  { path: 'home', label: '首页', icon: <HomeOutlined />, element: <ProvinceHomePage />, scope: 'province' },
  { path: 'filings', label: '备案登记', icon: <FormOutlined />, element: <FilingsPage />, scope: 'city' },
  { path: 'matching', label: '供需对接', icon: <NodeIndexOutlined />, element: <MatchingPage />, scope: 'city' },
  {
    path: 'matching',
    label: '供需对接',
    icon: <NodeIndexOutlined />,
    element: <MatchingPage home={<ProvinceMatchingHome />} />,
    scope: 'province',
  },
  { path: 'review', label: '异常审核', icon: <AlertOutlined />, element: <ReviewPage />, scope: 'city' },
  { path: 'sync', label: '数据同步', icon: <CloudSyncOutlined />, element: <SyncPage />, scope: 'city' },
  {
    path: 'cross-review',
    label: '跨地市审核',
    icon: <AuditOutlined />,
    element: <CrossReviewPage />,
    scope: 'province',
  },
  {
    path: 'province-targets',
    label: '目标下达',
    icon: <AimOutlined />,
    element: <TargetsSendPage />,
    scope: 'province',
  },
  { path: 'notices', label: '通知', icon: <NotificationOutlined />, element: <NoticesPage />, scope: 'province' },
  { path: 'charts', label: '统计图表', icon: <BarChartOutlined />, element: <ChartsPage />, scope: 'both' },
  { path: 'evaluation', label: '成效评价', icon: <FileDoneOutlined />, element: <EvaluationPage />, scope: 'both' },
  { path: 'bulletin', label: '定期通报', icon: <FileTextOutlined />, element: <BulletinPage />, scope: 'province' },
  {
    path: 'installations',
    label: '安装登记',
    icon: <KeyOutlined />,
    element: <InstallationsPage />,
    scope: 'province',
  },
  { path: 'settings', label: '设置', icon: <SettingOutlined />, element: <SettingsPage />, scope: 'both' },
];

/** The sections this installation shows: the province's workbench (on its SQLite file or server database) or a city's desk. */
export function sectionsFor(status: SystemStatus): Section[] {
  const scope = status.region?.code === PROVINCE_CODE ? 'province' : 'city';
  return allSections.filter((s) => s.scope === scope || s.scope === 'both');
}
