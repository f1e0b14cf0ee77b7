import 'i18next';
import type { zhCN } from './zh-CN.ts';

// Typed keys: a misspelt t('…') fails the type-check instead of showing the key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}
