import type { Permission } from '@warmline/domain';
import { Result } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { FullPageSpin, RequireAuth, useAuth } from './auth.tsx';
import { PageAccess } from './page-access.tsx';
import { Providers } from './providers.tsx';
import { LoginPage, NotFoundPage, page, pageRoutes } from './routes.tsx';

// Declared here, not in routes.tsx: the shell builds its menu from the route table.
const Shell = page(() => import('./Shell.tsx'), 'Shell');

/** A page the user's role may not see answers like the API would: forbidden, not a crash. */
function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  if (permission && !can(permission)) {
    return <Result status="403" title="403" subTitle={t('common.forbidden')} data-testid="forbidden" />;
  }
  return children;
}

/** Lets pages ask whether a link to another page would open for this role. */
function RouteAccess({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  const allowed = (path: string) => {
    const route = pageRoutes.find((r) => r.path === path.split('?')[0]);
    return !route?.permission || can(route.permission);
  };
  return <PageAccess.Provider value={allowed}>{children}</PageAccess.Provider>;
}

// Declarative routing: the data-router APIs (loaders, actions, fetchers) are not used, and
// leaving them out keeps react-router's share of the first load small.
export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Routes>
          <Route
            path="/login"
            element={
              <Suspense fallback={<FullPageSpin />}>
                <LoginPage />
              </Suspense>
            }
          />
          <Route
            element={
              <RequireAuth>
                <RouteAccess>
                  <Suspense fallback={<FullPageSpin />}>
                    <Shell />
                  </Suspense>
                </RouteAccess>
              </RequireAuth>
            }
          >
            {pageRoutes.map(({ path, permission, Page }) => (
              <Route
                key={path}
                path={path}
                element={
                  <RequirePermission permission={permission}>
                    <Page />
                  </RequirePermission>
                }
              />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </Providers>
  );
}
