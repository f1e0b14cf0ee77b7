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

/** Drops every cached answer but the public config, so one user's data never shows to the next. */
export function forgetUserData(queryClient: QueryClient, me: Me | null): void {
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
  if (me.isError) return <ServerUnavailable retry={() => void me.refetch()} />;
  if (!me.data) {
    const state: LoginState = { from: location.pathname + location.search };
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
    // Leave the signed-in pages first: once the session is gone, any request (or the live
    // stream's refetch of /me) would make RequireAuth record this page as the place to come
    // back to, and the next person to sign in may be someone else.
    navigate('/login', { replace: true, state: { signedOut: true } satisfies LoginState });
    try {
      await api.post('/api/auth/logout');
    } finally {
      forgetUserData(queryClient, null);
    }
  };
}
