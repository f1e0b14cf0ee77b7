import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event } from '../../db/schema.ts';
import { buildJurisdictionScenario, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof buildJurisdictionScenario>>;
const cookies: Record<string, string> = {};
const HOUR = 3_600_000;
/** Steps between the actions; shorter than the test sessions' one-hour life. */
const STEP = 10 * 60_000;
let t0: Date;
/** Made through the API, STEP apart, so every filter has something to tell apart. */
let userId: string;
let orgId: string;

type Ev = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityId: string;
};

beforeAll(async () => {
  t = await createTestApp();
  s = await buildJurisdictionScenario(t.db);
  cookies.city = await t.sessionFor(s.cityAdmin.id);
  cookies.zj = await t.sessionFor(s.zhenjiangAdmin.id);
  cookies.wj = await t.sessionFor(s.wujiangAdmin.id);
  const patrol = await buildUser(t.db, { role: 'patrol_member', regionCode: '440204' });
  cookies.patrol = await t.sessionFor(patrol.id);
  const supervisor = await buildUser(t.db, { role: 'supervisor', regionCode: '440200' });
  cookies.supervisor = await t.sessionFor(supervisor.id);

  const send = async (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await t.app.inject({
      method,
      url,
      headers: { cookie: cookies[who]! },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
    expect(res.statusCode, `${method} ${url}`).toBeLessThan(300);
    return res.json();
  };
  t0 = t.clock.now();
  userId = (
    await send('zj', 'POST', '/api/users', {
      username: 'audited',
      displayName: '被审计',
      role: 'patrol_member',
      regionCode: '440204',
      password: 'a-long-enough-password',
      phone: '13812345678',
    })
  ).id;
  t.clock.advance(STEP);
  await send('zj', 'PATCH', `/api/users/${userId}`, { displayName: '被审计（改）' });
  t.clock.advance(STEP);
  orgId = (
    await send('city', 'POST', '/api/orgs', { name: '审计测试机构', kind: 'health', regionCode: '440204' })
  ).id;
  t.clock.advance(STEP);
  await send('city', 'GET', `/api/users/${userId}/phone`);
  t.clock.advance(STEP);
});
afterAll(() => t.close());

async function events(who: string, query = ''): Promise<{ items: Ev[]; total: number }> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/events${query}`,
    headers: { cookie: cookies[who]! },
  });
  expect(res.statusCode, query).toBe(200);
  return res.json();
}
const actions = (r: { items: Ev[] }) => r.items.map((e) => e.action);
const iso = (d: Date) => encodeURIComponent(d.toISOString());
const at = (h: number) => new Date(t0.getTime() + h * STEP);

/** The database error behind a failed statement (drizzle wraps it). */
async function failure(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await t.db.execute(statement);
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'no error';
}

describe('event routes', () => {
  it('requires authentication', async () => {
    for (const url of ['/api/events', '/api/events?action=user.']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('filters by action prefix or full action name', async () => {
    const user = await events('city', '?action=user.');
    expect(actions(user)).toEqual(['user.phone_viewed', 'user.updated', 'user.created']);
    expect(user.total).toBe(3);
    expect(actions(await events('city', '?action=user.created'))).toEqual(['user.created']);
    expect(actions(await events('city', '?action=org.'))).toEqual(['org.created']);
    // `_` and `%` are literal: `user_` is not a one-character wildcard matching `user.`.
    expect(await events('city', '?action=user_')).toEqual({ items: [], total: 0 });
    expect(await events('city', `?action=${encodeURIComponent('%')}`)).toEqual({ items: [], total: 0 });
  });

  it('filters by entity type, entity id and actor', async () => {
    expect(actions(await events('city', '?entityType=org'))).toEqual(['org.created']);
    const ofUser = await events('city', `?entityType=user&entityId=${userId}`);
    expect(actions(ofUser)).toEqual(['user.phone_viewed', 'user.updated', 'user.created']);
    expect(ofUser.items.every((e) => e.entityId === userId)).toBe(true);
    expect((await events('city', `?entityId=${orgId}`)).items.map((e) => e.entityId)).toEqual([orgId]);

    const byCity = await events('city', `?actorId=${s.cityAdmin.id}`);
    expect(actions(byCity)).toEqual(['user.phone_viewed', 'org.created']);
    expect(
      byCity.items.every((e) => e.actorId === s.cityAdmin.id && e.actorName === s.cityAdmin.displayName),
    ).toBe(true);
    expect(actions(await events('city', `?actorId=${s.zhenjiangAdmin.id}`))).toEqual([
      'user.updated',
      'user.created',
    ]);
  });

  it('filters by time, from inclusive and to exclusive', async () => {
    expect(actions(await events('city', `?from=${iso(at(1))}&to=${iso(at(3))}`))).toEqual([
      'org.created',
      'user.updated',
    ]);
    expect(actions(await events('city', `?from=${iso(at(3))}`))).toEqual(['user.phone_viewed']);
    expect(actions(await events('city', `?to=${iso(at(1))}`))).toEqual(['user.created']);
    // An offset is the same instant: two steps after t0 written in China time.
    const china = new Date(at(2).getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00');
    expect(actions(await events('city', `?from=${encodeURIComponent(china)}&to=${iso(at(3))}`))).toEqual([
      'org.created',
    ]);
    expect(await events('city', `?from=${iso(at(4))}`)).toEqual({ items: [], total: 0 });
  });

  it('paginates newest first with a total over all pages', async () => {
    const all = await events('city', '?pageSize=200');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const times = all.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 2); page++) {
      const res = await events('city', `?pageSize=2&page=${page}`);
      expect(res.total).toBe(all.total);
      expect(res.items.length).toBe(Math.min(2, all.total - (page - 1) * 2));
      pages.push(...res.items.map((e) => e.id));
    }
    expect(pages).toEqual(all.items.map((e) => e.id));
    const p2 = await events('city', '?action=user.&pageSize=2&page=2');
    expect(p2).toMatchObject({ total: 3 });
    expect(actions(p2)).toEqual(['user.created']);
  });

  it('shows each user only their jurisdiction', async () => {
    const zj = await events('zj', '?pageSize=200');
    expect(zj.items.map((e) => e.entityId)).toContain(userId);
    expect(await events('wj', `?entityId=${userId}`)).toEqual({ items: [], total: 0 });
    expect((await events('supervisor', `?entityId=${userId}`)).total).toBe(3);
  });

  it('refuses roles without event.read and malformed filters', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/events',
      headers: { cookie: cookies.patrol! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    for (const q of [
      '?actorId=someone',
      '?from=yesterday',
      '?to=2026-12-15',
      '?pageSize=201',
      '?page=0',
      '?kind=x',
    ]) {
      const bad = await t.app.inject({
        method: 'GET',
        url: `/api/events${q}`,
        headers: { cookie: cookies.city! },
      });
      expect(bad.statusCode, q).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('keeps events append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [before] = await t.db.select({ n: count() }).from(event);
    expect(before!.n).toBeGreaterThan(0);
    expect(await failure(sql`UPDATE event SET action = 'x'`)).toMatch(/append-only \(UPDATE refused\)/);
    expect(await failure(sql`DELETE FROM event`)).toMatch(/append-only \(DELETE refused\)/);
    expect(await failure(sql`DELETE FROM event WHERE entity_id = ${userId}`)).toMatch(/append-only/);
    expect(await failure(sql`TRUNCATE event`)).toMatch(/append-only \(TRUNCATE refused\)/);
    const [after] = await t.db.select({ n: count() }).from(event);
    expect(after!.n).toBe(before!.n);
    expect(actions(await events('city', `?entityId=${userId}`))).toEqual([
      'user.phone_viewed',
      'user.updated',
      'user.created',
    ]);
    // Appending still works.
    await t.db.execute(
      sql`INSERT INTO event (id, at, action, entity_type, entity_id, region_code)
          VALUES (${'01900000-0000-7000-8000-0000000000ee'}, now(), 'test.appended', 'test', 'x', '440204')`,
    );
    expect(actions(await events('city', '?action=test.'))).toEqual(['test.appended']);
  });
});
