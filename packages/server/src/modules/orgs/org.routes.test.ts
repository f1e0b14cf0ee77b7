import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, org } from '../../db/schema.ts';
import { buildJurisdictionScenario, buildOrg, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof buildJurisdictionScenario>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  s = await buildJurisdictionScenario(t.db);
  cookies.city = await t.sessionFor(s.cityAdmin.id);
  cookies.zj = await t.sessionFor(s.zhenjiangAdmin.id);
  const dispatcher = await buildUser(t.db, {
    username: 'zj_dispatch',
    role: 'dispatcher',
    regionCode: '440204',
  });
  cookies.dispatcher = await t.sessionFor(dispatcher.id);
});
afterAll(() => t.close());

const call = (
  who: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: Record<string, unknown>,
) => t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const create = (who: string, payload: Record<string, unknown>) => call(who, 'POST', '/api/orgs', payload);
const list = async (who: string, query = '') => {
  const res = await call(who, 'GET', `/api/orgs${query}`);
  expect(res.statusCode, query).toBe(200);
  return res.json().items as { id: string; name: string; kind: string; regionCode: string }[];
};
async function rowCounts() {
  const [orgs] = await t.db.select({ n: count() }).from(org);
  const [events] = await t.db.select({ n: count() }).from(event);
  return { orgs: orgs!.n, events: events!.n };
}
const eventsOf = (entityId: string, action: string) =>
  t.db
    .select()
    .from(event)
    .where(and(eq(event.entityId, entityId), eq(event.action, action)))
    .orderBy(event.seq);

