import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';
import type { AppConfig } from './types.ts';

/** Public runtime settings (map tiles, demo flag); they change only with a server restart. */
export function useAppConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => api.get<AppConfig>('/api/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
