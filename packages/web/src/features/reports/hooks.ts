/** 报送 data; the live stream (app/live.ts) marks ['reports'] stale on every submission or campaign event. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { Items } from '../../app/types.ts';
import { useLang } from '../../i18n/index.ts';
import type { Campaign, Returns, Submission } from './types.ts';

export const useCampaigns = () =>
  useQuery({
    queryKey: ['reports', 'campaigns'],
    queryFn: () => api.get<Items<Campaign>>('/api/reports/campaigns'),
  });

export const useReturns = (campaignId: string | null) =>
  useQuery({
    queryKey: ['reports', 'returns', campaignId],
    queryFn: () => api.get<Returns>(`/api/reports/campaigns/${campaignId}/returns`),
    enabled: !!campaignId,
  });

export const useSubmission = (id: string | null) =>
  useQuery({
    queryKey: ['reports', 'submission', id],
    queryFn: () => api.get<Submission>(`/api/reports/submissions/${id}`),
    enabled: !!id,
  });

/** A reports act: success said in words, every reports query refetched; a refusal in the catalogue's. */
export function useReportMutation<I, O>(
  send: (input: I) => Promise<O>,
  done: string,
  onDone?: (out: O) => void,
) {
  const { message } = App.useApp();
  const { key } = useLang();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (out) => {
      message.success(done);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      onDone?.(out);
    },
    onError: (error) => void message.error(errorText(error, key)),
  });
}
