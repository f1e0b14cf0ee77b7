/**
 * Who is signed in. `me` comes from GET /api/auth/me and is cached under ['me']; null means
 * signed out. Any 401 UNAUTHENTICATED anywhere sets it to null, which sends the person to /login.
 */

import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '@warmline/domain';
import { Button, Result, Spin } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from './api.ts';
import type { Me } from './types.ts';

export const meKey = ['me'] as const;

export function useMeQuery() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * True from a deliberate sign-out until the next sign-in. Navigation runs as a React transition,
 * so the signed-in page can still render once with `me` gone; this stops RequireAuth from
 * recording that page as the place to return to (the next person may be someone else).
 */
let signingOut = false;

/** Drops every cached answer but the public config, so one user's data never shows to the next. */
export function forgetUserData(queryClient: QueryClient, me: Me | null): void {
  if (me) signingOut = false;
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'config' && q.queryKey[0] !== 'me' });
  queryClient.setQueryData(meKey, me);
}

interface Auth {
  me: Me;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <RequireAuth>');
  return auth;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  // A failed refresh with a known user (restored from the device, offline) keeps the pages open.
  if (me.isError && me.data === undefined) return <ServerUnavailable retry={() => void me.refetch()} />;
  if (!me.data) {
    const state: LoginState = signingOut
      ? { signedOut: true }
      : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  const data = me.data;
  return (
    <AuthContext.Provider value={{ me: data, can: (p) => data.permissions.includes(p) }}>
      {children}
    </AuthContext.Provider>
  );
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** The server did not answer /me: say so instead of pretending the person is signed out. */
function ServerUnavailable({ retry }: { retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.serverUnavailable')}
      extra={
        <Button type="primary" onClick={retry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** Location state of /login after a deliberate sign-out: start fresh, not where they were. */
export interface LoginState {
  from?: string;
  signedOut?: boolean;
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    signingOut = true;
    navigate('/login', { replace: true, state: { signedOut: true } satisfies LoginState });
    try {
      await api.post('/api/auth/logout');
    } finally {
      forgetUserData(queryClient, null);
    }
  };
}
