import {
  AlertOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  FileDoneOutlined,
  FormOutlined,
  HomeOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ChartsPage } from '../pages/charts/ChartsPage';
import { EvaluationPage } from '../pages/evaluation/EvaluationPage';
import { FilingsPage } from '../pages/filings/FilingsPage';
import { HomePage } from '../pages/home/HomePage';
import { ReviewPage } from '../pages/review/ReviewPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { SyncPage } from '../pages/sync/SyncPage';

export interface Section {
  /** First path segment; each page owns the routes below it. */
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
}

/** The navigation of DESIGN: 首页 · 备案登记 · 异常审核 · 数据同步 · 统计图表 · 成效评价 · 设置. */
export const sections: Section[] = [
  { path: 'home', label: '首页', icon: <HomeOutlined />, element: <HomePage /> },
  { path: 'filings', label: '备案登记', icon: <FormOutlined />, element: <FilingsPage /> },
  { path: 'review', label: '异常审核', icon: <AlertOutlined />, element: <ReviewPage /> },
  { path: 'sync', label: '数据同步', icon: <CloudSyncOutlined />, element: <SyncPage /> },
  { path: 'charts', label: '统计图表', icon: <BarChartOutlined />, element: <ChartsPage /> },
  { path: 'evaluation', label: '成效评价', icon: <FileDoneOutlined />, element: <EvaluationPage /> },
  { path: 'settings', label: '设置', icon: <SettingOutlined />, element: <SettingsPage /> },
];
