import type { ThemeConfig } from 'antd';

/** Calm government-office look: one blue, system Chinese fonts, comfortable but compact for 1366×768 laptops. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    borderRadius: 4,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
    fontSize: 14,
  },
};
