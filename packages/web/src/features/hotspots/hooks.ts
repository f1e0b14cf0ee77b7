/** Hotspot data; the live stream (app/live.ts) marks ['hotspots'] stale on every hotspot change. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Items } from '../../app/types.ts';
import type { Hotspot, HotspotDetail } from './types.ts';

/**
 * Coverage ages with the clock, not only with changes: a place turns overdue while nobody
 * touches it, so the list is also refetched every few minutes.
 */
const COVERAGE_REFRESH_MS = 5 * 60_000;

/** Every hotspot of the jurisdiction, most urgent first (the server's order). */
export const useHotspots = () =>
  useQuery({
    queryKey: ['hotspots'],
    queryFn: () => api.get<Items<Hotspot>>('/api/hotspots'),
    refetchInterval: COVERAGE_REFRESH_MS,
  });

export const useHotspot = (id: string | null) =>
  useQuery({
    queryKey: ['hotspots', 'one', id],
    queryFn: () => api.get<HotspotDetail>(`/api/hotspots/${id}`),
    enabled: id !== null,
  });
