/**
 * The two public endpoints. No session, no cookies. A weak mobile network is the normal case:
 * every call has a time limit, and "the network failed" is told apart from "the server said
 * no", because only the first keeps the form as it is and offers a retry.
 */
import { type ErrorCode, isErrorCode, type LeadDescriptor, type PublicLeadStatus } from '@warmline/domain';

export interface NewLead {
  descriptors: LeadDescriptor[];
  description?: string;
  lat?: number;
  lng?: number;
  accuracyM?: number;
  address?: string;
  reporterPhone?: string;
  callBack?: boolean;
  deviceToken?: string;
  /** Same id on a retry, so a report whose reply was lost is not filed twice. */
  clientId?: string;
}

export interface LeadStatusView {
  trackingCode: string;
  status: PublicLeadStatus;
  receivedAt: string;
  updatedAt: string;
}

export type ApiResult<T> =
  | { ok: true; data: T }
  /** No answer at all: offline, timed out, or the connection dropped. */
  | { ok: false; kind: 'network' }
  | { ok: false; kind: 'http'; status: number; code: ErrorCode; requestId?: string };

const TIMEOUT_MS = 20_000;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      cache: 'no-store',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    text = await response.text();
  } catch {
    return { ok: false, kind: 'network' };
  } finally {
    window.clearTimeout(timer);
  }
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (response.ok) return { ok: true, data: data as T };
  const error = (data as { error?: { code?: unknown; requestId?: unknown } } | undefined)?.error;
  const code: ErrorCode = isErrorCode(error?.code)
    ? error.code
    : response.status === 429
      ? 'RATE_LIMITED'
      : response.status === 404
        ? 'NOT_FOUND'
        : 'INTERNAL';
  return {
    ok: false,
    kind: 'http',
    status: response.status,
    code,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
  };
}

export function submitLead(lead: NewLead): Promise<ApiResult<{ trackingCode: string }>> {
  return call('POST', '/api/public/leads', lead);
}

export function fetchLeadStatus(code: string): Promise<ApiResult<LeadStatusView>> {
  return call('GET', `/api/public/leads/${encodeURIComponent(code)}`);
}

/** Public settings; used only to decide whether a map can be offered. */
export async function fetchMapTiles(): Promise<{ url: string; attribution: string } | null> {
  const result = await call<{ mapTileUrl?: string; mapAttribution?: string }>('GET', '/api/config');
  if (!result.ok || !result.data?.mapTileUrl) return null;
  return { url: result.data.mapTileUrl, attribution: result.data.mapAttribution ?? '' };
}
