import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createDb, createPool } from '../db/pool.ts';
import { buildSentinel, buildUser } from '../testing/builders.ts';
import { buildTeam } from '../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { fixedClock } from './clock.ts';
import { uuidV7Ids } from './ids.ts';
import { noTimersScheduler } from './jobs.ts';
import { createChangeFeed } from './notify.ts';

let t: TestApp;
/** The same app on a PostgreSQL that is not there (nothing listens on port 1). */
let down: Awaited<ReturnType<typeof buildApp>>;
let downPool: ReturnType<typeof createPool>;

beforeAll(async () => {
  t = await createTestApp();
  downPool = createPool('postgres://postgres@127.0.0.1:1/x', 2);
  down = await buildApp({
    db: createDb(downPool),
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    clock: fixedClock(new Date('2026-12-15T20:00:00+08:00')),
    ids: uuidV7Ids,
    changeFeed: createChangeFeed(downPool),
    scheduler: noTimersScheduler,
    demo: false,
    webDist: null,
  });
  await down.ready();
});
afterAll(async () => {
  await down?.close();
  await downPool?.end();
  await t.close();
});

describe('health, API description and configuration', () => {
  it('requires authentication for everything but health, config and the API description', async () => {
    for (const url of ['/api/health', '/api/config', '/api/openapi.json']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('answers health with the database reachable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,64}$/);
  });

  it('reports a missing database as degraded with 503', async () => {
    const res = await down.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'degraded', database: 'down' });
  });

  it('answers an anonymous request 401 without asking the missing database', async () => {
    for (const url of ['/api/users', '/api/auth/me', '/api/regions', '/api/events']) {
      const res = await down.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    // The public configuration does not need the database either.
    const config = await down.inject({ method: 'GET', url: '/api/config' });
    expect(config.statusCode).toBe(200);
    expect(config.json()).toEqual({ mapTileUrl: '', mapAttribution: '', demo: false });
  });

  it('serves an OpenAPI 3 description that lists the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Warmline API', version: expect.any(String) });
    expect(doc.paths['/api/auth/login']).toHaveProperty('post');
    // The prefixed collection routes are documented with a trailing slash ('/api/users/').
    const users = doc.paths['/api/users'] ?? doc.paths['/api/users/'];
    expect(users).toHaveProperty('get');
    expect(users).toHaveProperty('post');
    expect(doc.paths['/api/users/{id}/phone']).toHaveProperty('get');
    expect(doc.components.securitySchemes.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'wl_session',
    });
    // The login body is described from its zod schema.
    const login = doc.paths['/api/auth/login'].post;
    const body = login.requestBody.content['application/json'].schema;
    expect(body.properties).toHaveProperty('username');
    expect(body.properties).toHaveProperty('password');
    // Hidden routes stay out.
    expect(doc.paths).not.toHaveProperty('/api/openapi.json');
    // Every path in the description is a route the app really has, and (with a session, or a
    // sentinel's token on sentinel routes) each parameterless GET it documents answers there.
    const urls = t.app.routeTable.map((r) => r.url.replace(/:(\w+)/g, '{$1}'));
    const admin = await buildUser(t.db, { role: 'bureau_admin' });
    // On a team, so the patrol phone's own routes (my team, my assignments) answer too.
    await buildTeam(t.db, { members: [{ userId: admin.id }] });
    const cookie = await t.sessionFor(admin.id);
    const authorization = `Sentinel ${(await buildSentinel(t.db)).token}`;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      expect(urls, path).toContain(path.length > 1 ? path.replace(/\/$/, '') : path);
      if (!('get' in ops) || path.includes('{') || path.startsWith('/api/live')) continue;
      const answer = await t.app.inject({ method: 'GET', url: path, headers: { cookie, authorization } });
      expect(answer.statusCode, path).toBe(200);
    }
  });

  it('serves the API docs page as HTML, without signing in', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      res = await t.app.inject({
        method: 'GET',
        url: new URL(res.headers.location!, 'http://x/api/docs').pathname,
      });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
  });

  it('is reachable for a signed-in user too (health ignores the session)', async () => {
    const u = await buildUser(t.db, { role: 'patrol_member' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { cookie: await t.sessionFor(u.id) },
    });
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('refuses a bad configuration listing every problem', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', WARMLINE_DEMO: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^invalid configuration/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/WARMLINE_DEMO/);
    expect(message.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(2);

    const ok = loadConfig({ PORT: '8080', WARMLINE_DEMO: 'on' });
    expect(ok).toMatchObject({ PORT: 8080, WARMLINE_DEMO: 'on', HOST: '0.0.0.0', SESSION_HOURS: 12 });
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});

describe('regression: database down with a session cookie', () => {
  it('answers 503 DATABASE_DOWN, never 500, when a cookie must be checked', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/users', undefined],
      ['GET', '/api/auth/me', undefined],
      ['POST', '/api/auth/login', { username: 'someone', password: 'something-long' }],
    ] as const) {
      const res = await down.inject({
        method,
        url,
        headers: { cookie: 'wl_session=some-token' },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(503);
      expect(res.json().error.code).toBe('DATABASE_DOWN');
    }
  });
});
