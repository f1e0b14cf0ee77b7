import { Segmented } from 'antd';
import { type Language, setLanguage, useLang } from '../i18n/index.ts';

/** 中文 / EN toggle; the choice is remembered in localStorage. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { lang } = useLang();
  return (
    <Segmented<Language>
      size={size}
      data-testid="language-switch"
      value={lang}
      onChange={setLanguage}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
