/**
 * The shift's data kept for an offline reload: the cached answers of the signed-in user (`me`,
 * `config`, and every `['patrol', …]` query: assignments, team, hotspots, re-checks due) are
 * dehydrated to IndexedDB, sealed with the same device key as the outbox, a second after each
 * change. On start they are hydrated back before the app renders, so the patrol page shows the
 * last data while offline; kept for 24 h (a 12-hour night plus margin).
 *
 * A dozen lines on TanStack Query's own dehydrate/hydrate rather than its persister packages:
 * those pin a query-core of their own version, and two copies of query-core in one app break
 * its types (and would ship twice).
 */
import {
  type DehydratedState,
  dehydrate,
  hydrate,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { open, seal } from './crypto.ts';
import { outboxDb, outboxKey } from './outbox.ts';

const KEY = 'queries';
const MAX_AGE_MS = 24 * 3_600_000;
const kept = new Set(['me', 'config', 'patrol']);

const shouldDehydrateQuery = (q: Query) =>
  q.state.status === 'success' && q.state.data != null && kept.has(String(q.queryKey[0]));

/** Puts the saved answers back into the cache (never fails: without them the app simply fetches). */
export async function restoreQueryCache(queryClient: QueryClient): Promise<void> {
  try {
    const sealed = await (await outboxDb()).get('cache', KEY);
    if (!sealed) return;
    const saved = await open<{ at: number; state: DehydratedState }>(await outboxKey(), sealed);
    if (Date.now() - saved.at < MAX_AGE_MS) hydrate(queryClient, saved.state);
  } catch {
    // a key lost with cleared site data, or no IndexedDB (private mode): start without it
  }
}

/** Saves the kept answers a second after each change; returns the unsubscribe. */
export function persistQueryCache(queryClient: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    const state = dehydrate(queryClient, { shouldDehydrateQuery });
    const sealed = await seal(await outboxKey(), { at: Date.now(), state });
    await (await outboxDb()).put('cache', sealed, KEY);
  };
  const off = queryClient.getQueryCache().subscribe(() => {
    timer ??= setTimeout(() => void save().catch(() => undefined), 1_000);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
