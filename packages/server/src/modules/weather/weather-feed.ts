/**
 * The meteorological feed, polled (`WEATHER_FEED_URL`, every `WEATHER_FEED_MINUTES`): either one
 * CAP 1.2 alert, or an Atom/RSS feed whose entries link to CAP documents. Every fetch is a
 * conditional GET (ETag / Last-Modified remembered in `weather_feed_state`) bounded by a timeout;
 * a linked CAP document is fetched once (a CAP message never changes: an update is a new one).
 * A bad document is logged, remembered with its reason and skipped — it never stops the others.
 */
import { and, eq, lt, ne } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import type { Db } from '../../db/pool.ts';
import { weatherFeedState } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { MAX_CAP_BYTES } from './cap.ts';
import type { WarningService } from './warning.service.ts';

export const WEATHER_FEED_JOB = 'weather-feed-poll';
/** A feed lists many entries; still, more than this is a mistake or an attack. */
const MAX_FEED_BYTES = 4 * 1024 * 1024;
/** Entries read per poll (newest first, as feeds list them). */
const MAX_ENTRIES = 100;
/** A linked document's state is forgotten after this (a feed lists days, not months). */
const FORGET_AFTER_MS = 30 * 24 * 3_600_000;

/** Every `minutes` (pg-boss cron, Asia/Shanghai): a divisor of 60 keeps the interval even. */
export function feedCron(minutes: number): string {
  if (minutes >= 60) return `0 */${Math.max(1, Math.round(minutes / 60))} * * *`;
  return `*/${Math.max(1, Math.round(minutes))} * * * *`;
}

export interface FeedPollResult {
  /** The feed (or single CAP) answered 304. */
  unchanged: boolean;
  /** CAP documents read this poll, and of them how many were new warnings or ends. */
  documents: number;
  stored: number;
  duplicates: number;
  failed: { url: string; reason: string }[];
}

type Log = { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  isArray: (name) => ['entry', 'item', 'link', 'enclosure'].includes(name),
});

const str = (v: unknown): string | null =>
  typeof v === 'string'
    ? v.trim() || null
    : v && typeof v === 'object' && '#text' in v
      ? str((v as { '#text': unknown })['#text'])
      : null;

/**
 * The CAP documents an Atom or RSS feed links to, absolute, in the feed's order. Atom: the
 * entry's link of a CAP type (or rel="alternate"/"enclosure", or the only link); RSS: the item's
 * enclosure, else its link. Only http(s) links are followed.
 */
export function capLinksOf(doc: Record<string, unknown>, base: string): string[] | null {
  const atom = doc.feed as Record<string, unknown> | undefined;
  const rss = (doc.rss as Record<string, unknown> | undefined)?.channel as
    | Record<string, unknown>
    | undefined;
  const rdfItems = (doc.RDF as Record<string, unknown> | undefined)?.item as unknown[] | undefined;
  let hrefs: (string | null)[];
  if (atom && typeof atom === 'object') {
    hrefs = ((atom.entry as Record<string, unknown>[] | undefined) ?? []).map((e) => {
      const links = (e.link as Record<string, unknown>[] | undefined) ?? [];
      const href = (l: Record<string, unknown> | undefined) => (l ? str(l['@href']) : null);
      const cap = links.find((l) => /cap|xml/i.test(String(l['@type'] ?? '')));
      const rel = links.find((l) => ['alternate', 'enclosure', 'related'].includes(String(l['@rel'] ?? '')));
      return href(cap) ?? href(rel) ?? href(links.length === 1 ? links[0] : undefined) ?? str(e.id);
    });
  } else if ((rss && typeof rss === 'object') || rdfItems) {
    const items =
      (rss?.item as Record<string, unknown>[] | undefined) ?? (rdfItems as Record<string, unknown>[]);
    hrefs = (items ?? []).map((i) => {
      const enclosure = (i.enclosure as Record<string, unknown>[] | undefined)?.[0];
      const link = (i.link as unknown[] | undefined)?.[0];
      return (enclosure && str(enclosure['@url'])) ?? str(link) ?? str(i.guid);
    });
  } else return null;
  const out: string[] = [];
  for (const h of hrefs.slice(0, MAX_ENTRIES)) {
    if (!h) continue;
    try {
      const u = new URL(h, base);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !out.includes(u.href)) out.push(u.href);
    } catch {
      // not a URL (an Atom id such as urn:uuid:…): nothing to fetch
    }
  }
  return out;
}

