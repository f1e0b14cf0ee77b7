/** The duty roster's data; the live stream marks ['duty'] stale on every roster change. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { Items } from '../../app/types.ts';
import { useLang } from '../../i18n/index.ts';
import type { DutyCandidate, Handover, Roster, RosterTarget } from './types.ts';

const target = (t: RosterTarget) => (t.orgId ? { orgId: t.orgId } : {});

export const useRoster = (t: RosterTarget, from: string, to: string) =>
  useQuery({
    queryKey: ['duty', 'roster', t.orgId, from, to],
    queryFn: () => api.get<Roster>('/api/duty/roster', { ...target(t), from, to }),
  });

export const useCandidates = (t: RosterTarget, enabled: boolean) =>
  useQuery({
    queryKey: ['duty', 'candidates', t.orgId],
    queryFn: () => api.get<Items<DutyCandidate>>('/api/duty/candidates', target(t)),
    enabled,
  });

export const useHandovers = (t: RosterTarget) =>
  useQuery({
    queryKey: ['duty', 'handovers', t.orgId],
    queryFn: () => api.get<Items<Handover>>('/api/duty/handovers', { ...target(t), limit: 10 }),
  });

/** A roster change: the roster refetched on success, the catalogue's words on failure. */
export function useDutyAction<A>(fn: (args: A) => Promise<unknown>, done: string) {
  const { message } = App.useApp();
  const { key } = useLang();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      message.success(done);
      void queryClient.invalidateQueries({ queryKey: ['duty'] });
    },
    onError: (e) => message.error(errorText(e, key)),
  });
}

export const assignBody = (t: RosterTarget, day: string, slot: string, userId: string, note?: string) => ({
  ...target(t),
  day,
  slot,
  userId,
  ...(note ? { note } : {}),
});

export const handoverBody = (t: RosterTarget, text: string) => ({ ...target(t), text });
