import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { region } from '../../db/schema.ts';
import { buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

/** 韶关市's ten county-level divisions (GB/T 2260). */
const SHAOGUAN_COUNTIES = [
  ['440203', '武江区'],
  ['440204', '浈江区'],
  ['440205', '曲江区'],
  ['440222', '始兴县'],
  ['440224', '仁化县'],
  ['440229', '翁源县'],
  ['440232', '乳源瑶族自治县'],
  ['440233', '新丰县'],
  ['440281', '乐昌市'],
  ['440282', '南雄市'],
];

beforeAll(async () => {
  t = await createTestApp();
  const users = {
    county: await buildUser(t.db, { role: 'patrol_member', regionCode: '440204' }),
    city: await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' }),
    national: await buildUser(t.db, { role: 'system_admin', regionCode: '000000' }),
  };
  for (const [who, u] of Object.entries(users)) cookies[who] = await t.sessionFor(u.id);
});
afterAll(() => t.close());

const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
type Region = { code: string; name: string; level: string; parentCode: string | null };
async function items(who: string, url: string): Promise<Region[]> {
  const res = await get(who, url);
  expect(res.statusCode, url).toBe(200);
  return res.json().items;
}
const childrenInDb = async (parent: string) =>
  t.db.select().from(region).where(eq(region.parentCode, parent)).orderBy(asc(region.code));

describe('region routes', () => {
  it('requires authentication', async () => {
    for (const url of [
      '/api/regions',
      `/api/regions?q=${encodeURIComponent('浈江')}`,
      '/api/regions/440204',
      '/api/regions/440204/children',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('with no query, a county user gets their county and its townships', async () => {
    const list = await items('county', '/api/regions');
    expect(list[0]).toEqual({ code: '440204', name: '浈江区', level: 'county', parentCode: '440200' });
    const townships = list.slice(1);
    expect(townships).toContainEqual({
      code: '440204001',
      name: '东河街道',
      level: 'township',
      parentCode: '440204',
    });
    expect(townships.map((r) => r.code)).toEqual((await childrenInDb('440204')).map((r) => r.code));
    expect(townships.length).toBeGreaterThan(1);
    expect(townships.every((r) => r.level === 'township' && r.parentCode === '440204')).toBe(true);
  });

  it('with no query, a city user gets the city and its ten counties', async () => {
    const list = await items('city', '/api/regions');
    expect(list[0]).toMatchObject({ code: '440200', name: '韶关市', level: 'city', parentCode: '440000' });
    expect(list.slice(1).map((r) => [r.code, r.name])).toEqual(SHAOGUAN_COUNTIES);
    expect(list.slice(1).every((r) => r.level === 'county' && r.parentCode === '440200')).toBe(true);
    // `limit` bounds the level below; the region itself always comes first.
    const limited = await items('city', '/api/regions?limit=3');
    expect(limited.map((r) => r.code)).toEqual(['440200', ...SHAOGUAN_COUNTIES.slice(0, 3).map(([c]) => c)]);
  });

  it('searches by name and by code prefix, within the jurisdiction', async () => {
    expect((await items('city', `/api/regions?q=${encodeURIComponent('浈江')}`)).map((r) => r.code)).toEqual([
      '440204',
    ]);
    expect(
      (await items('national', `/api/regions?q=${encodeURIComponent(' 浈江 ')}`)).map((r) => r.code),
    ).toEqual(['440204']);
    const streets = await items('county', `/api/regions?q=${encodeURIComponent('街道')}`);
    expect(streets.map((r) => r.code)).toContain('440204001');
    expect(streets.every((r) => r.code.startsWith('440204') && r.name.includes('街道'))).toBe(true);

    // Digits search by code prefix, shortest (highest level) first.
    const byCode = await items('city', '/api/regions?q=4402&limit=200');
    expect(byCode.slice(0, 11).map((r) => r.code)).toEqual(['440200', ...SHAOGUAN_COUNTIES.map(([c]) => c)]);
    expect(byCode.every((r) => r.code.startsWith('4402'))).toBe(true);
    expect(byCode.map((r) => r.code)).toContain('440204001');
    expect(await items('city', '/api/regions?q=4402')).toHaveLength(50);
    expect((await items('city', '/api/regions?q=440204001')).map((r) => r.name)).toEqual(['东河街道']);

    // The county user's code search stays inside the county.
    const countyByCode = await items('county', '/api/regions?q=4402&limit=200');
    expect(countyByCode[0]!.code).toBe('440204');
    expect(countyByCode.every((r) => r.code.startsWith('440204'))).toBe(true);

    // parentCode lists one level below a region in scope.
    const below = await items('city', '/api/regions?parentCode=440204');
    expect(below.map((r) => r.code)).toEqual((await childrenInDb('440204')).map((r) => r.code));
  });

  it('a county user searching a sibling county finds nothing', async () => {
    expect(await items('county', `/api/regions?q=${encodeURIComponent('武江')}`)).toEqual([]);
    expect(await items('county', '/api/regions?q=440203')).toEqual([]);
    expect(await items('county', `/api/regions?q=${encodeURIComponent('韶关')}`)).toEqual([]);
    // The city user does find it, so the empty answer is the jurisdiction, not the data.
    expect((await items('city', `/api/regions?q=${encodeURIComponent('武江')}`)).map((r) => r.code)).toEqual([
      '440203',
    ]);
    for (const url of [
      '/api/regions/440203',
      '/api/regions/440203/children',
      '/api/regions?parentCode=440203',
    ]) {
      const res = await get('county', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('shows a region with its ancestors, root first', async () => {
    const res = await get('county', '/api/regions/440204');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: '440204',
      name: '浈江区',
      level: 'county',
      parentCode: '440200',
      path: [
        { code: '000000', name: '全国', level: 'national', parentCode: null },
        { code: '440000', name: '广东省', level: 'province', parentCode: '000000' },
        { code: '440200', name: '韶关市', level: 'city', parentCode: '440000' },
      ],
    });
    const township = (await get('city', '/api/regions/440204001')).json();
    expect(township.path.map((r: Region) => r.code)).toEqual(['000000', '440000', '440200', '440204']);
    expect((await get('national', '/api/regions/000000')).json()).toMatchObject({ name: '全国', path: [] });
    const children = (await get('city', '/api/regions/440200/children')).json().items;
    expect(children.map((r: Region) => r.code)).toEqual(SHAOGUAN_COUNTIES.map(([c]) => c));
    // A well-formed code that does not exist is 404.
    expect((await get('city', '/api/regions/440299')).statusCode).toBe(404);
  });

  it('refuses malformed codes and queries with 400', async () => {
    for (const url of [
      '/api/regions/44020',
      '/api/regions/4402041',
      '/api/regions/abcdef',
      '/api/regions/4402040011',
      '/api/regions/44020x/children',
      '/api/regions?parentCode=4402',
      '/api/regions?limit=0',
      '/api/regions?limit=201',
      `/api/regions?q=${encodeURIComponent('浈'.repeat(41))}`,
      '/api/regions?level=county',
    ]) {
      const res = await get('city', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
