/**
 * The two public endpoints. No session, no cookies. A weak mobile network is the normal case:
 * every call has a time limit, and "the network failed" is told apart from "the server said
 * no", because only the first keeps the form as it is and offers a retry.
 */
import {
  type ErrorCode,
  errorCatalog,
  isErrorCode,
  type LeadDescriptor,
  type PublicLeadStatus,
} from '@warmline/domain';

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
/** Photos take longer on a weak signal: ~1 MB at 2G speeds is well over a minute. */
const UPLOAD_TIMEOUT_MS = 180_000;

export async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  const controller = new AbortController();
  const form = body instanceof FormData;
  const timer = window.setTimeout(() => controller.abort(), form ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      cache: 'no-store',
      // A form sets its own content type (with the multipart boundary).
      headers:
        body === undefined || form
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
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
    : (fallbackCodes[response.status] ?? 'INTERNAL');
  return {
    ok: false,
    kind: 'http',
    status: response.status,
    code,
    requestId: typeof error?.requestId === 'string' ? error.requestId : undefined,
  };
}

/** A failed call in the words a person reads (the public pages share it). */
export function failureText(result: Exclude<ApiResult<unknown>, { ok: true }>): string {
  return result.kind === 'network' ? '网络不好，没有连上服务器。请稍后再试。' : errorCatalog[result.code].zh;
}

/** A proxy in front of the server may answer these without our JSON. */
const fallbackCodes: Partial<Record<number, ErrorCode>> = {
  404: 'NOT_FOUND',
  413: 'PHOTO_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/** JSON as always; with photos, a form whose `data` field holds the same JSON. */
export function submitLead(lead: NewLead, photos: Blob[] = []): Promise<ApiResult<{ trackingCode: string }>> {
  if (!photos.length) return call('POST', '/api/public/leads', lead);
  const form = new FormData();
  form.append('data', JSON.stringify(lead));
  photos.forEach((photo, i) => {
    form.append('photos', photo, `photo-${i + 1}.jpg`);
  });
  return call('POST', '/api/public/leads', form);
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
