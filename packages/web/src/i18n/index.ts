/**
 * i18next with Chinese first and English second. The choice lives in localStorage so the
 * login page and the shell agree, and survives a reload.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'wl.lang';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  // Keep the console for our own warnings (i18next otherwise prints an advert on start).
  showSupportNotice: false,
});
document.documentElement.lang = i18next.language;

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** 'zh' or 'en': the key into the domain's `{ zh, en }` label records and errorCatalog. */
export type LabelKey = 'zh' | 'en';

export function useLang(): { lang: Language; key: LabelKey } {
  const { i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return { lang, key: lang === 'en' ? 'en' : 'zh' };
}

export { i18next };
