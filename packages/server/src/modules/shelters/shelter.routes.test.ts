import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, shelter } from '../../db/schema.ts';
import { buildOrg } from '../../testing/builders.ts';
import { buildShelter, signedInCast } from '../../testing/shelter-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const { cookies, ids: users, add: make } = signedInCast(() => t);
let stationId = '';

beforeAll(async () => {
  t = await createTestApp();
  await make('admin', 'bureau_admin');
  await make('wujiangAdmin', 'bureau_admin', '440203');
  await make('dispatcher', 'dispatcher');
  await make('supervisor', 'supervisor');
  await make('patrol', 'patrol_member');
  await make('keeper', 'shelter_keeper', '440204');
  await make('wujiangKeeper', 'shelter_keeper', '440203');
  stationId = (await buildOrg(t.db, { kind: 'station', name: '韶关市救助管理站', regionCode: '440204' })).id;
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT';
const call = (who: string | null, method: Method, url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who]! } : {},
    ...(payload ? { payload } : {}),
  });

const body = (over: object = {}) => ({
  name: `风度街道社区服务中心避寒点${randomUUID().slice(0, 4)}`,
  kind: 'cold_shelter',
  hostKind: 'community_centre',
  hostName: '风度街道社区服务中心',
  regionCode: '440204',
  address: '浈江区风度中路 12 号',
  lat: 24.8102,
  lng: 113.5999,
  hours: { allDay: false, opens: '18:00', closes: '08:00' },
  capacityDay: 30,
  capacityNight: 20,
  services: ['warm_room', 'hot_food', 'quilts'],
  publicPhone: '0751-8881234',
  contactName: '周社工',
  contactPhone: '13802880001',
  ...over,
});
const eventsOf = async (id: string) =>
  (await t.db.select().from(event).where(eq(event.entityId, id)).orderBy(event.seq)).map((e) => e.action);

describe('the shelter directory', () => {
  it('requires authentication', async () => {
    for (const [method, url] of [
      ['GET', '/api/shelters'],
      ['POST', '/api/shelters'],
      ['GET', '/api/shelters/mine'],
      ['GET', '/api/shelters/export.xlsx'],
    ] as const) {
      const res = await call(null, method, url, method === 'POST' ? body() : undefined);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('registers a place on standby with its keepers and an event, and refuses the same name', async () => {
    const input = body({ keeperIds: [users.keeper] });
    const res = await call('admin', 'POST', '/api/shelters', input);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: input.name,
      status: 'standby',
      availability: null,
      occupancy: 0,
      // Test clock: 20:00 in Beijing, so the night capacity is in force.
      capacityNow: 20,
      maxOccupancy: 45,
      keepers: [{ id: users.keeper }],
      regionName: '浈江区',
    });
    expect(await eventsOf(created.id)).toEqual(['shelter.created']);
    const again = await call('admin', 'POST', '/api/shelters', input);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SHELTER_NAME_TAKEN');
    // Two registrations racing past the check: the unique index names the same conflict.
    const same = body();
    const raced = await Promise.all([1, 2, 3].map(() => call('admin', 'POST', '/api/shelters', same)));
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of raced.filter((x) => x.statusCode === 409))
      expect(r.json().error.code).toBe('SHELTER_NAME_TAKEN');
  });

  it('refuses bad input with codes and stores nothing', async () => {
    const before = (await t.db.select({ n: count() }).from(shelter))[0]!.n;
    const cases: [object, string][] = [
      [{ kind: 'tent' }, 'VALIDATION_FAILED'],
      [{ hours: { allDay: false, opens: '18:00', closes: '18:00' } }, 'VALIDATION_FAILED'],
      [{ hours: { allDay: false, opens: '25:00', closes: '08:00' } }, 'VALIDATION_FAILED'],
      [{ capacityNight: -1 }, 'VALIDATION_FAILED'],
      [{ publicPhone: '12345' }, 'VALIDATION_FAILED'],
      [{ address: '' }, 'VALIDATION_FAILED'],
      [{ surprise: true }, 'VALIDATION_FAILED'],
      [{ regionCode: '440100' }, 'REGION_OUT_OF_SCOPE'],
      // Keepers must hold a keeping role in the jurisdiction; the host org must be a station.
      [{ keeperIds: [users.patrol] }, 'VALIDATION_FAILED'],
      [{ orgId: randomUUID() }, 'VALIDATION_FAILED'],
    ];
    for (const [over, code] of cases) {
      const res = await call('admin', 'POST', '/api/shelters', body(over));
      expect(res.statusCode, JSON.stringify(over)).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code, JSON.stringify(over)).toBe(code);
    }
    const wj = await call('wujiangAdmin', 'POST', '/api/shelters', body({ keeperIds: [users.keeper] }));
    expect(wj.json().error.code).toBe('REGION_OUT_OF_SCOPE');
    expect((await t.db.select({ n: count() }).from(shelter))[0]!.n).toBe(before);
  });

  it('only managers register; dispatchers, supervisors and patrols read', async () => {
    for (const who of ['dispatcher', 'supervisor', 'patrol', 'keeper']) {
      expect((await call(who, 'POST', '/api/shelters', body())).statusCode, who).toBe(403);
    }
    for (const who of ['dispatcher', 'supervisor', 'patrol'])
      expect((await call(who, 'GET', '/api/shelters')).statusCode, who).toBe(200);
    expect((await call('keeper', 'GET', '/api/shelters')).statusCode).toBe(403);
  });

  it('answers 404 outside the jurisdiction, exactly like a missing place', async () => {
    const zj = await buildShelter(t.db, { regionCode: '440204', status: 'standby' });
    for (const [method, url, payload] of [
      ['GET', `/api/shelters/${zj.id}`, undefined],
      ['PUT', `/api/shelters/${zj.id}`, body({ regionCode: '440203' })],
      ['POST', `/api/shelters/${zj.id}/activate`, { hours: { allDay: true } }],
      ['POST', `/api/shelters/${zj.id}/close`, undefined],
    ] as const) {
      const res = await call('wujiangAdmin', method, url, payload);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await call('admin', 'GET', `/api/shelters/${randomUUID()}`)).statusCode).toBe(404);
    const list = (await call('wujiangAdmin', 'GET', '/api/shelters')).json().items;
    expect(list.some((s: { id: string }) => s.id === zj.id)).toBe(false);
  });

  it('edits a place, its keepers and its host station; a station’s staff then keep it', async () => {
    const s = await buildShelter(t.db, { status: 'standby' });
    const res = await call(
      'admin',
      'PUT',
      `/api/shelters/${s.id}`,
      body({ hostKind: 'station', orgId: stationId, name: s.name }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orgId: stationId, orgName: '韶关市救助管理站', keepers: [] });
    expect(await eventsOf(s.id)).toEqual(['shelter.updated']);
  });
});

