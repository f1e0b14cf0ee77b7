import { LOCKOUT_THRESHOLD } from '@warmline/domain';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, event, session } from '../../db/schema.ts';
import { buildJurisdictionScenario, buildOrg, buildUser, TEST_PASSWORD } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { verifyPassword } from '../auth/password.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof buildJurisdictionScenario>>;
let supervisorId: string;
const cookies: Record<string, string> = {};
const MISSING_ID = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  s = await buildJurisdictionScenario(t.db);
  supervisorId = (
    await buildUser(t.db, { username: 'city_supervisor', role: 'supervisor', regionCode: '440200' })
  ).id;
  cookies.city = await t.sessionFor(s.cityAdmin.id);
  cookies.zj = await t.sessionFor(s.zhenjiangAdmin.id);
  cookies.wj = await t.sessionFor(s.wujiangAdmin.id);
  cookies.sys = await t.sessionFor(s.systemAdmin.id);
  cookies.supervisor = await t.sessionFor(supervisorId);
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH';
const call = (who: string, method: Method, url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who]! },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
const get = (who: string, url: string) => call(who, 'GET', url);
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function rowCounts() {
  const [users] = await t.db.select({ n: count() }).from(appUser);
  const [events] = await t.db.select({ n: count() }).from(event);
  return { users: users!.n, events: events!.n };
}
const eventsOf = (entityId: string, action?: string) =>
  t.db
    .select()
    .from(event)
    .where(and(eq(event.entityId, entityId), action ? eq(event.action, action) : undefined))
    .orderBy(event.seq);
const userRow = async (id: string) => (await t.db.select().from(appUser).where(eq(appUser.id, id)))[0]!;

function newUser(overrides: Record<string, unknown> = {}) {
  return {
    username: `nu_${Math.random().toString(36).slice(2, 10)}`,
    displayName: '新同事',
    role: 'patrol_member',
    regionCode: '440204',
    password: 'a-long-enough-password',
    ...overrides,
  };
}

