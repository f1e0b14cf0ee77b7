import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyAssignment, event } from '../../db/schema.ts';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
let stationA = '';
let stationB = '';

// The test clock is Tuesday 2026-12-15 20:00 in Beijing: this week runs 12-14 … 12-20.
beforeAll(async () => {
  t = await createTestApp();
  stationA = (await buildOrg(t.db, { kind: 'station', name: '韶关市救助管理站', regionCode: '440200' })).id;
  stationB = (await buildOrg(t.db, { kind: 'station', name: '浈江区救助站', regionCode: '440204' })).id;
  const make = async (name: string, values: Parameters<typeof buildUser>[1]) => {
    users[name] = (await buildUser(t.db, values)).id;
    cookies[name] = await t.sessionFor(users[name]!);
  };
  await make('city', { role: 'bureau_admin', regionCode: '440200', displayName: '黄局长' });
  await make('deputy', { role: 'bureau_admin', regionCode: '440200', displayName: '副局长' });
  await make('zhenjiang', { role: 'bureau_admin', regionCode: '440204' });
  await make('wujiang', { role: 'bureau_admin', regionCode: '440203' });
  await make('dispatcher', { role: 'dispatcher', regionCode: '440200', displayName: '刘调度' });
  await make('stationA', { role: 'station_staff', regionCode: '440200', orgId: stationA });
  await make('stationA2', { role: 'station_staff', regionCode: '440200', orgId: stationA });
  await make('stationB', { role: 'station_staff', regionCode: '440204', orgId: stationB });
  await make('patrol', { role: 'patrol_member', regionCode: '440200' });
});
afterAll(() => t.close());

const call = (who: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who]! } : {},
    ...(payload ? { payload } : {}),
  });

