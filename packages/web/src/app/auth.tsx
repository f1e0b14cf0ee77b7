/**
 * Who is signed in. `me` comes from GET /api/auth/me and is cached under ['me']; null means
 * signed out. Any 401 UNAUTHENTICATED anywhere sets it to null, which sends the person to /login.
 */
import type { Permission } from '@warmline/domain';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
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
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
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

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      forgetUserData(queryClient, null);
    }
  };
}