describe('org routes', () => {
  it('requires authentication', async () => {
    const id = s.zhenjiangOrg.id;
    for (const [method, url] of [
      ['GET', '/api/orgs'],
      ['POST', '/api/orgs'],
      ['GET', `/api/orgs/${id}`],
      ['PATCH', `/api/orgs/${id}`],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('creates an organisation with an org.created event; beds only for a station', async () => {
    const before = await rowCounts();
    const station = await create('zj', {
      name: '浈江区救助管理站',
      kind: 'station',
      regionCode: '440204',
      bedCount: 40,
      lat: 24.82,
      lng: 113.62,
    });
    expect(station.statusCode).toBe(201);
    expect(station.json()).toMatchObject({
      name: '浈江区救助管理站',
      kind: 'station',
      regionCode: '440204',
      regionName: '浈江区',
      bedCount: 40,
      lat: 24.82,
      lng: 113.62,
      userCount: 0,
    });
    const bureau = await create('zj', {
      name: '  东河街道办  ',
      kind: 'bureau',
      regionCode: '440204001',
      bedCount: 40,
    });
    expect(bureau.statusCode).toBe(201);
    expect(bureau.json()).toMatchObject({
      name: '东河街道办',
      regionName: '东河街道',
      bedCount: null,
      lat: null,
    });
    const [row] = await t.db.select().from(org).where(eq(org.id, bureau.json().id));
    expect(row!.bedCount).toBeNull();
    expect(row!.createdBy).toBe(s.zhenjiangAdmin.id);

    const [created] = await eventsOf(station.json().id, 'org.created');
    expect(created).toMatchObject({
      entityType: 'org',
      actorId: s.zhenjiangAdmin.id,
      regionCode: '440204',
      requestId: station.headers['x-request-id'],
    });
    expect(created!.payload).toEqual({ kind: 'station' });
    expect((await eventsOf(bureau.json().id, 'org.created'))[0]!.regionCode).toBe('440204001');
    expect(await rowCounts()).toEqual({ orgs: before.orgs + 2, events: before.events + 2 });
  });

  it('refuses a name already used in the same region with 409, and allows it elsewhere', async () => {
    const first = await create('city', { name: '重名机构', kind: 'health', regionCode: '440204' });
    expect(first.statusCode).toBe(201);
    const before = await rowCounts();
    const again = await create('city', { name: '重名机构', kind: 'police', regionCode: '440204' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ORG_NAME_TAKEN');
    expect(await rowCounts()).toEqual(before);
    const elsewhere = await create('city', { name: '重名机构', kind: 'health', regionCode: '440203' });
    expect(elsewhere.statusCode).toBe(201);

    // Renaming onto a taken name, or moving into a region that has the name, is refused too.
    const other = await create('city', { name: '另一机构', kind: 'health', regionCode: '440204' });
    const rename = await call('city', 'PATCH', `/api/orgs/${other.json().id}`, { name: '重名机构' });
    expect(rename.json().error.code).toBe('ORG_NAME_TAKEN');
    const move = await call('city', 'PATCH', `/api/orgs/${elsewhere.json().id}`, { regionCode: '440204' });
    expect(move.json().error.code).toBe('ORG_NAME_TAKEN');
    // Keeping its own name is not a clash with itself.
    const same = await call('city', 'PATCH', `/api/orgs/${first.json().id}`, { name: '重名机构', lat: 24.8 });
    expect(same.statusCode).toBe(200);
  });

  it('lists by kind, name and region subtree, within the jurisdiction', async () => {
    const township = await buildOrg(t.db, { name: '东河街道求助点', kind: 'other', regionCode: '440204001' });
    const hospital = await buildOrg(t.db, { name: '粤北测试医院', kind: 'hospital', regionCode: '440203' });
    const cityPolice = await buildOrg(t.db, {
      name: '韶关市测试公安局',
      kind: 'police',
      regionCode: '440200',
    });

    const hospitals = await list('city', '?kind=hospital');
    expect(hospitals.map((o) => o.id)).toContain(hospital.id);
    expect(hospitals.every((o) => o.kind === 'hospital')).toBe(true);

    const byName = await list('city', `?q=${encodeURIComponent('测试公安')}`);
    expect(byName.map((o) => o.id)).toEqual([cityPolice.id]);
    // `%` and `_` in a search are literal characters, not wildcards.
    expect(await list('city', `?q=${encodeURIComponent('%')}`)).toEqual([]);

    const zj = await list('city', '?regionCode=440204');
    const zjIds = zj.map((o) => o.id);
    expect(zjIds).toEqual(expect.arrayContaining([s.zhenjiangOrg.id, township.id]));
    expect(zjIds).not.toContain(hospital.id);
    expect(zjIds).not.toContain(cityPolice.id);
    expect(zj.every((o) => o.regionCode.startsWith('440204'))).toBe(true);

    const city = (await list('city', '?regionCode=440200')).map((o) => o.id);
    expect(city).toEqual(expect.arrayContaining([cityPolice.id, hospital.id, township.id, s.wujiangOrg.id]));

    // The county admin sees only its subtree, and a filter cannot widen it.
    const county = (await list('zj')).map((o) => o.id);
    expect(county).toContain(township.id);
    expect(county).not.toContain(cityPolice.id);
    expect(county).not.toContain(hospital.id);
    expect(await list('zj', '?regionCode=440203')).toEqual([]);
    expect(await list('zj', '?kind=hospital')).toEqual([]);

    for (const bad of ['?kind=castle', '?regionCode=44', '?page=1']) {
      const res = await call('city', 'GET', `/api/orgs${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('updates an organisation with an org.updated event', async () => {
    const target = await buildOrg(t.db, {
      name: '待更新机构',
      kind: 'station',
      regionCode: '440204',
      bedCount: 10,
    });
    const res = await call('zj', 'PATCH', `/api/orgs/${target.id}`, {
      name: '已更新机构',
      bedCount: 25,
      lat: 24.81,
      lng: 113.6,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: target.id,
      name: '已更新机构',
      bedCount: 25,
      lat: 24.81,
      lng: 113.6,
    });
    const [row] = await t.db.select().from(org).where(eq(org.id, target.id));
    expect(row).toMatchObject({ name: '已更新机构', bedCount: 25, kind: 'station' });

    const moved = await call('zj', 'PATCH', `/api/orgs/${target.id}`, { regionCode: '440204001' });
    expect(moved.json()).toMatchObject({ regionCode: '440204001', regionName: '东河街道' });

    const updates = await eventsOf(target.id, 'org.updated');
    expect(updates).toHaveLength(2);
    expect((updates[0]!.payload as { fields: string[] }).fields.sort()).toEqual([
      'bedCount',
      'lat',
      'lng',
      'name',
    ]);
    expect(updates[0]).toMatchObject({
      actorId: s.zhenjiangAdmin.id,
      regionCode: '440204',
      entityType: 'org',
    });
    expect(updates[1]!.payload).toEqual({ fields: ['regionCode'] });
    expect(updates[1]!.regionCode).toBe('440204001');

    // Out of scope: another county's record is 404, moving out of the county is refused.
    expect((await call('zj', 'PATCH', `/api/orgs/${s.wujiangOrg.id}`, { lat: 1 })).statusCode).toBe(404);
    const out = await call('zj', 'PATCH', `/api/orgs/${target.id}`, { regionCode: '440203' });
    expect(out.json().error.code).toBe('REGION_OUT_OF_SCOPE');
    const unknownRegion = await create('city', { name: '不存在的辖区', kind: 'other', regionCode: '440299' });
    expect(unknownRegion.json().error.code).toBe('REGION_OUT_OF_SCOPE');
  });

  it('checks latitude and longitude ranges and writes nothing when they are wrong', async () => {
    const before = await rowCounts();
    for (const coords of [{ lat: 90.5 }, { lat: -91 }, { lng: 180.1 }, { lng: -181 }, { lat: '24.8' }]) {
      const res = await create('zj', { name: '坐标错误', kind: 'other', regionCode: '440204', ...coords });
      expect(res.statusCode, JSON.stringify(coords)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      const patch = await call('zj', 'PATCH', `/api/orgs/${s.zhenjiangOrg.id}`, coords);
      expect(patch.statusCode, JSON.stringify(coords)).toBe(400);
    }
    expect(await rowCounts()).toEqual(before);
    const [row] = await t.db.select().from(org).where(eq(org.id, s.zhenjiangOrg.id));
    expect(row!.lat).toBeNull();
    // The edges themselves are valid.
    const edge = await create('zj', {
      name: '坐标边界',
      kind: 'other',
      regionCode: '440204',
      lat: -90,
      lng: 180,
    });
    expect(edge.statusCode).toBe(201);
    expect(edge.json()).toMatchObject({ lat: -90, lng: 180 });
  });

  it('a dispatcher (org.read only) can read but not create or update', async () => {
    expect((await call('dispatcher', 'GET', '/api/orgs')).statusCode).toBe(200);
    expect((await call('dispatcher', 'GET', `/api/orgs/${s.zhenjiangOrg.id}`)).statusCode).toBe(200);
    const before = await rowCounts();
    const made = await create('dispatcher', { name: '调度员建的', kind: 'other', regionCode: '440204' });
    expect(made.statusCode).toBe(403);
    expect(made.json().error.code).toBe('FORBIDDEN');
    const patched = await call('dispatcher', 'PATCH', `/api/orgs/${s.zhenjiangOrg.id}`, {
      name: '调度员改的',
    });
    expect(patched.statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('regression: beds only for stations, also on update', () => {
  it('drops bedCount when a non-station is patched or a station changes kind', async () => {
    const bureau = (await create('zj', { name: '床位规则局', kind: 'bureau', regionCode: '440204' })).json();
    const patched = await call('zj', 'PATCH', `/api/orgs/${bureau.id}`, { bedCount: 50 });
    expect(patched.json().bedCount).toBeNull();
    const station = (
      await create('zj', { name: '床位规则站', kind: 'station', regionCode: '440204', bedCount: 30 })
    ).json();
    const rekinded = await call('zj', 'PATCH', `/api/orgs/${station.id}`, { kind: 'bureau' });
    expect(rekinded.json().bedCount).toBeNull();
  });
});

describe('regression: concurrent org names', () => {
  it('answers 409 ORG_NAME_TAKEN when another transaction commits the same name first', async () => {
    const other = await t.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO org (id, name, kind, region_code)
         VALUES ('01900000-0000-7000-8000-0000000000bb', '并发机构', 'other', '440204')`,
      );
      const pending = create('zj', { name: '并发机构', kind: 'other', regionCode: '440204' });
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
      expect(res.json().error.code).toBe('ORG_NAME_TAKEN');
    } finally {
      other.release();
    }
  });
});
