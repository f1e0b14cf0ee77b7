import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { persistQueryCache, restoreQueryCache } from '../features/outbox/query-cache.ts';
import { i18next, useLang } from '../i18n/index.ts';
import { ApiError, setUnauthenticatedHandler } from './api.ts';
import { forgetUserData } from './auth.tsx';
import { dayjs } from './format.ts';
import { darkTheme, theme } from './theme.ts';

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

setUnauthenticatedHandler(() => forgetUserData(queryClient, null));

// Date pickers and relative times follow the chosen language.
const dayjsLocale = (lang: string) => (lang === 'en' ? 'en' : 'zh-cn');
dayjs.locale(dayjsLocale(i18next.language));
i18next.on('languageChanged', (lang) => dayjs.locale(dayjsLocale(lang)));

/** Follows the phone's light or dark setting, live. */
function usePrefersDark(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const dark = usePrefersDark();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={dark ? darkTheme : theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

// Started once, before the first render asks for anything.
const restored = restoreQueryCache(queryClient).finally(() => persistQueryCache(queryClient));

/**
 * The signed-in user's and the patrol's answers come back from the device before any query runs,
 * so the patrol phone opens with the last data when offline (features/outbox/query-cache.ts).
 */
function Restored({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void restored.then(() => setReady(true));
  }, []);
  return ready ? children : null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <LocalisedAntd>
          <Restored>{children}</Restored>
        </LocalisedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
