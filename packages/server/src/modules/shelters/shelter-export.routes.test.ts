import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/builders.ts';
import { buildShelter } from '../../testing/shelter-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** The directory for other systems (Open Referral HSDS) and for people (Excel), in jurisdiction. */
let t: TestApp;
let cityCookie = '';
let wujiangCookie = '';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  t = await createTestApp();
  cityCookie = await t.sessionFor((await buildUser(t.db, { role: 'supervisor', regionCode: '440200' })).id);
  wujiangCookie = await t.sessionFor(
    (await buildUser(t.db, { role: 'dispatcher', regionCode: '440203' })).id,
  );
  const keeper = await buildUser(t.db, { role: 'shelter_keeper', displayName: '李守门' });
  await buildShelter(t.db, {
    name: '风度街道避寒点',
    occupancy: 12,
    occupancyAt: new Date(),
    keeperIds: [keeper.id],
  });
  await buildShelter(t.db, {
    name: '武江区新华街道避寒点',
    regionCode: '440203',
    status: 'standby',
    hours: { allDay: true },
  });
  await buildShelter(t.db, {
    name: '新华南路福彩引导点',
    kind: 'help_point',
    hostKind: 'lottery_outlet',
    hostName: '中国福利彩票 44020012 号销售站',
    capacityDay: 0,
    capacityNight: 0,
    publicPhone: null,
  });
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

/** The fields HSDS marks required, for the objects the export writes. */
function expectRequired(object: Record<string, unknown>, fields: string[], where: string) {
  for (const f of fields) expect(object[f], `${where}.${f}`).not.toBeUndefined();
  if ('id' in object) expect(object.id, `${where}.id`).toMatch(uuid);
}

describe('directory exports', () => {
  it('requires authentication', async () => {
    expect((await get('/api/shelters/export.hsds.json')).statusCode).toBe(401);
    expect((await get('/api/shelters/export.xlsx')).statusCode).toBe(401);
  });

  it('is HSDS: services with organisation, location, schedule, phone and service_capacity', async () => {
    const res = await get('/api/shelters/export.hsds.json', cityCookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const page = res.json();
    expect(page).toMatchObject({
      total_items: 3,
      total_pages: 1,
      page_number: 1,
      first_page: true,
      last_page: true,
    });
    const ids = new Set<string>();
    for (const s of page.contents) {
      expectRequired(s, ['id', 'name', 'status'], 'service');
      expect(['active', 'inactive', 'defunct', 'temporarily closed']).toContain(s.status);
      expectRequired(s.organization, ['id', 'name', 'description'], 'organization');
      for (const p of s.phones) expectRequired(p, ['id', 'number'], 'phone');
      for (const sc of s.schedules) {
        expectRequired(sc, ['id', 'opens_at', 'closes_at', 'freq', 'byday'], 'schedule');
        expect(sc.opens_at).toMatch(/^\d\d:\d\d\+08:00$/);
      }
      for (const c of s.capacities) {
        expectRequired(c, ['id', 'unit', 'available', 'updated'], 'service_capacity');
        expectRequired(c.unit, ['id', 'name'], 'unit');
        expect(c.available).toBeGreaterThanOrEqual(0);
        expect(c.available).toBeLessThanOrEqual(c.maximum);
      }
      for (const sal of s.service_at_locations) {
        expectRequired(sal, ['id'], 'service_at_location');
        expectRequired(sal.location, ['id', 'location_type', 'latitude', 'longitude'], 'location');
        for (const a of sal.location.addresses)
          expectRequired(
            a,
            ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
            'address',
          );
      }
      for (const id of [
        s.id,
        ...s.phones.map((p: { id: string }) => p.id),
        ...s.capacities.map((c: { id: string }) => c.id),
      ]) {
        expect(ids.has(id), id).toBe(false);
        ids.add(id);
      }
    }
    const open = page.contents.find((s: { name: string }) => s.name === '风度街道避寒点');
    expect(open.status).toBe('active');
    // 20:00 in Beijing: 20 places to sleep, 12 taken; the day seats are not in use at this hour.
    expect(open.capacities).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ name: expect.stringContaining('夜间床位') }),
        available: 8,
        maximum: 20,
      }),
      expect.objectContaining({ available: 30, maximum: 30 }),
    ]);
    expect(open.service_at_locations[0].location.addresses[0]).toMatchObject({
      city: '韶关市',
      state_province: '广东省',
      region: '浈江区',
      country: 'CN',
    });
    expect(open.schedules[0]).toMatchObject({ opens_at: '18:00+08:00', closes_at: '08:00+08:00' });
    const standby = page.contents.find((s: { name: string }) => s.name === '武江区新华街道避寒点');
    expect(standby.status).toBe('inactive');
    expect(standby.capacities.every((c: { available: number }) => c.available === 0)).toBe(true);
    const help = page.contents.find((s: { name: string }) => s.name === '新华南路福彩引导点');
    expect(help).toMatchObject({ capacities: [], phones: [] });
    expect(help.organization.name).toBe('中国福利彩票 44020012 号销售站');
    // Run twice, the derived objects keep their ids.
    const twice = (await get('/api/shelters/export.hsds.json', cityCookie)).json();
    expect(twice.contents[0].service_at_locations[0].location.id).toBe(
      page.contents[0].service_at_locations[0].location.id,
    );
    // No keeper's name leaves in the HSDS file.
    expect(res.body).not.toContain('李守门');
  });

  it('is scoped to the caller: 武江 exports its own place only', async () => {
    const page = (await get('/api/shelters/export.hsds.json', wujiangCookie)).json();
    expect(page.contents.map((s: { name: string }) => s.name)).toEqual(['武江区新华街道避寒点']);
  });

  it('is an Excel workbook with a Chinese header row and one row per place', async () => {
    const res = await get('/api/shelters/export.xlsx', cityCookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('避寒场所名录.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('避寒场所名录')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual([
      '场所名称',
      '场所类型',
      '承办单位类型',
      '承办单位',
      '所在区县',
      '地址',
    ]);
    expect(header).toContain('夜间容量（床位）');
    expect(sheet.rowCount).toBe(4);
    const rows = [2, 3, 4].map((i) => (sheet.getRow(i).values as unknown[]).slice(1));
    const open = rows.find((r) => r[0] === '风度街道避寒点')!;
    expect(open).toEqual(
      expect.arrayContaining([
        '临时避寒场所',
        '社区服务中心',
        '浈江区',
        '每天 18:00–次日 08:00',
        30,
        20,
        12,
        '开放中',
        '李守门',
      ]),
    );
    const wj = (await get('/api/shelters/export.xlsx', wujiangCookie)).rawPayload;
    const wjBook = new ExcelJS.Workbook();
    await wjBook.xlsx.load(wj as unknown as ArrayBuffer);
    expect(wjBook.getWorksheet('避寒场所名录')!.rowCount).toBe(2);
  });
});
