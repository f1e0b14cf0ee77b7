import { theme as antdTheme, type ThemeConfig } from 'antd';

/** Winter blue with a warm accent: calm for long night shifts, readable on cheap screens. */
export const colors = {
  primary: '#1d5fa8',
  navy: '#0f2f52',
  warm: '#e8792b',
  page: '#f2f6fb',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: colors.primary,
    colorInfo: colors.primary,
    colorLink: colors.primary,
    borderRadius: 8,
    colorBgLayout: colors.page,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemBorderRadius: 6 },
  },
};

/**
 * The same theme at night: a phone set to dark mode (a patrol in the dark, or a dispatcher on a
 * night shift) gets Ant Design's dark algorithm and dark layout surfaces instead of a white glare.
 */
export const darkTheme: ThemeConfig = {
  ...theme,
  algorithm: antdTheme.darkAlgorithm,
  token: { ...theme.token, colorBgLayout: '#0d1520' },
  components: {
    ...theme.components,
    Layout: { ...theme.components?.Layout, headerBg: '#141c27', siderBg: '#141c27' },
  },
};
