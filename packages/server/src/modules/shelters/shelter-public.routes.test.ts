import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import { buildShelter } from '../../testing/shelter-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** 附近避寒点: what anyone may ask without signing in, and what they are never told. */
let t: TestApp;
// Near 韶关站 (浈江区); 0.01° of latitude is about 1.1 km.
const me = { lat: 24.8131, lng: 113.6047 };
const names = {
  near: '风度街道社区服务中心避寒点',
  far: '曲江区马坝镇社区服务中心避寒点',
  full: '韶关市救助管理站临时避寒场所',
  later: '新华南路福彩引导点',
  standby: '东河街道新时代文明实践站避寒点',
};

beforeAll(async () => {
  t = await createTestApp();
  const keeper = await buildUser(t.db, {
    role: 'shelter_keeper',
    displayName: '李守门',
    phone: '13900001111',
  });
  await buildShelter(t.db, { name: names.near, lat: me.lat + 0.004, lng: me.lng, keeperIds: [keeper.id] });
  await buildShelter(t.db, {
    name: names.far,
    regionCode: '440205',
    address: '曲江区马坝镇府前路 3 号',
    lat: 24.6823,
    lng: 113.6042,
  });
  await buildShelter(t.db, {
    name: names.full,
    lat: me.lat + 0.001,
    lng: me.lng,
    status: 'full',
    occupancy: 20,
  });
  // A help point open by day only: at the test clock's 20:00 it opens later.
  await buildShelter(t.db, {
    name: names.later,
    kind: 'help_point',
    hostKind: 'lottery_outlet',
    capacityDay: 0,
    capacityNight: 0,
    hours: { allDay: false, opens: '09:00', closes: '19:00' },
    lat: me.lat + 0.002,
    lng: me.lng,
  });
  await buildShelter(t.db, { name: names.standby, status: 'standby', lat: me.lat, lng: me.lng });
  await buildOrg(t.db, {
    kind: 'hospital',
    name: '粤北人民医院',
    regionCode: '440203',
    lat: 24.8016,
    lng: 113.5851,
  });
});
afterAll(() => t.close());

const find = (query: string) => t.app.inject({ method: 'GET', url: `/api/public/shelters${query}` });

describe('the public shelter finder', () => {
  it('needs no sign-in, and lists the nearest open places: room first, then full, then later, then beyond reach', async () => {
    const res = await find(`?lat=${me.lat}&lng=${me.lng}`);
    expect(res.statusCode, res.body).toBe(200);
    const { items, origin } = res.json();
    expect(origin).toMatchObject({ kind: 'position', lat: me.lat, lng: me.lng });
    // 马坝 is 14 km away: beyond the 10 km reach it follows the nearer places whatever they say.
    expect(items.map((p: { name: string; availability: string }) => [p.name, p.availability])).toEqual([
      [names.near, 'available'],
      [names.full, 'full'],
      [names.later, 'later'],
      [names.far, 'available'],
    ]);
    const near = items[0];
    expect(near.distanceM).toBeGreaterThan(400);
    expect(near.distanceM).toBeLessThan(500);
    expect(near).toMatchObject({
      hoursText: '每天 18:00–次日 08:00',
      phone: '0751-8881234',
      regionName: '浈江区',
    });
    expect(near.routeUrl).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?to=113\.\d{6},24\.\d{6},/);
    expect(near.routeUrl).toContain(encodeURIComponent(names.near));
  });

  it('tells nothing personal: no keeper, no contact person or number, no count', async () => {
    const res = await find(`?lat=${me.lat}&lng=${me.lng}`);
    const text = res.body;
    for (const secret of [
      '李守门',
      '13900001111',
      '周社工',
      '13802880001',
      'occupancy',
      'keepers',
      'contact',
    ])
      expect(text, secret).not.toContain(secret);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(
      [
        'address',
        'availability',
        'distanceM',
        'hostKind',
        'hours',
        'hoursText',
        'id',
        'kind',
        'lat',
        'lng',
        'name',
        'phone',
        'regionName',
        'routeUrl',
        'services',
      ].sort(),
    );
  });

  it('takes a typed place instead of GPS: a district, a place’s name, an institution', async () => {
    const district = (await find(`?q=${encodeURIComponent('曲江')}`)).json();
    expect(district.origin).toMatchObject({ kind: 'region', label: '曲江区' });
    expect(district.items.map((p: { name: string }) => p.name)).toEqual([names.far]);
    expect(district.items[0].distanceM).toBeNull();

    const byAddress = (await find(`?q=${encodeURIComponent('风度中路')}`)).json();
    expect(byAddress.origin.kind).toBe('shelter');
    expect(byAddress.items[0].distanceM).not.toBeNull();

    const hospital = (await find(`?q=${encodeURIComponent('粤北人民医院')}`)).json();
    expect(hospital.origin).toMatchObject({ kind: 'org', label: '粤北人民医院' });
    expect(hospital.items.length).toBeGreaterThan(0);
  });

  it('a typed place nobody knows says so and lists the city’s open places; wildcards are plain text', async () => {
    for (const q of ['火星基地', '%', '_']) {
      const res = (await find(`?q=${encodeURIComponent(q)}`)).json();
      expect(res.unmatched, q).toBe(true);
      expect(res.origin).toBeNull();
      expect(res.items.map((p: { name: string }) => p.name)).not.toContain(names.standby);
      expect(res.items).toHaveLength(4);
    }
    expect((await find('')).json().items).toHaveLength(4);
  });

  it('refuses nonsense positions and unknown parameters', async () => {
    for (const q of ['?lat=91&lng=113', '?lat=abc&lng=113', '?who=me'])
      expect((await find(q)).json().error.code, q).toBe('VALIDATION_FAILED');
  });
});
