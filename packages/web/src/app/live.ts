/**
 * Live updates: one EventSource to /api/live while signed in. Each `change` event marks the
 * matching lists stale so open screens refetch; the server fans PostgreSQL NOTIFY out to us.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LiveChange } from './types.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';

/** Which cached lists a change touches, by entity type. */
const affected: Record<string, string[][]> = {
  user: [['users'], ['me']],
  org: [['orgs'], ['me']],
  // Leads, shelters, movements, encounters, stays and shifts are what the figures count
  // (the dashboard's keys all start with 'stats').
  lead: [['leads'], ['dispatches'], ['patrol'], ['teams'], ['stats']],
  team: [['teams'], ['patrol']],
  // hotspot.created / updated / checked_in: the coverage list, the map and an open drawer.
  hotspot: [['hotspots']],
  // shelter.activated / counted / filled …: the directory, the keeper's places, the command map.
  shelter: [['shelters'], ['stats']],
  alert: [['alerts']],
  encounter: [['stats']],
  stay: [['stats']],
  shift: [['stats']],
  // Movements, places, items, donations and discrepancies: the supplies screen.
  supply_movement: [['supplies'], ['stats']],
  supply_place: [['supplies']],
  supply_item: [['supplies']],
  supply_discrepancy: [['supplies']],
  donation: [['supplies']],
  // 报送: a return generated, submitted, sent back or approved; a campaign created or extended.
  submission: [['reports']],
  campaign: [['reports']],
  // 气象预警: a warning received, entered or ended; a night's forecast minimum set.
  weather_warning: [['weather']],
  forecast_min: [['weather']],
};

export function useLiveUpdates(enabled: boolean): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let stopped = false;

    const onChange = (message: MessageEvent<string>) => {
      let change: LiveChange | null = null;
      try {
        change = JSON.parse(message.data) as LiveChange;
      } catch {
        // A malformed event still means something changed; refresh broadly below.
      }
      for (const key of (change && affected[change.entityType]) ?? [['users'], ['orgs']]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      // Every change writes an event row, so the audit log and the home activity card move too.
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    };

    const connect = () => {
      setStatus('connecting');
      source = new EventSource('/api/live', { withCredentials: true });
      source.onopen = () => {
        delay = 1000;
        setStatus('open');
        // Whatever changed before the stream was open is missed: while it was down (a
        // reopened stream) and also between the screen's first fetch and the first open (a
        // report made right as the page loads). Catch up by refetching what is on screen.
        void queryClient.invalidateQueries();
      };
      source.addEventListener('change', onChange);
      source.onmessage = onChange;
      source.onerror = () => {
        // EventSource retries by itself while CONNECTING; once CLOSED (e.g. an HTTP error),
        // reconnect with backoff so a server restart heals without a page reload.
        if (source?.readyState === EventSource.CLOSED) {
          setStatus('closed');
          source.close();
          if (!stopped) retry = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30_000);
        } else {
          setStatus('connecting');
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, queryClient]);

  return status;
}
