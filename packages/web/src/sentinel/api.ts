/**
 * The sentinel's endpoints. Registration and the region list are public; everything else
 * carries `Authorization: Sentinel <token>`. As on /report, a weak network is the normal case:
 * "no answer" is told apart from "the server said no".
 */
import {
  type ErrorCode,
  isErrorCode,
  type LeadDescriptor,
  type PublicLeadStatus,
  type SentinelOrgType,
  type SentinelState,
  type TrustLevel,
} from '@warmline/domain';
import type { ApiResult, NewLead } from '../report/api.ts';

export interface Registration {
  displayName: string;
  phone: string;
  orgType: SentinelOrgType;
  orgName?: string;
  regionCode?: string;
}

export interface Me {
  displayName: string;
  orgType: SentinelOrgType;
  state: SentinelState;
  trust: { score: number; level: TrustLevel };
}

export interface MyReport {
  trackingCode: string;
  receivedAt: string;
  address: string | null;
  descriptors: LeadDescriptor[];
  status: PublicLeadStatus;
  updatedAt: string;
}

const TIMEOUT_MS = 20_000;

async function request<T>(
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Sentinel ${options.token}`;
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      method: options.body === undefined ? 'GET' : 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
    });
    const data: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { ok: true, data: data as T };
    const code = (data as { error?: { code?: unknown } } | undefined)?.error?.code;
    const known: ErrorCode = isErrorCode(code) ? code : response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL';
    return { ok: false, kind: 'http', status: response.status, code: known };
  } catch {
    return { ok: false, kind: 'network' };
  } finally {
    window.clearTimeout(timer);
  }
}

export const register = (body: Registration) =>
  request<{ sentinelId: string; token: string; state: 'pending' }>('/api/public/sentinels', { body });
export const fetchRegions = () =>
  request<{ items: { code: string; name: string }[] }>('/api/public/sentinels/regions');
export const fetchMe = (token: string) => request<Me>('/api/sentinel/me', { token });
export const submitReport = (token: string, body: NewLead) =>
  request<{ trackingCode: string }>('/api/sentinel/leads', { token, body });
export const fetchMyReports = (token: string) =>
  request<{ items: MyReport[] }>('/api/sentinel/leads', { token });
