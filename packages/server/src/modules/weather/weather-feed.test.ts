import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { weatherFeedState } from '../../db/schema.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createEventRecorder } from '../../platform/events.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { capAlert } from './fixtures/cap-builder.ts';
import { createWarningService } from './warning.service.ts';
import { capLinksOf, createWeatherFeed, feedCron } from './weather-feed.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** What the local feed server answers, per path; each request is logged with its validators. */
type Answer = { status?: number; body?: string; etag?: string; lastModified?: string; delayMs?: number };
let routes: Record<string, Answer> = {};
let requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
let server: Server;
let base = '';
let t: TestDatabase;
const clock = fixedClock(new Date('2026-12-01T09:00:00+08:00'));
const warned: { url?: string; reason?: string }[] = [];
const log = {
  warn: (obj: object) => void warned.push(obj as { url?: string; reason?: string }),
  info: () => {},
};

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '/';
  requests.push({
    path,
    ifNoneMatch: req.headers['if-none-match'],
    ifModifiedSince: req.headers['if-modified-since'],
  });
  const a = routes[path];
  if (!a) {
    res.writeHead(404).end();
    return;
  }
  const answer = () => {
    if (a.etag && req.headers['if-none-match'] === a.etag) return void res.writeHead(304).end();
    if (a.lastModified && req.headers['if-modified-since'] === a.lastModified)
      return void res.writeHead(304).end();
    res.writeHead(a.status ?? 200, {
      'content-type': 'application/xml; charset=utf-8',
      ...(a.etag ? { etag: a.etag } : {}),
      ...(a.lastModified ? { 'last-modified': a.lastModified } : {}),
    });
    res.end(a.body ?? '');
  };
  if (a.delayMs) setTimeout(answer, a.delayMs);
  else answer();
}

beforeAll(async () => {
  t = await createTestDatabase();
  server = createServer(handle);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
  await t.drop();
});
beforeEach(async () => {
  routes = {};
  requests = [];
  warned.length = 0;
  await t.db.delete(weatherFeedState);
});

const changes: string[][] = [];
const feedAt = (path: string, timeoutMs = 2000) =>
  createWeatherFeed({
    db: t.db,
    clock,
    log,
    url: `${base}${path}`,
    timeoutMs,
    warnings: createWarningService({
      db: t.db,
      clock,
      ids: uuidV7Ids,
      recordEvent: createEventRecorder({ clock, ids: uuidV7Ids }),
      outlines: null,
      fallbackRegion: '440200',
      afterChange: async (codes) => void changes.push(codes),
    }),
  });

