/** Weather data; the live stream (app/live.ts) marks ['weather'] stale on every warning or forecast change. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { dayjs, TIME_ZONE } from '../../app/format.ts';
import type { Items, Me, Region } from '../../app/types.ts';
import type { Forecast, Warning } from './types.ts';

/** A warning starts and expires by the clock, not only by a change: refetch now and then. */
const CLOCK_REFRESH_MS = 5 * 60_000;

export const useWarnings = (active: boolean) =>
  useQuery({
    queryKey: ['weather', 'warnings', active],
    queryFn: () => api.get<Items<Warning>>('/api/weather/warnings', { active, limit: 100 }),
    refetchInterval: CLOCK_REFRESH_MS,
  });

/** Tonight: the Beijing date the night starts on (as the server counts it). */
export const tonight = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

export const useForecasts = (night: string, nights: number) =>
  useQuery({
    queryKey: ['weather', 'forecasts', night, nights],
    queryFn: () => api.get<Items<Forecast>>('/api/weather/forecasts', { night, nights }),
  });

/**
 * The regions a warning or a forecast is given for in the user's jurisdiction: a city's own
 * code (city-wide) and its counties; a county (or below) only its county.
 */
export function useWeatherRegions(me: Pick<Me, 'regionCode' | 'regionName' | 'regionLevel'>) {
  const own = me.regionCode.slice(0, 6);
  const below = me.regionLevel === 'national' || me.regionLevel === 'province' || me.regionLevel === 'city';
  const children = useQuery({
    queryKey: ['regions', 'children', own],
    queryFn: () => api.get<Items<Region>>(`/api/regions/${own}/children`),
    enabled: below,
    staleTime: 10 * 60_000,
  });
  const self = { code: own, name: me.regionName };
  return {
    loading: below && children.isLoading,
    /** Where a forecast is kept: the counties (or the user's own county). */
    counties: below ? (children.data?.items ?? []).map((r) => ({ code: r.code, name: r.name })) : [self],
    /** Where a warning may hold: the city-wide code too. */
    areas: below
      ? [self, ...(children.data?.items ?? []).map((r) => ({ code: r.code, name: r.name }))]
      : [self],
  };
}
