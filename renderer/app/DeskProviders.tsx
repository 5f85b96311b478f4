import { LoadingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { theme } from './theme';
import { useReducedMotion } from './useReducedMotion';

dayjs.locale('zh-cn');

/**
 * A busy button's spinner, named in Chinese. Giving antd a spinner of our own also drops its default one, which
 * leaves with a width animation whose end event may never come (work that ends within a frame): that spinner stayed
 * in the button, invisible, and the button's name read "loading 登记" for good.
 */
const BUTTON = { autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-label="正在处理" /> };

/** The desk's theme with antd's animations off, for a system that asks for less motion. */
const STILL_THEME = { ...theme, token: { ...theme.token, motion: false } };

/**
 * What every screen stands in: Chinese locale, the desk's theme, antd's message and modal context. When the system
 * asks for less motion, antd's animations (a dialog zooming in, a drawer sliding) are off: the widget is there at once.
 */
export function DeskProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={useReducedMotion() ? STILL_THEME : theme} button={BUTTON}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
