/**
 * The patrol phone's outbox: every check-in and encounter is written here first, durably
 * (IndexedDB transactions with `durability: 'strict'`, so a write is on disk before we say
 * "saved"), and removed only once the server confirmed it (see sender.ts). The entry's id is
 * the request's `clientId`: the server stores each client id once, so a resend is harmless.
 * Bodies are sealed with the device key (crypto.ts); what can be listed without the key is only
 * what the pending list shows (kind, time, attempts, error).
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { deviceKey, open, openBytes, type Sealed, seal, sealBytes } from './crypto.ts';

export type OutboxKind = 'checkin' | 'encounter' | 'photo';

/** A server refusal (4xx): kept, shown with a discard button, never resent by itself. */
export interface OutboxError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

export interface OutboxEntry {
  /** = the body's clientId. */
  id: string;
  kind: OutboxKind;
  path: string;
  /** Who recorded it: only sent in that person's session (a shared phone must not re-file it). */
  userId: string | null;
  body: Sealed;
  /** A photo's bytes (sealed like the body), sent as multipart with the body as `data`. */
  file?: Sealed;
  /** A label for the pending list (e.g. the hotspot's name); not sensitive. */
  label: string;
  createdAt: number;
  /** Sending order: milliseconds, made strictly increasing within a tab (two saves in one ms). */
  seq: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  rejected: OutboxError | null;
}

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
  keys: { key: string; value: CryptoKey };
  cache: { key: string; value: Sealed };
}

const strict = { durability: 'strict' } as const;
let dbPromise: Promise<IDBPDatabase<OutboxDb>> | null = null;

export function outboxDb(): Promise<IDBPDatabase<OutboxDb>> {
  dbPromise ??= openDB<OutboxDb>('warmline-patrol', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id' });
      db.createObjectStore('keys');
      db.createObjectStore('cache');
    },
  });
  return dbPromise;
}

export const outboxKey = async () => deviceKey(await outboxDb());

// In this tab: listeners; across tabs: a BroadcastChannel, so every open page counts alike.
const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('warmline-outbox');
channel?.addEventListener('message', () => {
  for (const l of listeners) l();
});
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function changed(): void {
  for (const l of listeners) l();
  channel?.postMessage('changed');
}

export interface Queued {
  kind: OutboxKind;
  path: string;
  body: { clientId: string } & Record<string, unknown>;
  label?: string;
  /** A photo, already shrunk and re-encoded on the phone. */
  file?: ArrayBuffer;
}

let lastSeq = 0;
let currentUser: string | null = null;

/** The signed-in person (set by the shell): their saves are filed, and sent, under them. */
export function setOutboxUser(userId: string | null): void {
  currentUser = userId;
}
export const outboxUser = () => currentUser;

/** Writes the request durably; resolves once it is committed to disk. */
export async function enqueue({ kind, path, body, label = '', file }: Queued): Promise<OutboxEntry> {
  const db = await outboxDb();
  const now = Date.now();
  lastSeq = Math.max(now, lastSeq + 1);
  const entry: OutboxEntry = {
    id: body.clientId,
    kind,
    path,
    userId: currentUser,
    body: await seal(await deviceKey(db), body),
    ...(file ? { file: await sealBytes(await deviceKey(db), file) } : {}),
    label,
    createdAt: now,
    seq: lastSeq,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    rejected: null,
  };
  const tx = db.transaction('outbox', 'readwrite', strict);
  await tx.store.put(entry);
  await tx.done;
  changed();
  return entry;
}

/** Oldest first: the order they were recorded in is the order they are sent in. */
export async function listOutbox(): Promise<OutboxEntry[]> {
  const all = await (await outboxDb()).getAll('outbox');
  return all.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
}

export async function readBody(entry: OutboxEntry): Promise<Record<string, unknown>> {
  return open(await outboxKey(), entry.body);
}

export async function readFile(entry: OutboxEntry): Promise<ArrayBuffer | null> {
  return entry.file ? openBytes(await outboxKey(), entry.file) : null;
}

/** Removes an entry: after the server confirmed it, or when the person discards a refused one. */
export async function removeEntry(id: string): Promise<void> {
  const tx = (await outboxDb()).transaction('outbox', 'readwrite', strict);
  await tx.store.delete(id);
  await tx.done;
  changed();
}

/** Updates an entry that is still there (another tab may have delivered it meanwhile). */
export async function updateEntry(id: string, patch: Partial<OutboxEntry>): Promise<void> {
  const tx = (await outboxDb()).transaction('outbox', 'readwrite', strict);
  const current = await tx.store.get(id);
  if (current) await tx.store.put({ ...current, ...patch });
  await tx.done;
  changed();
}

/**
 * How many records on this device still wait for the server (anyone's): the sign-in page says so,
 * since they go only once their recorder signs in again. Opens nothing on a device that never had an outbox.
 */
export async function waitingOnDevice(): Promise<number> {
  try {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('warmline-patrol')) return 0;
    return (await listOutbox()).filter((e) => !e.rejected).length;
  } catch {
    return 0;
  }
}
