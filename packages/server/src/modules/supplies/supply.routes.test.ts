import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, supplyDiscrepancy, supplyMovement } from '../../db/schema.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import { buildSupplyItem, buildSupplyPlace, setStock } from '../../testing/supply-builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const make = async (
    name: string,
    role: 'supplies_keeper' | 'patrol_member' | 'dispatcher',
    regionCode = '440200',
  ) => {
    users[name] = (await buildUser(t.db, { role, regionCode })).id;
    cookies[name] = await t.sessionFor(users[name]!);
  };
  await make('keeper', 'supplies_keeper');
  await make('wujiang', 'supplies_keeper', '440203');
  await make('patrol', 'patrol_member');
  await make('dispatcher', 'dispatcher');
});
afterAll(() => t.close());

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who]! } : {},
    ...(payload ? { payload } : {}),
  });

describe('supplies: catalogue, places, stock and alerts', () => {
  it('requires authentication', async () => {
    for (const url of ['/api/supplies/items', '/api/supplies/stock', '/api/supplies/alerts'])
      expect((await call(null, 'GET', url)).statusCode, url).toBe(401);
  });

  it('makes a warmth kit of other items, and refuses a kit of kits or a name used twice', async () => {
    const hat = (
      await call('keeper', 'POST', '/api/supplies/items', {
        name: '毛线帽',
        unit: 'each',
        supplyKind: 'warmth_kit',
      })
    ).json();
    const pad = (
      await call('keeper', 'POST', '/api/supplies/items', {
        name: '暖宝宝',
        unit: 'each',
        supplyKind: 'warmth_kit',
      })
    ).json();
    const kit = await call('keeper', 'POST', '/api/supplies/items', {
      name: '温暖包（标准）',
      unit: 'each',
      supplyKind: 'warmth_kit',
      components: [
        { itemId: hat.id, quantity: 1 },
        { itemId: pad.id, quantity: 2 },
      ],
    });
    expect(kit.statusCode, kit.body).toBe(201);
    expect(kit.json()).toMatchObject({ isKit: true, unit: 'each' });
    expect(kit.json().components).toEqual(
      expect.arrayContaining([
        { itemId: hat.id, name: '毛线帽', quantity: 1 },
        { itemId: pad.id, name: '暖宝宝', quantity: 2 },
      ]),
    );
    const ofKits = await call('keeper', 'POST', '/api/supplies/items', {
      name: '大礼包',
      unit: 'each',
      supplyKind: 'warmth_kit',
      components: [{ itemId: kit.json().id, quantity: 1 }],
    });
    expect(ofKits.json().error.code).toBe('SUPPLY_KIT_INVALID');
    const twice = await call('keeper', 'POST', '/api/supplies/items', {
      name: '毛线帽',
      unit: 'each',
      supplyKind: 'coat',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('SUPPLY_ITEM_NAME_TAKEN');
    const bad = await call('keeper', 'POST', '/api/supplies/items', {
      name: '羽绒服',
      unit: '件',
      supplyKind: 'coat',
    });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const listed = (await call('dispatcher', 'GET', '/api/supplies/items')).json().items;
    expect(listed.map((i: { name: string }) => i.name)).toEqual(
      expect.arrayContaining(['毛线帽', '温暖包（标准）']),
    );
  });

  it('registers places with the links their kind needs, in jurisdiction only', async () => {
    const station = await buildOrg(t.db, { kind: 'station', regionCode: '440204' });
    const bureau = await buildOrg(t.db, { kind: 'bureau', regionCode: '440204' });
    const crew = await buildTeam(t.db, { regionCode: '440204' });
    const post = (who: string, body: object) => call(who, 'POST', '/api/supplies/places', body);
    const store = await post('keeper', {
      name: '站内物资库',
      kind: 'station',
      regionCode: '440204',
      orgId: station.id,
    });
    expect(store.statusCode, store.body).toBe(201);
    expect(store.json()).toMatchObject({
      kind: 'station',
      orgName: station.name,
      regionName: '浈江区',
      totalQuantity: 0,
    });
    const shelter = await post('keeper', {
      name: '风度路临时避寒点',
      kind: 'shelter',
      regionCode: '440204',
      address: '风度路社区服务中心',
    });
    expect(shelter.json()).toMatchObject({ kind: 'shelter', shelterId: null, address: '风度路社区服务中心' });
    for (const body of [
      { name: '无站', kind: 'station', regionCode: '440204', orgId: bureau.id },
      { name: '无队', kind: 'team_vehicle', regionCode: '440204' },
      { name: '仓库带队', kind: 'warehouse', regionCode: '440204', teamId: crew.id },
      { name: '别区车', kind: 'team_vehicle', regionCode: '440203', teamId: crew.id },
    ]) {
      const res = await post('keeper', body);
      expect(res.json().error?.code, body.name).toBe('SUPPLY_PLACE_LINK_INVALID');
    }
    const vehicle = await post('keeper', {
      name: '一号车',
      kind: 'team_vehicle',
      regionCode: '440204',
      teamId: crew.id,
    });
    expect(vehicle.json()).toMatchObject({ teamId: crew.id, teamName: crew.name });
    expect(
      (await post('keeper', { name: '站内物资库', kind: 'warehouse', regionCode: '440204' })).json().error
        .code,
    ).toBe('SUPPLY_PLACE_NAME_TAKEN');
    expect(
      (await post('wujiang', { name: '越界仓库', kind: 'warehouse', regionCode: '440204' })).json().error
        .code,
    ).toBe('REGION_OUT_OF_SCOPE');
    // A 武江 keeper neither lists nor opens 浈江 places.
    const theirs = (await call('wujiang', 'GET', '/api/supplies/places')).json().items;
    expect(theirs.map((p: { id: string }) => p.id)).not.toContain(store.json().id);
    expect((await call('wujiang', 'GET', `/api/supplies/places/${store.json().id}`)).statusCode).toBe(404);
    const shelters = (await call('keeper', 'GET', '/api/supplies/places?kind=shelter')).json().items;
    expect(shelters.map((p: { kind: string }) => p.kind)).toEqual(['shelter']);
  });

  it('alerts on stock under a threshold in the jurisdiction, and filters stock by place kind', async () => {
    const coat = await buildSupplyItem(t.db, { supplyKind: 'coat' });
    const zj = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const wj = await buildSupplyPlace(t.db, { regionCode: '440203', kind: 'shelter' });
    await setStock(t.db, zj.id, coat.id, 3);
    await setStock(t.db, wj.id, coat.id, 1);
    const set = await call('keeper', 'PUT', `/api/supplies/places/${zj.id}/thresholds`, {
      itemId: coat.id,
      minQuantity: 10,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items).toEqual([
      expect.objectContaining({ itemId: coat.id, quantity: 3, minQuantity: 10, low: true }),
    ]);
    await call('keeper', 'PUT', `/api/supplies/places/${wj.id}/thresholds`, {
      itemId: coat.id,
      minQuantity: 5,
    });
    const alerts = (await call('keeper', 'GET', '/api/supplies/alerts')).json();
    expect(alerts.lowStock.map((r: { placeId: string }) => r.placeId)).toEqual(
      expect.arrayContaining([zj.id, wj.id]),
    );
    const theirs = (await call('wujiang', 'GET', '/api/supplies/alerts')).json();
    expect(theirs.lowStock.map((r: { placeId: string }) => r.placeId)).toEqual([wj.id]);
    const events = await t.db.select().from(event).where(eq(event.action, 'supply.threshold_set'));
    expect(events.length).toBe(2);

    // Cleared: no longer low. Equal to the threshold is not low either.
    await call('keeper', 'PUT', `/api/supplies/places/${zj.id}/thresholds`, {
      itemId: coat.id,
      minQuantity: 3,
    });
    const after = (await call('keeper', 'GET', '/api/supplies/alerts')).json();
    expect(after.lowStock.map((r: { placeId: string }) => r.placeId)).toEqual([wj.id]);
    const shelters = (await call('keeper', 'GET', '/api/supplies/stock?kind=shelter')).json().items;
    expect(shelters.every((r: { placeKind: string }) => r.placeKind === 'shelter')).toBe(true);
    expect(shelters.map((r: { placeId: string }) => r.placeId)).toContain(wj.id);
    expect((await call('keeper', 'GET', '/api/supplies/stock?kind=bus')).statusCode).toBe(400);
    expect(
      (
        await call('wujiang', 'PUT', `/api/supplies/places/${zj.id}/thresholds`, {
          itemId: coat.id,
          minQuantity: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("shows a team vehicle's stock to readers and the team's own members, 404 to other patrols", async () => {
    const mine = await buildTeam(t.db, { members: [{ userId: users.patrol! }] });
    const other = await buildTeam(t.db, {});
    const water = await buildSupplyItem(t.db, { supplyKind: 'water', unit: 'bottle' });
    const vehicle = await buildSupplyPlace(t.db, {
      kind: 'team_vehicle',
      teamId: mine.id,
      regionCode: mine.regionCode,
    });
    await setStock(t.db, vehicle.id, water.id, 24, 12);
    const own = await call('patrol', 'GET', `/api/supplies/teams/${mine.id}/stock`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ teamId: mine.id, placeId: vehicle.id });
    expect(own.json().items).toEqual([
      expect.objectContaining({ itemId: water.id, quantity: 24, minQuantity: 12, low: false }),
    ]);
    expect((await call('patrol', 'GET', `/api/supplies/teams/${other.id}/stock`)).statusCode).toBe(404);
    expect((await call('dispatcher', 'GET', `/api/supplies/teams/${other.id}/stock`)).json()).toMatchObject({
      placeId: null,
      items: [],
    });
    expect((await call('wujiang', 'GET', `/api/supplies/teams/${mine.id}/stock`)).statusCode).toBe(404);
    // A patrol member reads no other supplies.
    expect((await call('patrol', 'GET', '/api/supplies/stock')).statusCode).toBe(403);
    const teams = (await call('keeper', 'GET', '/api/supplies/teams')).json().items;
    expect(teams.find((x: { id: string }) => x.id === mine.id)).toMatchObject({ placeId: vehicle.id });
  });

  it('records a donation as a receive into the place, the donor’s phone masked', async () => {
    const quilt = await buildSupplyItem(t.db, { supplyKind: 'quilt', unit: 'bedding' });
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const res = await call('keeper', 'POST', '/api/supplies/donations', {
      donorKind: 'individual',
      donorName: '李女士',
      donorContact: '李女士 13812345678',
      receivedOn: '2026-12-10',
      placeId: place.id,
      lines: [{ itemId: quilt.id, quantity: 20 }],
      note: '自家缝制棉被',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      donor: { kind: 'individual', name: '李女士', contactMasked: '李女士 138****5678' },
      receivedOn: '2026-12-10',
      placeName: place.name,
      totalQuantity: 20,
    });
    expect(res.body).not.toContain('13812345678');
    const stock = (await call('keeper', 'GET', `/api/supplies/stock?placeId=${place.id}`)).json().items;
    expect(stock).toEqual([expect.objectContaining({ itemId: quilt.id, quantity: 20 })]);
    const ledger = (await call('keeper', 'GET', `/api/supplies/places/${place.id}/movements`)).json().items;
    expect(ledger[0]).toMatchObject({ kind: 'receive', quantity: 20, counterpart: '李女士' });
    const actions = (await t.db.select().from(event).where(eq(event.action, 'donation.recorded'))).map(
      (e) => e.payload,
    );
    expect(actions).toEqual([expect.objectContaining({ donorKind: 'individual', units: 20 })]);
    expect((await call('wujiang', 'GET', '/api/supplies/donations')).json().items).toEqual([]);
  });

  it('resolves a discrepancy once, in jurisdiction only', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const movementId = uuidV7Ids.next();
    await t.db
      .insert(supplyMovement)
      .values({ id: movementId, kind: 'distribute', regionCode: '440204', at: new Date() });
    const id = uuidV7Ids.next();
    await t.db.insert(supplyDiscrepancy).values({
      id,
      placeId: place.id,
      supplyKind: 'coat',
      quantity: 2,
      movementId,
      regionCode: '440204',
      raisedAt: new Date(),
    });
    const open = (await call('keeper', 'GET', '/api/supplies/alerts')).json().discrepancies;
    expect(open).toEqual([
      expect.objectContaining({ id, placeName: place.name, supplyKind: 'coat', quantity: 2 }),
    ]);
    expect((await call('wujiang', 'POST', `/api/supplies/discrepancies/${id}/resolve`, {})).statusCode).toBe(
      404,
    );
    expect(
      (await call('keeper', 'POST', `/api/supplies/discrepancies/${id}/resolve`, { note: '已盘点调整' }))
        .statusCode,
    ).toBe(204);
    expect(
      (await call('keeper', 'POST', `/api/supplies/discrepancies/${id}/resolve`, {})).json().error.code,
    ).toBe('DISCREPANCY_RESOLVED');
    expect((await call('keeper', 'GET', '/api/supplies/alerts')).json().discrepancies).toEqual([]);
    expect(
      (await call('keeper', 'POST', `/api/supplies/discrepancies/${randomUUID()}/resolve`, {})).statusCode,
    ).toBe(404);
  });
});
