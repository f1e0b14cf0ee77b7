/** Shelter data; the live stream (app/live.ts) marks ['shelters'] stale on every shelter change. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Items } from '../../app/types.ts';
import type { Shelter } from './types.ts';

/**
 * "Open now" and the capacity in force move with the clock (opening hours, 08:00 and 20:00), not
 * only with changes, so the lists are also refetched every few minutes.
 */
const CLOCK_REFRESH_MS = 5 * 60_000;

/** Every place of the jurisdiction (the directory, the command map's layer). */
export const useShelters = (enabled = true) =>
  useQuery({
    queryKey: ['shelters'],
    queryFn: () => api.get<Items<Shelter>>('/api/shelters'),
    refetchInterval: CLOCK_REFRESH_MS,
    enabled,
  });

/** The places the signed-in user counts at (场所值守). */
export const useMyShelters = () =>
  useQuery({
    queryKey: ['shelters', 'mine'],
    queryFn: () => api.get<Items<Shelter>>('/api/shelters/mine'),
    refetchInterval: CLOCK_REFRESH_MS,
  });
