/** Response data; the live stream marks ['response'] stale on every response, proposal or task change. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Items } from '../../app/types.ts';
import type {
  AfterAction,
  Proposal,
  ResponseDetail,
  ResponseStatus,
  ResponseSummary,
  ResponseTable,
} from './types.ts';

/** Deadlines pass and warnings expire with the clock: refetched every minute as well. */
const CLOCK_REFRESH_MS = 60_000;

export const useResponseStatus = (enabled = true) =>
  useQuery({
    queryKey: ['response', 'status'],
    queryFn: () => api.get<ResponseStatus>('/api/response/status'),
    refetchInterval: CLOCK_REFRESH_MS,
    enabled,
  });

export const useProposals = () =>
  useQuery({
    queryKey: ['response', 'proposals'],
    queryFn: () => api.get<Items<Proposal>>('/api/response/proposals'),
    refetchInterval: CLOCK_REFRESH_MS,
  });

export const useResponses = () =>
  useQuery({
    queryKey: ['response', 'list'],
    queryFn: () => api.get<Items<ResponseSummary>>('/api/response/responses'),
    refetchInterval: CLOCK_REFRESH_MS,
  });

export const useResponse = (id: string | null) =>
  useQuery({
    queryKey: ['response', 'one', id],
    queryFn: () => api.get<ResponseDetail>(`/api/response/responses/${id}`),
    enabled: id !== null,
    refetchInterval: CLOCK_REFRESH_MS,
  });

export const useAfterAction = (id: string | null) =>
  useQuery({
    queryKey: ['response', 'report', id],
    queryFn: () => api.get<AfterAction>(`/api/response/responses/${id}/report`),
    enabled: id !== null,
  });

export const useResponseTable = () =>
  useQuery({
    queryKey: ['response', 'table'],
    queryFn: () => api.get<ResponseTable>('/api/response/table'),
  });
