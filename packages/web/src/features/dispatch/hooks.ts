/** The command centre's data; every query is refreshed by the live stream (app/live.ts). */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import type { Items, Lead, Page } from '../../app/types.ts';
import type { Alert, Dispatch, Team } from './types.ts';

/** The queue: open leads, and those not found on scene, re-queued for the next patrol near there. */
export const useOpenLeads = () =>
  useQuery({
    queryKey: ['leads', { queue: 'true', pageSize: 200 }],
    queryFn: () => api.get<Page<Lead>>('/api/leads', { queue: 'true', pageSize: 200 }),
  });

export const useLiveDispatches = () =>
  useQuery({ queryKey: ['dispatches'], queryFn: () => api.get<Items<Dispatch>>('/api/dispatches') });

export const useTeams = (enabled = true) =>
  useQuery({ queryKey: ['teams'], queryFn: () => api.get<Items<Team>>('/api/teams'), enabled });

export const useAlerts = () =>
  useQuery({ queryKey: ['alerts'], queryFn: () => api.get<Items<Alert>>('/api/alerts') });

/** The current time, ticking, so SLA timers count down on screen without a refetch. */
export function useNow(everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