describe('一键启用 and the other status acts', () => {
  it('activates a standby place with its hours in one act, then closes it and stands it down', async () => {
    const s = await buildShelter(t.db, {
      status: 'standby',
      hours: { allDay: false, opens: '19:00', closes: '07:00' },
    });
    const open = await call('dispatcher', 'POST', `/api/shelters/${s.id}/activate`, {
      hours: { allDay: true },
    });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({
      status: 'open',
      hours: { allDay: true },
      availability: 'available',
      occupancy: 0,
    });
    const twice = await call('dispatcher', 'POST', `/api/shelters/${s.id}/activate`, {
      hours: { allDay: true },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('SHELTER_INVALID_TRANSITION');

    expect((await call('dispatcher', 'POST', `/api/shelters/${s.id}/close`)).json().status).toBe('closed');
    expect((await call('dispatcher', 'POST', `/api/shelters/${s.id}/close`)).json().error.code).toBe(
      'SHELTER_INVALID_TRANSITION',
    );
    expect((await call('dispatcher', 'POST', `/api/shelters/${s.id}/stand-down`)).json().status).toBe(
      'standby',
    );
    expect(await eventsOf(s.id)).toEqual(['shelter.activated', 'shelter.closed', 'shelter.stood_down']);
    const [activated] = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, s.id), eq(event.action, 'shelter.activated')));
    expect(activated!.payload).toEqual({
      from: 'standby',
      to: 'open',
      shelterKind: 'cold_shelter',
      hours: { allDay: true },
    });
  });

  it('a keeper opens and closes the place they keep, and no other', async () => {
    const theirs = await buildShelter(t.db, { status: 'standby', keeperIds: [users.keeper!] });
    const opened = await call('keeper', 'POST', `/api/shelters/${theirs.id}/activate`, {
      hours: { allDay: false, opens: '18:00', closes: '08:00' },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().status).toBe('open');
    expect((await call('keeper', 'POST', `/api/shelters/${theirs.id}/close`)).json().status).toBe('closed');
    const other = await buildShelter(t.db, { status: 'standby' });
    const refused = await call('keeper', 'POST', `/api/shelters/${other.id}/activate`, {
      hours: { allDay: true },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('NOT_SHELTER_KEEPER');
    expect((await t.db.select().from(shelter).where(eq(shelter.id, other.id)))[0]!.status).toBe('standby');
  });

  it('activation needs hours; supervisors, patrols and keepers of other places may not change a status', async () => {
    const s = await buildShelter(t.db, { status: 'standby' });
    const noHours = await call('dispatcher', 'POST', `/api/shelters/${s.id}/activate`, {});
    expect(noHours.json().error.code).toBe('VALIDATION_FAILED');
    for (const who of ['supervisor', 'keeper', 'patrol'])
      expect(
        (await call(who, 'POST', `/api/shelters/${s.id}/activate`, { hours: { allDay: true } })).statusCode,
      ).toBe(403);
    expect((await t.db.select().from(shelter).where(eq(shelter.id, s.id)))[0]!.status).toBe('standby');
  });

  it('a keeper sees the places they keep; others answer an empty list', async () => {
    const mine = await buildShelter(t.db, { keeperIds: [users.keeper!] });
    const items = (await call('keeper', 'GET', '/api/shelters/mine')).json().items;
    expect(items.map((s: { id: string }) => s.id)).toContain(mine.id);
    expect((await call('wujiangKeeper', 'GET', '/api/shelters/mine')).json().items).toEqual([]);
    // A manager counts at any open place of the jurisdiction that counts people.
    const help = await buildShelter(t.db, { kind: 'help_point', capacityDay: 0, capacityNight: 0 });
    const standby = await buildShelter(t.db, { status: 'standby' });
    const managed = (await call('admin', 'GET', '/api/shelters/mine'))
      .json()
      .items.map((s: { id: string }) => s.id);
    expect(managed).toContain(mine.id);
    expect(managed).not.toContain(help.id);
    expect(managed).not.toContain(standby.id);
  });
});
