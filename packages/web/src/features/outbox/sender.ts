/**
 * Sends the outbox, oldest first: on start, on the `online` event, right after each save and
 * every 30 s. 200/201 = delivered (removed); 4xx other than 401/408/429 = refused (kept with the
 * server's answer, shown with a discard button); network errors, 401 (sign in again), 408, 429
 * and 5xx = try again later, with backoff (30 s doubling to 10 min; `online` tries at once).
 *
 * Only the signed-in person's entries are sent (each carries who recorded it); another person's
 * wait for them to sign in on this phone again.
 *
 * Two tabs: a Web Lock lets one tab flush at a time; without Web Locks two flushes are still
 * harmless, because the server stores each clientId once (a resend answers 200) and an entry is
 * removed only after the server confirmed it.
 */
import { isErrorCode } from '@warmline/domain';
import { ApiError, notifyUnauthenticated } from '../../app/api.ts';
import {
  enqueue,
  listOutbox,
  type OutboxEntry,
  type OutboxError,
  outboxUser,
  type Queued,
  readBody,
  readFile,
  removeEntry,
  updateEntry,
} from './outbox.ts';

const INTERVAL_MS = 30_000;
const MAX_BACKOFF_MS = 10 * 60_000;

type Outcome =
  | { state: 'delivered'; status: number; data: unknown }
  | { state: 'rejected'; error: OutboxError }
  | { state: 'retry'; error: string };

/** What the server said to entries delivered or refused in this tab (for the screen that saved them). */
const outcomes = new Map<string, Outcome>();

interface Answer {
  status: number;
  date: number;
  data: unknown;
}

/** JSON, or with a photo a form: the body as its `data` field and the picture as `photos`. */
function encode(body: unknown, file: ArrayBuffer | null): { headers: HeadersInit; body: BodyInit } {
  if (!file) return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const form = new FormData();
  form.append('data', JSON.stringify(body));
  form.append('photos', new Blob([file], { type: 'image/jpeg' }), 'photo.jpg');
  return { headers: {}, body: form };
}

async function post(path: string, body: unknown, file: ArrayBuffer | null): Promise<Answer | null> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      ...encode(body, file),
      // A connection that hangs (a weak signal) counts as offline, not as a save that never ends.
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text().catch(() => '');
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    return { status: response.status, date: Date.parse(response.headers.get('date') ?? ''), data };
  } catch {
    return null;
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: { field?: string } } } | undefined;

async function sendEntry(entry: OutboxEntry): Promise<Outcome> {
  const body = await readBody(entry);
  const file = await readFile(entry);
  let answer = await post(entry.path, body, file);
  // `at` is the phone's clock. A phone that runs fast or slow by minutes would be refused ("not
  // within the window"): correct `at` by the server's Date header and try once more.
  const field = (answer?.data as ErrorBody)?.error?.details?.field;
  if (
    answer?.status === 400 &&
    field === 'at' &&
    typeof body.at === 'string' &&
    Number.isFinite(answer.date)
  ) {
    const skew = answer.date - Date.now();
    if (Math.abs(skew) > 30_000) {
      answer = await post(
        entry.path,
        { ...body, at: new Date(Date.parse(body.at) + skew).toISOString() },
        file,
      );
    }
  }
  if (!answer) return { state: 'retry', error: 'network' };
  const { status, data } = answer;
  if (status === 200 || status === 201) return { state: 'delivered', status, data };
  const err = (data as ErrorBody)?.error;
  // The session ended (12 h by default): keep everything, and ask the person to sign in again.
  if (status === 401) notifyUnauthenticated();
  if (status >= 500 || [401, 408, 429].includes(status) || status < 400)
    return { state: 'retry', error: err?.code ?? `HTTP ${status}` };
  return {
    state: 'rejected',
    error: {
      status,
      code: err?.code ?? 'INTERNAL',
      message: err?.message ?? `HTTP ${status}`,
      details: err?.details,
    },
  };
}

const backoff = (attempts: number) => Math.min(INTERVAL_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);

/** One pass over the outbox; stops at the first entry that must wait (the rest would too). */
async function flushOnce(force: boolean): Promise<void> {
  const user = outboxUser();
  for (const entry of await listOutbox()) {
    if (entry.rejected || !user || entry.userId !== user) continue;
    if (!force && entry.nextAttemptAt > Date.now()) return;
    const outcome = await sendEntry(entry);
    outcomes.set(entry.id, outcome);
    if (outcome.state === 'delivered') await removeEntry(entry.id);
    else if (outcome.state === 'rejected')
      await updateEntry(entry.id, { rejected: outcome.error, lastError: outcome.error.message });
    else {
      const attempts = entry.attempts + 1;
      await updateEntry(entry.id, {
        attempts,
        lastError: outcome.error,
        nextAttemptAt: Date.now() + backoff(attempts),
      });
      return;
    }
  }
}

let running: Promise<void> | null = null;
let again = false;

/** Flushes the outbox; a call during a flush makes it run one more pass. */
export function flushOutbox(force = true): Promise<void> {
  if (running) {
    again ||= force;
    return running;
  }
  const pass = async () => {
    do {
      again = false;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      if (typeof navigator !== 'undefined' && navigator.locks)
        await navigator.locks.request('warmline-outbox', () => flushOnce(force));
      else await flushOnce(force);
    } while (again);
  };
  running = pass().finally(() => {
    running = null;
  });
  return running;
}

let started = false;
/** Starts the background sender once per page. */
export function startOutboxSender(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flushOutbox(true));
  setInterval(() => void flushOutbox(false), INTERVAL_MS);
  void flushOutbox(true);
}

export type SubmitResult<T> = { state: 'sent'; data: T } | { state: 'queued' };

/**
 * The screens' save: durable in the outbox first, then one try to send. Sent → the server's
 * answer. Not reachable → queued (it goes when the network returns). Refused right away while
 * the form is still open → removed again and thrown as the ApiError any save would throw, so the person can correct the form (a
 * refusal found later, in the background, stays in the outbox for the person to see).
 */
export async function submit<T>(request: Queued): Promise<SubmitResult<T>> {
  const entry = await enqueue(request);
  await flushOutbox(true);
  const outcome = outcomes.get(entry.id);
  outcomes.delete(entry.id);
  if (outcome?.state === 'delivered') return { state: 'sent', data: outcome.data as T };
  if (outcome?.state === 'rejected') {
    await removeEntry(entry.id);
    const { status, code, message, details } = outcome.error;
    throw new ApiError(status, isErrorCode(code) ? code : 'INTERNAL', message, undefined, details);
  }
  return { state: 'queued' };
}
