import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { org } from '../db/schema.ts';
import { buildJurisdictionScenario, buildUser } from '../testing/builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** The security boundary: a county sees its own subtree only; its city sees both counties. */
let t: TestApp;
let s: Awaited<ReturnType<typeof buildJurisdictionScenario>>;
let wujiangUserId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  s = await buildJurisdictionScenario(t.db);
  wujiangUserId = (
    await buildUser(t.db, { username: 'wj_patrol', role: 'patrol_member', regionCode: '440203' })
  ).id;
  for (const u of ['city_admin', 'zj_admin', 'wj_admin']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });

describe('jurisdiction', () => {
  it('requires authentication', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/orgs/${s.wujiangOrg.id}` })).statusCode).toBe(401);
  });

  it('a county user cannot list a sibling county’s records', async () => {
    const orgs = (await get('zj_admin', '/api/orgs')).json().items.map((o: { id: string }) => o.id);
    expect(orgs).toContain(s.zhenjiangOrg.id);
    expect(orgs).not.toContain(s.wujiangOrg.id);
    const users = (await get('zj_admin', '/api/users?pageSize=200'))
      .json()
      .items.map((u: { id: string }) => u.id);
    expect(users).not.toContain(wujiangUserId);
    expect(users).not.toContain(s.cityAdmin.id);
    const events = (await get('zj_admin', '/api/events?pageSize=200')).json().items;
    expect(events.every((e: { regionCode: string }) => e.regionCode.startsWith('440204'))).toBe(true);
  });

  it('a county user reading a sibling county’s record gets 404, like a missing one', async () => {
    for (const url of [
      `/api/orgs/${s.wujiangOrg.id}`,
      `/api/users/${wujiangUserId}`,
      '/api/regions/440203',
      '/api/regions/440203/children',
    ]) {
      const res = await get('zj_admin', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const missing = await get('zj_admin', '/api/orgs/01900000-0000-7000-8000-000000000000');
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', message: '记录不存在' });
  });

  it('a county user cannot update a sibling county’s record, and nothing changes', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${s.wujiangOrg.id}`,
      headers: { cookie: cookies.zj_admin! },
      payload: { name: '被改名的机构' },
    });
    expect(res.statusCode).toBe(404);
    const [row] = await t.db.select().from(org).where(eq(org.id, s.wujiangOrg.id));
    expect(row!.name).toBe('武江区民政局');
    const user = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${wujiangUserId}`,
      headers: { cookie: cookies.zj_admin! },
      payload: { disabled: true },
    });
    expect(user.statusCode).toBe(404);
  });

  it('a county user cannot move a record or create one outside their county', async () => {
    const move = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${s.zhenjiangOrg.id}`,
      headers: { cookie: cookies.zj_admin! },
      payload: { regionCode: '440203' },
    });
    expect(move.json().error.code).toBe('REGION_OUT_OF_SCOPE');
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.zj_admin! },
      payload: {
        username: 'sneaky',
        displayName: '越权',
        role: 'patrol_member',
        regionCode: '440203',
        password: 'long-enough-pw',
      },
    });
    expect(create.json().error.code).toBe('REGION_OUT_OF_SCOPE');
  });

  it('the city user sees and edits both counties', async () => {
    const orgs = (await get('city_admin', '/api/orgs')).json().items.map((o: { id: string }) => o.id);
    expect(orgs).toEqual(expect.arrayContaining([s.zhenjiangOrg.id, s.wujiangOrg.id]));
    expect((await get('city_admin', `/api/users/${wujiangUserId}`)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${s.wujiangOrg.id}`,
      headers: { cookie: cookies.city_admin! },
      payload: { bedCount: null, name: '武江区民政局（新址）' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('武江区民政局（新址）');
  });

  it('nobody grants a role above their own', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.city_admin! },
      payload: {
        username: 'climber',
        displayName: '提权',
        role: 'system_admin',
        regionCode: '440200',
        password: 'long-enough-pw',
      },
    });
    expect(res.json().error.code).toBe('ROLE_NOT_ASSIGNABLE');
  });
});