const atom = (hrefs: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>广东省突发事件预警信息</title>
  <id>urn:uuid:feed</id>
  <updated>2026-12-01T09:00:00+08:00</updated>
  ${hrefs
    .map(
      (
        h,
        i,
      ) => `<entry><id>urn:uuid:${i}</id><title>预警 ${i}</title><updated>2026-12-01T09:00:00+08:00</updated>
    <link rel="alternate" type="text/html" href="/page/${i}.html"/>
    <link rel="enclosure" type="application/cap+xml" href="${h}"/></entry>`,
    )
    .join('\n  ')}
</feed>`;

describe('weather feed polling', () => {
  it('reads one CAP alert at the feed URL, then asks conditionally and hears 304', async () => {
    routes['/cap.xml'] = { body: fixture('cold-wave-red-shaoguan.xml'), etag: '"v1"' };
    const feed = feedAt('/cap.xml');
    const first = await feed.poll();
    expect(first).toMatchObject({ unchanged: false, documents: 1, stored: 1, failed: [] });
    expect(changes.at(-1)).toEqual(['440200']);
    const second = await feed.poll();
    expect(second.unchanged).toBe(true);
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, '"v1"']);
    const [state] = await t.db.select().from(weatherFeedState);
    expect(state).toMatchObject({ etag: '"v1"', status: 304, error: null });
  });

  it('follows an Atom feed to its CAP documents, each fetched once; a bad one is logged and skipped', async () => {
    routes['/feed.atom'] = {
      body: atom(['/cap/update.xml', '/cap/broken.xml', `${base}/cap/icing.xml`]),
      lastModified: 'Tue, 01 Dec 2026 01:00:00 GMT',
    };
    routes['/cap/update.xml'] = { body: fixture('cold-wave-red-update.xml') };
    routes['/cap/broken.xml'] = { body: fixture('malformed.xml') };
    routes['/cap/icing.xml'] = {
      body: capAlert({ kind: 'road_icing', colour: 'yellow', identifier: 'ICING1', region: '440232' }),
    };
    const feed = feedAt('/feed.atom');
    const first = await feed.poll();
    // The update ends nothing stored yet here (the red was in another test's feed: it did).
    expect(first.documents).toBe(3);
    expect(first.failed).toEqual([
      { url: `${base}/cap/broken.xml`, reason: expect.stringContaining('CAP_INVALID') },
    ]);
    expect(warned.some((w) => w.url === `${base}/cap/broken.xml`)).toBe(true);
    expect(first.stored).toBeGreaterThanOrEqual(2);
    // The feed changed (a new entry) but the documents already read are not fetched again.
    routes['/feed.atom'] = {
      body: atom(['/cap/new.xml', '/cap/update.xml', '/cap/broken.xml', '/cap/icing.xml']),
      lastModified: 'Tue, 01 Dec 2026 02:00:00 GMT',
    };
    routes['/cap/new.xml'] = {
      body: capAlert({ kind: 'blizzard', colour: 'yellow', identifier: 'SNOW1', region: '440282' }),
    };
    requests = [];
    const second = await feed.poll();
    expect(requests.map((r) => r.path)).toEqual(['/feed.atom', '/cap/new.xml']);
    expect(requests[0]?.ifModifiedSince).toBe('Tue, 01 Dec 2026 01:00:00 GMT');
    expect(second).toMatchObject({ documents: 1, stored: 1, failed: [] });
    // A month on, what the feed no longer lists is forgotten; the feed itself is not.
    clock.advance(31 * 24 * 3_600_000);
    routes['/feed.atom'] = { body: atom([]), lastModified: 'Thu, 31 Dec 2026 02:00:00 GMT' };
    await feed.poll();
    expect((await t.db.select().from(weatherFeedState)).map((s) => s.url)).toEqual([`${base}/feed.atom`]);
  });

  it('reads RSS enclosures and links; a timeout bounds a fetch and the next poll retries it', async () => {
    routes['/rss.xml'] = {
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>预警</title>
        <item><title>a</title><enclosure url="/cap/slow.xml" type="application/cap+xml" length="1"/></item>
        <item><title>b</title><link>/cap/ok.xml</link></item>
        <item><title>c</title><link>/cap/missing.xml</link></item>
      </channel></rss>`,
    };
    routes['/cap/slow.xml'] = {
      body: capAlert({ kind: 'low_temperature', colour: 'yellow', identifier: 'SLOW1' }),
      delayMs: 1500,
    };
    routes['/cap/ok.xml'] = { body: capAlert({ kind: 'cold_wave', colour: 'blue', identifier: 'RSS1' }) };
    const feed = feedAt('/rss.xml', 500);
    const first = await feed.poll();
    expect(first.failed.map((f) => [f.url.replace(base, ''), f.reason])).toEqual([
      ['/cap/slow.xml', 'timeout after 500 ms'],
      ['/cap/missing.xml', 'HTTP 404'],
    ]);
    expect(first).toMatchObject({ documents: 1, stored: 1 });
    routes['/cap/slow.xml'].delayMs = 0;
    requests = [];
    const second = await feed.poll();
    // The feed had no validators: read again; the slow one retried, the 404 and the stored not.
    expect(requests.map((r) => r.path)).toEqual(['/rss.xml', '/cap/slow.xml']);
    expect(second).toMatchObject({ documents: 1, stored: 1, failed: [] });
  }, 20_000);

  it('logs a feed that is neither CAP nor Atom/RSS, or not XML, and stores nothing', async () => {
    routes['/html'] = { body: '<html><body>维护中</body></html>' };
    expect((await feedAt('/html').poll()).failed[0]?.reason).toBe('neither a CAP alert nor an Atom/RSS feed');
    routes['/junk'] = { body: 'not xml <<<' };
    expect((await feedAt('/junk').poll()).failed[0]?.reason).toMatch(/not well-formed|neither/);
    routes['/down'] = { status: 503 };
    await expect(feedAt('/down').poll()).rejects.toThrow('HTTP 503');
  });
});

describe('feed helpers', () => {
  it('resolves entry links against the feed and keeps only http(s)', () => {
    const doc = {
      feed: {
        entry: [
          { link: [{ '@href': 'a.xml', '@type': 'application/cap+xml' }] },
          { link: [{ '@href': 'file:///etc/passwd' }] },
          { id: 'urn:uuid:1' },
        ],
      },
    };
    expect(capLinksOf(doc, 'https://example.cn/feeds/x.atom')).toEqual(['https://example.cn/feeds/a.xml']);
    expect(capLinksOf({ html: {} }, 'https://example.cn/')).toBeNull();
  });

  it('is off unless configured; takes only an http(s) URL', () => {
    expect(loadConfig({})).toMatchObject({ WEATHER_FEED_URL: '', WEATHER_FEED_MINUTES: 10 });
    expect(
      loadConfig({ WEATHER_FEED_URL: 'https://example.cn/cap.atom', WEATHER_FEED_MINUTES: '5' }),
    ).toMatchObject({
      WEATHER_FEED_URL: 'https://example.cn/cap.atom',
      WEATHER_FEED_MINUTES: 5,
    });
    expect(() => loadConfig({ WEATHER_FEED_URL: 'file:///etc/passwd' })).toThrow(/WEATHER_FEED_URL/);
    expect(() => loadConfig({ WEATHER_FEED_MINUTES: '0' })).toThrow(/WEATHER_FEED_MINUTES/);
  });

  it('turns minutes into a cron', () => {
    expect(feedCron(10)).toBe('*/10 * * * *');
    expect(feedCron(120)).toBe('0 */2 * * *');
  });
});