describe('duty roster', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/api/duty/roster')).statusCode).toBe(401);
    expect((await call(null, 'POST', '/api/duty/assignments', {})).statusCode).toBe(401);
  });

  it('shows this week by default, every slot a gap until someone holds it', async () => {
    const res = await call('city', 'GET', '/api/duty/roster');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      regionCode: '440200',
      orgId: null,
      from: '2026-12-14',
      to: '2026-12-20',
      hasLeader: true,
    });
    expect(r.slots.map((s: { code: string }) => s.code)).toEqual(['night', 'day', 'evening']);
    expect(r.gaps).toHaveLength(7 * 4);
    expect(r.canManage).toBe(true);
  });

  it('assigns with an event, closes the gap, refuses a duplicate and removes again', async () => {
    const res = await call('city', 'POST', '/api/duty/assignments', {
      day: '2026-12-16',
      slot: 'leader',
      userId: users.deputy,
      note: '手机 24 小时开机',
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      regionCode: '440200',
      day: '2026-12-16',
      slot: 'leader',
      displayName: '副局长',
    });
    expect((await t.db.select({ n: count() }).from(event).where(eq(event.entityId, a.id)))[0]!.n).toBe(1);
    // The person put on duty is told.
    const told = (await call('deputy', 'GET', '/api/notifications')).json().items;
    expect(told[0]).toMatchObject({
      kind: 'duty.assigned',
      title: '值班安排：2026-12-16 领导带班',
      link: '/duty?from=2026-12-16',
    });

    const again = await call('city', 'POST', '/api/duty/assignments', {
      day: '2026-12-16',
      slot: 'leader',
      userId: users.deputy,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUTY_ALREADY_ASSIGNED');

    const gaps = (await call('dispatcher', 'GET', '/api/duty/gaps?from=2026-12-16&to=2026-12-16')).json();
    expect(gaps.items.map((g: { slot: string }) => g.slot)).toEqual(['night', 'day', 'evening']);
    // A dispatcher reads the roster but does not change it.
    expect((await call('dispatcher', 'GET', '/api/duty/roster')).json().canManage).toBe(false);
    expect((await call('dispatcher', 'DELETE', `/api/duty/assignments/${a.id}`)).statusCode).toBe(403);

    expect((await call('city', 'DELETE', `/api/duty/assignments/${a.id}`)).statusCode).toBe(204);
    expect((await t.db.select().from(dutyAssignment).where(eq(dutyAssignment.id, a.id))).length).toBe(0);
    expect((await call('city', 'DELETE', `/api/duty/assignments/${a.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a machine code and stores nothing', async () => {
    const before = (await t.db.select({ n: count() }).from(dutyAssignment))[0]!.n;
    const cases: [object, string][] = [
      [{ day: '2026-13-01', slot: 'day', userId: users.deputy }, 'VALIDATION_FAILED'],
      [{ day: '2026-12-16', slot: 'day', userId: 'nobody' }, 'VALIDATION_FAILED'],
      [{ day: '2026-12-16', slot: 'day', userId: users.deputy, extra: 1 }, 'VALIDATION_FAILED'],
      [{ day: '2026-12-16', slot: 'lunch', userId: users.deputy }, 'DUTY_SLOT_UNKNOWN'],
      [{ day: '2026-12-10', slot: 'day', userId: users.deputy }, 'DUTY_DAY_PAST'],
      [{ day: '2026-12-16', slot: 'day', userId: users.wujiang }, 'DUTY_PERSON_NOT_ELIGIBLE'],
    ];
    for (const [body, code] of cases) {
      const res = await call('city', 'POST', '/api/duty/assignments', body);
      expect(res.statusCode, code).toBe(code === 'DUTY_DAY_PAST' ? 409 : 400);
      expect(res.json().error.code).toBe(code);
    }
    const long = await call('city', 'GET', '/api/duty/roster?from=2026-01-01&to=2026-12-31');
    expect(long.json().error.code).toBe('DUTY_RANGE_TOO_LONG');
    expect((await t.db.select({ n: count() }).from(dutyAssignment))[0]!.n).toBe(before);
  });

  it('keeps a county to its own roster: a sibling or the city answers 404', async () => {
    await call('zhenjiang', 'POST', '/api/duty/assignments', {
      day: '2026-12-17',
      slot: 'day',
      userId: users.zhenjiang,
    });
    expect((await call('zhenjiang', 'GET', '/api/duty/roster')).json().assignments).toHaveLength(1);
    for (const url of [
      '/api/duty/roster?regionCode=440204',
      '/api/duty/gaps?regionCode=440204',
      '/api/duty/handovers?regionCode=440204',
    ])
      expect((await call('wujiang', 'GET', url)).statusCode, url).toBe(404);
    expect((await call('zhenjiang', 'GET', '/api/duty/roster?regionCode=440200')).statusCode).toBe(404);
    expect((await call('zhenjiang', 'GET', `/api/duty/roster?orgId=${stationA}`)).statusCode).toBe(404);
    const zj = (await call('zhenjiang', 'GET', '/api/duty/roster')).json().assignments[0];
    expect((await call('wujiang', 'DELETE', `/api/duty/assignments/${zj.id}`)).statusCode).toBe(404);
    // The city sees its counties' rosters.
    expect((await call('city', 'GET', '/api/duty/roster?regionCode=440204')).json().assignments).toHaveLength(
      1,
    );
  });

  it("lets a station's staff arrange their own station only, with no leader row", async () => {
    const own = await call('stationA', 'POST', '/api/duty/assignments', {
      orgId: stationA,
      day: '2026-12-18',
      slot: 'night',
      userId: users.stationA2,
    });
    expect(own.statusCode).toBe(201);
    const roster = (await call('stationA', 'GET', `/api/duty/roster?orgId=${stationA}`)).json();
    expect(roster).toMatchObject({
      orgId: stationA,
      orgName: '韶关市救助管理站',
      hasLeader: false,
      canManage: true,
    });
    expect(roster.gaps.some((g: { slot: string }) => g.slot === 'leader')).toBe(false);
    const leader = await call('stationA', 'POST', '/api/duty/assignments', {
      orgId: stationA,
      day: '2026-12-18',
      slot: 'leader',
      userId: users.stationA2,
    });
    expect(leader.json().error.code).toBe('DUTY_SLOT_UNKNOWN');
    // Another station (in scope for the city-level worker? no: 浈江's staff cannot reach the city's).
    const other = await call('stationB', 'POST', '/api/duty/assignments', {
      orgId: stationA,
      day: '2026-12-18',
      slot: 'day',
      userId: users.stationA2,
    });
    expect(other.statusCode).toBe(404);
    const city = await call('stationA', 'POST', '/api/duty/assignments', {
      orgId: stationB,
      day: '2026-12-18',
      slot: 'day',
      userId: users.stationB,
    });
    expect(city.statusCode).toBe(403);
    expect(city.json().error.code).toBe('DUTY_NOT_OWN_STATION');
    const bureau = await call('stationA', 'POST', '/api/duty/assignments', {
      day: '2026-12-18',
      slot: 'day',
      userId: users.stationA2,
    });
    expect(bureau.json().error.code).toBe('DUTY_NOT_OWN_STATION');
    expect((await call('stationA', 'DELETE', `/api/duty/assignments/${own.json().id}`)).statusCode).toBe(204);
    // Only the station's own staff are candidates for its roster.
    const candidates = (await call('stationA', 'GET', `/api/duty/candidates?orgId=${stationA}`)).json().items;
    expect(candidates.map((c: { id: string }) => c.id).sort()).toEqual(
      [users.stationA, users.stationA2].sort(),
    );
  });

  it('writes handover notes for those on duty, acknowledged once by the next shift', async () => {
    // Not on the roster: a dispatcher may not write the bureau's note …
    const refused = await call('dispatcher', 'POST', '/api/duty/handovers', { text: '平稳' });
    expect(refused.json().error.code).toBe('DUTY_NOT_ON_ROSTER');
    // … until rostered for tonight's evening shift.
    await call('city', 'POST', '/api/duty/assignments', {
      day: '2026-12-15',
      slot: 'evening',
      userId: users.dispatcher,
    });
    const res = await call('dispatcher', 'POST', '/api/duty/handovers', {
      text: '东河桥下两人已劝导入站，一人拒绝，已留求助引导卡。',
    });
    expect(res.statusCode).toBe(201);
    const h = res.json();
    expect(h).toMatchObject({
      day: '2026-12-15',
      slot: 'evening',
      writtenByName: '刘调度',
      acknowledgedAt: null,
    });
    expect((await call('city', 'GET', '/api/duty/handovers')).json().items[0].id).toBe(h.id);
    expect((await call('wujiang', 'POST', `/api/duty/handovers/${h.id}/acknowledge`)).statusCode).toBe(404);
    const ack = await call('city', 'POST', `/api/duty/handovers/${h.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ acknowledgedByName: '黄局长' });
    const twice = await call('city', 'POST', `/api/duty/handovers/${h.id}/acknowledge`);
    expect(twice.json().error.code).toBe('DUTY_HANDOVER_ACKNOWLEDGED');
    expect((await call('city', 'POST', '/api/duty/handovers', { text: '' })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
