/** Statistics data; every key starts with 'stats' (the live stream marks it stale on a change). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FigureKey } from '@warmline/domain';
import { api } from '../../app/api.ts';
import type { Items } from '../../app/types.ts';
import type { Period } from './period.ts';
import type { StatsChild, StatsFigures, StatsRecords, StatsTrendDay } from './types.ts';

const q = (region: string, p: Period) => ({ region, from: p.from, to: p.to });

export const useStatsFigures = (region: string, p: Period) =>
  useQuery({
    queryKey: ['stats', 'figures', region, p.from, p.to],
    queryFn: () => api.get<StatsFigures>('/api/stats/figures', q(region, p)),
    placeholderData: keepPreviousData,
  });

export const useStatsChildren = (region: string, p: Period, enabled: boolean) =>
  useQuery({
    queryKey: ['stats', 'children', region, p.from, p.to],
    queryFn: () => api.get<Items<StatsChild>>('/api/stats/children', q(region, p)),
    enabled,
  });

export const useStatsTrend = (region: string, p: Period) =>
  useQuery({
    queryKey: ['stats', 'trend', region, p.from, p.to],
    queryFn: () => api.get<{ days: StatsTrendDay[] }>('/api/stats/trend', q(region, p)),
    placeholderData: keepPreviousData,
  });

export const useStatsRecords = (
  target: { region: string; from: string; to: string; figure: FigureKey; dim: string } | null,
  page: number,
  pageSize: number,
) =>
  useQuery({
    queryKey: ['stats', 'records', target, page, pageSize],
    queryFn: () =>
      api.get<StatsRecords>('/api/stats/records', {
        ...(target ?? {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    enabled: target !== null,
    placeholderData: keepPreviousData,
  });