describe('user routes', () => {
  it('requires authentication', async () => {
    const id = s.zhenjiangAdmin.id;
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['GET', `/api/users/${id}`],
      ['PATCH', `/api/users/${id}`],
      ['POST', `/api/users/${id}/password`],
      ['POST', `/api/users/${id}/unlock`],
      ['GET', `/api/users/${id}/phone`],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    const withBadCookie = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: 'wl_session=not-a-real-session' },
    });
    expect(withBadCookie.statusCode).toBe(401);
  });

  it('lists with search, role and region filters inside the jurisdiction', async () => {
    const township = await buildUser(t.db, {
      username: 'filter_township',
      displayName: '筛选东河街道',
      role: 'patrol_member',
      regionCode: '440204001',
    });
    const county = await buildUser(t.db, {
      username: 'filter_county',
      displayName: '筛选浈江区',
      role: 'dispatcher',
      regionCode: '440204',
    });
    const sibling = await buildUser(t.db, {
      username: 'filter_sibling',
      displayName: '筛选武江区',
      role: 'patrol_member',
      regionCode: '440203',
    });
    const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((u) => u.id);

    const byName = await get('city', `/api/users?q=${encodeURIComponent('筛选')}`);
    expect(byName.statusCode).toBe(200);
    expect(ids(byName).sort()).toEqual([township.id, county.id, sibling.id].sort());
    expect(byName.json().total).toBe(3);
    // The username matches too, case-insensitively.
    expect(ids(await get('city', '/api/users?q=FILTER_COUNTY'))).toEqual([county.id]);

    const patrols = await get('city', `/api/users?q=${encodeURIComponent('筛选')}&role=patrol_member`);
    expect(ids(patrols).sort()).toEqual([township.id, sibling.id].sort());
    expect(patrols.json().total).toBe(2);

    // A region filter is a subtree: the county and its townships, not the sibling.
    const zj = await get('city', '/api/users?regionCode=440204&pageSize=200');
    expect(ids(zj)).toEqual(expect.arrayContaining([township.id, county.id, s.zhenjiangAdmin.id]));
    expect(ids(zj)).not.toContain(sibling.id);
    expect(zj.json().items.every((u: { regionCode: string }) => u.regionCode.startsWith('440204'))).toBe(
      true,
    );
    expect(zj.json().total).toBe(zj.json().items.length);

    // A filter never widens the jurisdiction: a county asking for its sibling gets nothing.
    const widened = await get('zj', '/api/users?regionCode=440203');
    expect(widened.json()).toEqual({ items: [], total: 0 });
    const township9 = await get('zj', '/api/users?regionCode=440204001');
    expect(ids(township9)).toEqual([township.id]);

    const row = (await get('city', '/api/users?q=filter_township')).json().items[0];
    expect(row).toMatchObject({ regionCode: '440204001', regionName: '东河街道', role: 'patrol_member' });
    expect(row).not.toHaveProperty('passwordHash');
  });

  it('paginates with a total that counts every match', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await buildUser(t.db, { username: `page_${i}`, displayName: `分页用户${i}` })).id);
    }
    const q = `q=${encodeURIComponent('分页用户')}`;
    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await get('zj', `/api/users?${q}&pageSize=2&page=${page}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(5);
      pages.push(res.json().items.map((u: { id: string }) => u.id));
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual([...made].sort());
    const beyond = await get('zj', `/api/users?${q}&pageSize=2&page=4`);
    expect(beyond.json()).toEqual({ items: [], total: 5 });
    for (const bad of ['pageSize=0', 'pageSize=201', 'page=0', 'role=king', 'regionCode=4402']) {
      const res = await get('zj', `/api/users?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('creates a user with a hashed password and a user.created event', async () => {
    const org = await buildOrg(t.db, { name: '浈江区救助站', kind: 'station', regionCode: '440204' });
    const before = await rowCounts();
    const res = await call('zj', 'POST', '/api/users', {
      username: 'new_patrol',
      displayName: '  新队员  ',
      role: 'patrol_member',
      regionCode: '440204001',
      orgId: org.id,
      password: 'a-long-enough-password',
      phone: '13812345678',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      username: 'new_patrol',
      displayName: '新队员',
      role: 'patrol_member',
      regionCode: '440204001',
      regionName: '东河街道',
      orgId: org.id,
      orgName: '浈江区救助站',
      phoneMasked: '138****5678',
      disabled: false,
      locked: false,
      totpEnabled: false,
      lastLoginAt: null,
    });
    expect(body).not.toHaveProperty('password');
    expect(body).not.toHaveProperty('passwordHash');
    expect(body).not.toHaveProperty('phone');

    const row = await userRow(body.id);
    expect(row.passwordHash).not.toContain('a-long-enough-password');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, 'a-long-enough-password')).toBe(true);
    expect(row.createdBy).toBe(s.zhenjiangAdmin.id);

    const events = await eventsOf(body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.created',
      entityType: 'user',
      actorId: s.zhenjiangAdmin.id,
      regionCode: '440204001',
      requestId: res.headers['x-request-id'],
      payload: { role: 'patrol_member' },
    });
    expect(events[0]!.payload).toEqual({ role: 'patrol_member' });
    const raw = JSON.stringify(events[0]);
    expect(raw).not.toContain('a-long-enough-password');
    expect(raw).not.toContain('13812345678');
    expect(await rowCounts()).toEqual({ users: before.users + 1, events: before.events + 1 });

    // The new account signs in with the password it was given.
    expect((await login('new_patrol', 'a-long-enough-password')).statusCode).toBe(200);
  });

  it('refuses a taken username with 409 and writes nothing', async () => {
    const first = await call('zj', 'POST', '/api/users', newUser({ username: 'twice' }));
    expect(first.statusCode).toBe(201);
    const before = await rowCounts();
    const again = await call(
      'zj',
      'POST',
      '/api/users',
      newUser({ username: 'twice', displayName: '另一人' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USERNAME_TAKEN');
    // Usernames are unique across the whole system, not per jurisdiction.
    const elsewhere = await call(
      'wj',
      'POST',
      '/api/users',
      newUser({ username: 'twice', regionCode: '440203' }),
    );
    expect(elsewhere.json().error.code).toBe('USERNAME_TAKEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses invalid input with 400 VALIDATION_FAILED and writes nothing', async () => {
    const before = await rowCounts();
    const cases: [string, Record<string, unknown>][] = [
      ['upper-case username', newUser({ username: 'Bad_Name' })],
      ['username with a space', newUser({ username: 'bad name' })],
      ['too-short username', newUser({ username: 'ab' })],
      ['username starting with a digit', newUser({ username: '1abc' })],
      ['too-short password', newUser({ password: 'short' })],
      ['nine-character password', newUser({ password: '123456789' })],
      ['blank display name', newUser({ displayName: '   ' })],
      ['unknown role', newUser({ role: 'mayor' })],
      ['bad region code', newUser({ regionCode: '4402' })],
      ['bad phone', newUser({ phone: '12345' })],
      ['unknown field', newUser({ isAdmin: true })],
      ['unknown organisation', newUser({ orgId: MISSING_ID })],
      [
        'missing password',
        { username: 'nopass', displayName: '无密码', role: 'patrol_member', regionCode: '440204' },
      ],
    ];
    for (const [label, payload] of cases) {
      const res = await call('zj', 'POST', '/api/users', payload);
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error.code, label).toBe('VALIDATION_FAILED');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('updates display name, role, region and organisation', async () => {
    const target = await buildUser(t.db, {
      username: 'editable',
      role: 'patrol_member',
      regionCode: '440204',
    });
    const org = await buildOrg(t.db, {
      name: '浈江区城管局',
      kind: 'urban_management',
      regionCode: '440204',
    });
    const cookie = await t.sessionFor(target.id);

    const renamed = await call('zj', 'PATCH', `/api/users/${target.id}`, { displayName: '改过名' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: '改过名', role: 'patrol_member' });
    // A new name alone leaves the user signed in.
    expect((await me(cookie)).statusCode).toBe(200);

    const moved = await call('zj', 'PATCH', `/api/users/${target.id}`, {
      role: 'dispatcher',
      regionCode: '440204001',
      orgId: org.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      role: 'dispatcher',
      regionCode: '440204001',
      regionName: '东河街道',
      orgId: org.id,
      orgName: '浈江区城管局',
    });
    const row = await userRow(target.id);
    expect(row).toMatchObject({
      role: 'dispatcher',
      regionCode: '440204001',
      orgId: org.id,
      displayName: '改过名',
    });
    // A changed role or place ends the user's sessions: their old permissions must not linger.
    expect((await me(cookie)).statusCode).toBe(401);
    for (const change of [{ role: 'station_staff' }, { regionCode: '440204' }]) {
      const fresh = await t.sessionFor(target.id);
      expect((await call('zj', 'PATCH', `/api/users/${target.id}`, change)).statusCode).toBe(200);
      expect((await me(fresh)).statusCode, JSON.stringify(change)).toBe(401);
    }

    const updates = await eventsOf(target.id, 'user.updated');
    expect(updates).toHaveLength(4);
    expect(updates[0]!.payload).toEqual({ fields: ['displayName'] });
    expect((updates[1]!.payload as { fields: string[] }).fields.sort()).toEqual([
      'orgId',
      'regionCode',
      'role',
    ]);
    expect(updates[1]).toMatchObject({ actorId: s.zhenjiangAdmin.id, regionCode: '440204001' });
    // The event is filed under the region the user now belongs to.
    expect(updates[3]).toMatchObject({ payload: { fields: ['regionCode'] }, regionCode: '440204' });

    const cleared = await call('zj', 'PATCH', `/api/users/${target.id}`, { orgId: null });
    expect(cleared.json()).toMatchObject({ orgId: null, orgName: null });
  });

  it('disabling a user ends their sessions and refuses their sign-in', async () => {
    const target = await buildUser(t.db, {
      username: 'to_disable',
      role: 'patrol_member',
      regionCode: '440204',
    });
    const cookie = await t.login('to_disable');
    expect((await me(cookie)).statusCode).toBe(200);
    const res = await call('zj', 'PATCH', `/api/users/${target.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await me(cookie)).statusCode).toBe(401);
    const [left] = await t.db.select({ n: count() }).from(session).where(eq(session.userId, target.id));
    expect(left!.n).toBe(0);
    expect((await login('to_disable', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_DISABLED');
    expect(await eventsOf(target.id, 'user.disabled')).toHaveLength(1);

    const enabled = await call('zj', 'PATCH', `/api/users/${target.id}`, { disabled: false });
    expect(enabled.json().disabled).toBe(false);
    expect((await login('to_disable', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a city bureau admin cannot reach a system admin; a national bureau admin may not edit one', async () => {
    // System admins live at 000000, outside any city's subtree: for the city admin the
    // account does not exist (404, like a missing record), so nothing about it leaks.
    for (const [method, url, payload] of [
      ['GET', `/api/users/${s.systemAdmin.id}`, undefined],
      ['PATCH', `/api/users/${s.systemAdmin.id}`, { disabled: true }],
      ['POST', `/api/users/${s.systemAdmin.id}/password`, { password: 'taken-over-password' }],
      ['POST', `/api/users/${s.systemAdmin.id}/unlock`, undefined],
    ] as const) {
      const res = await call('city', method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    // A bureau admin at national level sees the account but may not edit a rank above theirs.
    const national = await buildUser(t.db, {
      username: 'national_admin',
      role: 'bureau_admin',
      regionCode: '000000',
    });
    cookies.national = await t.sessionFor(national.id);
    expect((await get('national', `/api/users/${s.systemAdmin.id}`)).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['PATCH', `/api/users/${s.systemAdmin.id}`, { displayName: '被降级' }],
      ['POST', `/api/users/${s.systemAdmin.id}/password`, { password: 'taken-over-password' }],
    ] as const) {
      const res = await call('national', method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('ROLE_NOT_ASSIGNABLE');
    }
    const row = await userRow(s.systemAdmin.id);
    expect(row.displayName).toBe(s.systemAdmin.displayName);
    expect(row.passwordHash).toBe(s.systemAdmin.passwordHash);
    expect(row.disabled).toBe(false);
    // The system admin can edit the bureau admin.
    expect(
      (await call('sys', 'PATCH', `/api/users/${national.id}`, { displayName: '全国管理员' })).statusCode,
    ).toBe(200);
  });

  it('nobody can disable or re-role themselves', async () => {
    const before = await rowCounts();
    for (const payload of [{ disabled: true }, { role: 'patrol_member' }]) {
      const res = await call('zj', 'PATCH', `/api/users/${s.zhenjiangAdmin.id}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await rowCounts()).toEqual(before);
    expect((await userRow(s.zhenjiangAdmin.id)).disabled).toBe(false);
    expect((await me(cookies.zj!)).statusCode).toBe(200);
    // Renaming yourself is fine.
    expect(
      (await call('zj', 'PATCH', `/api/users/${s.zhenjiangAdmin.id}`, { displayName: '浈江管理员' }))
        .statusCode,
    ).toBe(200);
  });

  it('resets a password: the old one stops working, the new one works, sessions end', async () => {
    const target = await buildUser(t.db, {
      username: 'forgetful',
      role: 'station_staff',
      regionCode: '440204',
    });
    const cookie = await t.login('forgetful');
    const tooShort = await call('zj', 'POST', `/api/users/${target.id}/password`, { password: 'short' });
    expect(tooShort.json().error.code).toBe('VALIDATION_FAILED');
    expect((await userRow(target.id)).passwordHash).toBe(target.passwordHash);

    const res = await call('zj', 'POST', `/api/users/${target.id}/password`, {
      password: 'brand-new-password',
    });
    expect(res.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    const old = await login('forgetful', TEST_PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await login('forgetful', 'brand-new-password')).statusCode).toBe(200);
    const [reset] = await eventsOf(target.id, 'user.password_reset');
    expect(reset).toMatchObject({ actorId: s.zhenjiangAdmin.id, entityType: 'user', regionCode: '440204' });
    expect(reset!.payload).toEqual({});
    expect(JSON.stringify(reset)).not.toContain('brand-new-password');

    const sibling = await call('zj', 'POST', `/api/users/${s.wujiangAdmin.id}/password`, {
      password: 'brand-new-password',
    });
    expect(sibling.statusCode).toBe(404);
  });

  it('unlocks an account locked by repeated wrong passwords', async () => {
    const target = await buildUser(t.db, {
      username: 'locked_out',
      role: 'patrol_member',
      regionCode: '440204',
    });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await login('locked_out', 'wrong-password');
    expect((await login('locked_out', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await get('zj', `/api/users/${target.id}`)).json().locked).toBe(true);

    const sup = await call('supervisor', 'POST', `/api/users/${target.id}/unlock`);
    expect(sup.statusCode).toBe(403);
    const res = await call('zj', 'POST', `/api/users/${target.id}/unlock`);
    expect(res.statusCode).toBe(204);
    const row = await userRow(target.id);
    expect(row.lockedUntil).toBeNull();
    expect(row.failedLogins).toBe(0);
    expect((await get('zj', `/api/users/${target.id}`)).json().locked).toBe(false);
    expect(await eventsOf(target.id, 'user.unlocked')).toHaveLength(1);
    expect((await login('locked_out', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('removes a lost second factor: password alone signs in again, sessions end', async () => {
    const target = await buildUser(t.db, {
      username: 'lost_phone',
      role: 'station_staff',
      regionCode: '440204',
      totpSecret: 'JBSWY3DPEHPK3PXP',
    });
    expect((await login('lost_phone', TEST_PASSWORD)).json().error.code).toBe('TOTP_REQUIRED');
    const theirSession = await t.sessionFor(target.id);
    expect((await call('wj', 'POST', `/api/users/${target.id}/totp/reset`)).statusCode).toBe(404);
    expect((await call('supervisor', 'POST', `/api/users/${target.id}/totp/reset`)).statusCode).toBe(403);

    const res = await call('zj', 'POST', `/api/users/${target.id}/totp/reset`);
    expect(res.statusCode).toBe(204);
    expect((await userRow(target.id)).totpSecret).toBeNull();
    expect((await me(theirSession)).statusCode).toBe(401);
    expect(await eventsOf(target.id, 'user.totp_reset')).toHaveLength(1);
    expect((await login('lost_phone', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('shows phones masked and reveals one in full only with an audit event', async () => {
    const target = await buildUser(t.db, {
      username: 'has_phone',
      displayName: '有电话',
      regionCode: '440204',
      role: 'patrol_member',
      phone: '13812345678',
    });
    const landline = await buildUser(t.db, {
      username: 'has_landline',
      regionCode: '440204',
      phone: '0751-8881234',
    });
    const listed = (await get('zj', '/api/users?q=has_phone')).json().items[0];
    expect(listed.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(listed)).not.toContain('13812345678');
    expect((await get('zj', `/api/users/${target.id}`)).json().phoneMasked).toBe('138****5678');
    const landlineMasked = (await get('zj', `/api/users/${landline.id}`)).json().phoneMasked;
    expect(landlineMasked).toMatch(/^0751\*+34$/);
    expect(landlineMasked).not.toContain('888123');

    for (const expected of [1, 2]) {
      const res = await get('zj', `/api/users/${target.id}/phone`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ phone: '13812345678' });
      const viewed = await eventsOf(target.id, 'user.phone_viewed');
      expect(viewed).toHaveLength(expected);
      expect(viewed.at(-1)).toMatchObject({
        actorId: s.zhenjiangAdmin.id,
        entityType: 'user',
        regionCode: '440204',
        requestId: res.headers['x-request-id'],
      });
      expect(JSON.stringify(viewed.at(-1))).not.toContain('13812345678');
    }
    // The city admin's reveal is recorded under the city admin.
    await get('city', `/api/users/${target.id}/phone`);
    expect((await eventsOf(target.id, 'user.phone_viewed')).map((e) => e.actorId)).toEqual([
      s.zhenjiangAdmin.id,
      s.zhenjiangAdmin.id,
      s.cityAdmin.id,
    ]);
    // Reading (user.read) is not enough to reveal; a sibling county gets 404; neither is logged.
    expect((await get('supervisor', `/api/users/${target.id}/phone`)).json().error.code).toBe('FORBIDDEN');
    expect((await get('wj', `/api/users/${target.id}/phone`)).statusCode).toBe(404);
    expect(await eventsOf(target.id, 'user.phone_viewed')).toHaveLength(3);
    expect((await get('zj', `/api/users/${MISSING_ID}/phone`)).statusCode).toBe(404);
  });

  it('a supervisor (user.read only) can list and read but not change users', async () => {
    const list = await get('supervisor', '/api/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    expect((await get('supervisor', `/api/users/${s.zhenjiangAdmin.id}`)).statusCode).toBe(200);
    const before = await rowCounts();
    for (const [method, url, payload] of [
      ['POST', '/api/users', newUser({ username: 'by_supervisor' })],
      ['PATCH', `/api/users/${s.zhenjiangAdmin.id}`, { displayName: '督导改名' }],
      ['POST', `/api/users/${s.zhenjiangAdmin.id}/password`, { password: 'supervisor-set-pw' }],
    ] as const) {
      const res = await call('supervisor', method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await rowCounts()).toEqual(before);
    const patrol = await buildUser(t.db, {
      username: 'plain_patrol',
      role: 'patrol_member',
      regionCode: '440204',
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: await t.sessionFor(patrol.id) },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('regression: concurrent usernames', () => {
  it('answers 409 USERNAME_TAKEN when another transaction commits the same username first', async () => {
    const other = await t.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO app_user (id, username, display_name, password_hash, role, region_code)
         VALUES ('01900000-0000-7000-8000-0000000000aa', 'racer', '并发', 'x', 'patrol_member', '440204')`,
      );
      const pending = call('zj', 'POST', '/api/users', newUser({ username: 'racer' }));
      // Wait until the route's INSERT is blocked on the unique index behind our transaction.
      for (let i = 0; i < 100; i++) {
        const { rows } = await t.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        if (rows.length) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await other.query('COMMIT');
      const res = await pending;
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('USERNAME_TAKEN');
    } finally {
      other.release();
    }
  });
});

describe('regression: unlock ignores rank', () => {
  it('a bureau admin may not unlock a system admin (as for edit and password reset)', async () => {
    const national = await buildUser(t.db, {
      username: 'national_2',
      role: 'bureau_admin',
      regionCode: '000000',
    });
    cookies.national2 = await t.sessionFor(national.id);
    const res = await call('national2', 'POST', `/api/users/${s.systemAdmin.id}/unlock`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ROLE_NOT_ASSIGNABLE');
  });
});
