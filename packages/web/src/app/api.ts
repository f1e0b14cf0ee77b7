/**
 * The one way the web talks to the server: JSON over fetch with the session cookie.
 * Every non-2xx answer becomes an ApiError carrying the catalogue code, so screens show
 * the catalogue's words (errorCatalog[code].zh) rather than whatever the server wrote.
 */
import { type ErrorCode, isErrorCode } from '@warmline/domain';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Called when any request answers 401 UNAUTHENTICATED (the session ended elsewhere). */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** For requests made outside this module (the patrol outbox's sender) that met a 401. */
export function notifyUnauthenticated(): void {
  onUnauthenticated();
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A JSON body, or a file sent as it is (`type` is its media type). */
type Body = unknown | { file: Blob; type: string };
const isFile = (body: Body): body is { file: Blob; type: string } =>
  typeof body === 'object' && body !== null && 'file' in body && body.file instanceof Blob;

async function send(method: string, path: string, body?: Body): Promise<Response> {
  try {
    const file = isFile(body);
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': file ? body.type : 'application/json' },
      body: body === undefined ? undefined : file ? body.file : JSON.stringify(body),
    });
  } catch {
    // Offline or the server is down: there is no catalogue answer, so say so plainly.
    throw new ApiError(0, 'INTERNAL', 'network error');
  }
}

async function request<T>(method: string, path: string, body?: Body): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw failure(response, data);
  return data as T;
}

/** A non-JSON answer (a photo): the bytes, or the same ApiError as any other call. */
async function requestBlob(path: string): Promise<Blob> {
  const response = await send('GET', path);
  if (!response.ok) throw failure(response, safeJson(await response.text()));
  return response.blob();
}

function failure(response: Response, data: unknown): ApiError {
  const error = (
    data as { error?: { code?: unknown; message?: string; requestId?: string; details?: unknown } }
  )?.error;
  const code: ErrorCode = isErrorCode(error?.code)
    ? error.code
    : response.status === 401
      ? 'UNAUTHENTICATED'
      : 'INTERNAL';
  if (code === 'UNAUTHENTICATED') onUnauthenticated();
  return new ApiError(
    response.status,
    code,
    error?.message ?? response.statusText,
    error?.requestId,
    error?.details,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  blob: requestBlob,
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  /** Posts a file as the body itself (an Excel import), answered with JSON. */
  upload: <T>(path: string, file: Blob, type: string) => request<T>('POST', path, { file, type }),
};
