import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, hotspot, hotspotCheckin } from '../../db/schema.ts';
import { buildUser } from '../../testing/builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const make = async (
    name: string,
    role: 'dispatcher' | 'patrol_member' | 'supervisor',
    regionCode = '440200',
  ) => {
    users[name] = (await buildUser(t.db, { role, regionCode })).id;
    cookies[name] = await t.sessionFor(users[name]!);
  };
  await make('dispatcher', 'dispatcher');
  await make('patrol', 'patrol_member');
  await make('supervisor', 'supervisor');
  await make('guangzhou', 'patrol_member', '440100');
  await buildTeam(t.db, {
    name: '打卡测试队',
    members: [{ userId: users.patrol!, displayName: '巡查员甲' }],
  });
});
afterAll(() => t.close());

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who]! } : {},
    ...(payload ? { payload } : {}),
  });

// 韶关站 square, and a point ~1.1 km north of it.
const spot = { lat: 24.7937, lng: 113.5976 };
const body = (over: object = {}) => ({
  name: `韶关站东广场${randomUUID().slice(0, 4)}`,
  kind: 'station_square',
  risk: 'high',
  regionCode: '440204',
  address: '浈江区韶关火车站东广场',
  ...spot,
  usualCount: 3,
  notes: '夜间常有三四人在售票厅外过夜',
  ...over,
});

describe('hotspots', () => {
  it('registers a hotspot (with an event), lists it as never visited, and refuses a duplicate name', async () => {
    const input = body();
    const res = await call('dispatcher', 'POST', '/api/hotspots', input);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: input.name,
      kind: 'station_square',
      regionName: expect.any(String),
    });
    expect(created.coverage).toEqual({ state: 'never', hoursSince: null, dueAt: null, intervalHours: 12 });
    const events = await t.db.select({ n: count() }).from(event).where(eq(event.entityId, created.id));
    expect(events[0]!.n).toBe(1);

    const again = await call('dispatcher', 'POST', '/api/hotspots', input);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('HOTSPOT_NAME_TAKEN');

    const list = (await call('supervisor', 'GET', '/api/hotspots?state=never')).json().items;
    expect(list.map((h: { id: string }) => h.id)).toContain(created.id);
  });

  it('refuses bad input with a machine-readable error and stores nothing', async () => {
    const before = (await t.db.select({ n: count() }).from(hotspot))[0]!.n;
    for (const bad of [
      body({ kind: 'bus' }),
      body({ lat: 91 }),
      body({ name: '' }),
      body({ risk: undefined }),
    ]) {
      const res = await call('dispatcher', 'POST', '/api/hotspots', bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.db.select({ n: count() }).from(hotspot))[0]!.n).toBe(before);
    // A patrol member may read hotspots but not register them; a supervisor neither.
    expect((await call('patrol', 'POST', '/api/hotspots', body())).statusCode).toBe(403);
    expect((await call('supervisor', 'POST', '/api/hotspots', body())).statusCode).toBe(403);
  });

  it('counts a check-in within reach as a visit, keeps a far one flagged without counting it', async () => {
    const h = (await call('dispatcher', 'POST', '/api/hotspots', body())).json();
    const far = await call('patrol', 'POST', '/api/patrol/checkins', {
      clientId: randomUUID(),
      hotspotId: h.id,
      lat: spot.lat + 0.01,
      lng: spot.lng,
    });
    expect(far.statusCode).toBe(201);
    expect(far.json()).toMatchObject({ tooFar: true, teamName: '打卡测试队' });
    expect(far.json().distanceM).toBeGreaterThan(1000);
    expect((await call('dispatcher', 'GET', `/api/hotspots/${h.id}`)).json().coverage.state).toBe('never');

    const near = await call('patrol', 'POST', '/api/patrol/checkins', {
      clientId: randomUUID(),
      hotspotId: h.id,
      lat: spot.lat + 0.0005,
      lng: spot.lng,
      peopleSeen: 2,
    });
    expect(near.json()).toMatchObject({ tooFar: false, peopleSeen: 2 });
    const after = (await call('dispatcher', 'GET', `/api/hotspots/${h.id}`)).json();
    expect(after.coverage).toMatchObject({ state: 'ok', hoursSince: 0 });
    expect(after.usualCount).toBe(2);
    expect(after.checkins.map((c: { tooFar: boolean }) => c.tooFar)).toEqual([false, true]);
  });

  it('stores a check-in replayed 100 times at once exactly once, and refuses its id for another place', async () => {
    const h = (await call('dispatcher', 'POST', '/api/hotspots', body())).json();
    const payload = { clientId: randomUUID(), hotspotId: h.id, ...spot };
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => call('patrol', 'POST', '/api/patrol/checkins', payload)),
    );
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const rows = await t.db
      .select({ n: count() })
      .from(hotspotCheckin)
      .where(eq(hotspotCheckin.clientId, payload.clientId));
    expect(rows[0]!.n).toBe(1);
    const events = await t.db
      .select({ n: count() })
      .from(event)
      .where(eq(event.action, 'hotspot.checked_in'));
    expect(events[0]!.n).toBeGreaterThan(0);

    const other = (await call('dispatcher', 'POST', '/api/hotspots', body())).json();
    const reused = await call('patrol', 'POST', '/api/patrol/checkins', { ...payload, hotspotId: other.id });
    expect(reused.statusCode).toBe(409);
  });

  it('refuses a check-in at a hotspot outside the member’s jurisdiction, and one dated in the future', async () => {
    const h = (await call('dispatcher', 'POST', '/api/hotspots', body())).json();
    const outside = await call('guangzhou', 'POST', '/api/patrol/checkins', {
      clientId: randomUUID(),
      hotspotId: h.id,
      ...spot,
    });
    expect(outside.statusCode).toBe(404);
    const future = await call('patrol', 'POST', '/api/patrol/checkins', {
      clientId: randomUUID(),
      hotspotId: h.id,
      ...spot,
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('edits a hotspot within jurisdiction only', async () => {
    const h = (await call('dispatcher', 'POST', '/api/hotspots', body())).json();
    const res = await call('dispatcher', 'PUT', `/api/hotspots/${h.id}`, body({ name: h.name, risk: 'low' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().risk).toBe('low');
    expect((await call('guangzhou', 'GET', `/api/hotspots/${h.id}`)).statusCode).toBe(404);
  });
});