/** Reads at most `max` bytes of the body, or refuses. */
async function bodyOf(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > max) throw new Error(`too large (${declared} bytes)`);
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Error(`too large (over ${max} bytes)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createWeatherFeed(deps: {
  db: Db;
  clock: Clock;
  warnings: Pick<WarningService, 'ingestCap'>;
  url: string;
  /** Bounds each fetch, body included. */
  timeoutMs?: number;
  log: Log;
}) {
  const { db, clock, log } = deps;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  const stateOf = async (url: string) =>
    (await db.select().from(weatherFeedState).where(eq(weatherFeedState.url, url)))[0] ?? null;
  const remember = (row: typeof weatherFeedState.$inferInsert) =>
    db
      .insert(weatherFeedState)
      .values(row)
      .onConflictDoUpdate({
        target: weatherFeedState.url,
        set: {
          etag: row.etag ?? null,
          lastModified: row.lastModified ?? null,
          fetchedAt: row.fetchedAt,
          status: row.status,
          error: row.error ?? null,
        },
      });

  /** A conditional GET: null when unchanged (304); the validators are remembered on success. */
  async function get(
    url: string,
    max: number,
  ): Promise<{ body: string; etag: string | null; lastModified: string | null } | null> {
    const known = await stateOf(url);
    const headers: Record<string, string> = {
      accept: 'application/cap+xml, application/atom+xml, application/rss+xml, application/xml, text/xml',
    };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    } catch (e) {
      const reason =
        (e as Error).name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e as Error).message;
      await remember({ ...keep(known), url, fetchedAt: clock.now(), status: 0, error: reason });
      throw new Error(reason);
    }
    if (res.status === 304) {
      await res.body?.cancel();
      await remember({ ...keep(known), url, fetchedAt: clock.now(), status: 304, error: null });
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      await remember({
        ...keep(known),
        url,
        fetchedAt: clock.now(),
        status: res.status,
        error: `HTTP ${res.status}`,
      });
      throw new Error(`HTTP ${res.status}`);
    }
    let body: string;
    try {
      body = await bodyOf(res, max);
    } catch (e) {
      const reason =
        (e as Error).name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e as Error).message;
      await remember({ ...keep(known), url, fetchedAt: clock.now(), status: 0, error: reason });
      throw new Error(reason);
    }
    // Validators are remembered only once the document was handled (see `done`).
    return { body, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  }
  const keep = (known: Awaited<ReturnType<typeof stateOf>>) => ({
    etag: known?.etag ?? null,
    lastModified: known?.lastModified ?? null,
  });
  const done = (
    url: string,
    got: { etag: string | null; lastModified: string | null },
    error: string | null,
  ) =>
    remember({
      url,
      etag: got.etag,
      lastModified: got.lastModified,
      fetchedAt: clock.now(),
      status: 200,
      error,
    });

  /** Stores one CAP document; a refusal is the document's problem, logged and returned. */
  async function ingest(url: string, xml: string, result: FeedPollResult) {
    result.documents++;
    try {
      const r = await deps.warnings.ingestCap(xml, 'feed', null);
      if (r.duplicate) result.duplicates++;
      else result.stored += r.warnings.length + r.ended.length;
      return null;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const reason = `${e.code}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`;
      log.warn({ url, reason }, 'weather feed: CAP document refused, skipped');
      result.failed.push({ url, reason });
      return reason;
    }
  }

  return {
    async poll(): Promise<FeedPollResult> {
      const result: FeedPollResult = { unchanged: false, documents: 0, stored: 0, duplicates: 0, failed: [] };
      const feed = await get(deps.url, MAX_FEED_BYTES);
      if (!feed) return { ...result, unchanged: true };
      let doc: Record<string, unknown>;
      try {
        if (/<!DOCTYPE|<!ENTITY/i.test(feed.body)) throw new Error('DTD not allowed');
        doc = parser.parse(feed.body, true) as Record<string, unknown>;
      } catch (e) {
        const reason = `not well-formed XML: ${(e as Error).message.split('\n')[0]}`;
        log.warn({ url: deps.url, reason }, 'weather feed: unreadable');
        await done(deps.url, { etag: null, lastModified: null }, reason);
        return { ...result, failed: [{ url: deps.url, reason }] };
      }
      if (doc.alert) {
        const reason = await ingest(deps.url, feed.body, result);
        await done(deps.url, feed, reason);
        log.info({ url: deps.url, ...result, failed: result.failed.length }, 'weather feed polled');
        return result;
      }
      const links = capLinksOf(doc, deps.url);
      if (!links) {
        const reason = 'neither a CAP alert nor an Atom/RSS feed';
        log.warn({ url: deps.url, reason }, 'weather feed: unreadable');
        await done(deps.url, { etag: null, lastModified: null }, reason);
        return { ...result, failed: [{ url: deps.url, reason }] };
      }
      for (const link of links) {
        // Fetched once: a document that answered (stored or refused) is not asked for again;
        // one that failed on the way (timeout, 5xx) is retried on the next poll.
        const known = await stateOf(link);
        if (
          known &&
          (known.status === 200 || known.status === 304 || (known.status >= 400 && known.status < 500))
        )
          continue;
        try {
          const cap = await get(link, MAX_CAP_BYTES);
          if (!cap) continue;
          await done(link, cap, await ingest(link, cap.body, result));
        } catch (e) {
          const reason = (e as Error).message;
          log.warn({ url: link, reason }, 'weather feed: CAP document not fetched, skipped');
          result.failed.push({ url: link, reason });
        }
      }
      // Only now is the feed as read: a crash midway re-reads it next time.
      await done(deps.url, feed, null);
      // Documents long gone from the feed: a re-listed one is fetched again and found stored.
      await db
        .delete(weatherFeedState)
        .where(
          and(
            ne(weatherFeedState.url, deps.url),
            lt(weatherFeedState.fetchedAt, new Date(clock.now().getTime() - FORGET_AFTER_MS)),
          ),
        );
      log.info({ url: deps.url, ...result, failed: result.failed.length }, 'weather feed polled');
      return result;
    },
  };
}
