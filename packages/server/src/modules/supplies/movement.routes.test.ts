import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, supplyMovement, supplyPlace } from '../../db/schema.ts';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import {
  buildStay,
  buildSupplyItem,
  buildSupplyPlace,
  ledgerMismatches,
  stockOf,
} from '../../testing/supply-builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let coat: string;
let water: string;

beforeAll(async () => {
  t = await createTestApp();
  const station = await buildOrg(t.db, { kind: 'station', name: '测试救助站', regionCode: '440204' });
  const make = async (
    name: string,
    role: 'supplies_keeper' | 'station_staff' | 'supervisor',
    regionCode: string,
    orgId?: string,
  ) => {
    const u = await buildUser(t.db, { role, regionCode, orgId: orgId ?? null });
    cookies[name] = await t.sessionFor(u.id);
  };
  await make('keeper', 'supplies_keeper', '440200');
  await make('wujiang', 'supplies_keeper', '440203');
  await make('station', 'station_staff', '440200', station.id);
  await make('supervisor', 'supervisor', '440200');
  coat = (await buildSupplyItem(t.db, { name: '棉衣（测试）', supplyKind: 'coat' })).id;
  water = (await buildSupplyItem(t.db, { name: '矿泉水（测试）', unit: 'bottle', supplyKind: 'water' })).id;
});
afterAll(() => t.close());

const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who]! } : {},
    ...(payload ? { payload } : {}),
  });

const balance = (placeId: string, itemId: string) => stockOf(t.db, placeId, itemId);

async function receive(placeId: string, lines: { itemId: string; quantity: number }[]) {
  const res = await call('keeper', 'POST', '/api/supplies/receipts', { placeId, lines });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('supply movements', () => {
  it('requires authentication', async () => {
    const res = await call(null, 'POST', '/api/supplies/receipts', { placeId: randomUUID(), lines: [] });
    expect(res.statusCode).toBe(401);
  });

  it('receives, transfers and issues to a team, each an event, stock = ledger, totals conserved', async () => {
    const warehouse = await buildSupplyPlace(t.db, { regionCode: '440200' });
    const store = await buildSupplyPlace(t.db, { kind: 'station', regionCode: '440204' });
    const crew = await buildTeam(t.db, { name: '物资测试一队' });
    const received = await receive(warehouse.id, [
      { itemId: coat, quantity: 100 },
      { itemId: water, quantity: 240 },
    ]);
    expect(received).toMatchObject({ kind: 'receive', to: { id: warehouse.id }, from: null });
    expect(received.lines).toHaveLength(2);

    const moved = await call('keeper', 'POST', '/api/supplies/transfers', {
      fromPlaceId: warehouse.id,
      toPlaceId: store.id,
      lines: [{ itemId: coat, quantity: 30 }],
      note: '站内过冬储备',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(
      moved
        .json()
        .lines.map((l: { quantity: number }) => l.quantity)
        .sort(),
    ).toEqual([-30, 30]);

    const issued = await call('keeper', 'POST', '/api/supplies/issues', {
      fromPlaceId: warehouse.id,
      teamId: crew.id,
      lines: [{ itemId: water, quantity: 40 }],
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({
      kind: 'issue',
      teamId: crew.id,
      to: { name: '物资测试一队巡查车' },
    });
    const [vehicle] = await t.db.select().from(supplyPlace).where(eq(supplyPlace.teamId, crew.id));
    expect(vehicle).toMatchObject({ kind: 'team_vehicle', regionCode: crew.regionCode });

    expect(await balance(warehouse.id, coat)).toBe(70);
    expect(await balance(store.id, coat)).toBe(30);
    expect(await balance(warehouse.id, water)).toBe(200);
    expect(await balance(vehicle!.id, water)).toBe(40);
    expect(await ledgerMismatches(t.db)).toEqual([]);
    const actions = await t.db
      .select({ action: event.action })
      .from(event)
      .where(eq(event.entityId, issued.json().id));
    expect(actions.map((a) => a.action)).toEqual(['supply.issued']);

    // The place's ledger says who, when, why and the other side.
    const ledger = (await call('supervisor', 'GET', `/api/supplies/places/${warehouse.id}/movements`)).json()
      .items;
    const entries = ledger.map((l: { kind: string; quantity: number; counterpart: string | null }) => [
      l.kind,
      l.quantity,
      l.counterpart,
    ]);
    expect(entries.slice(0, 2)).toEqual([
      ['issue', -40, '物资测试一队巡查车'],
      ['transfer', -30, store.name],
    ]);
    expect(entries.slice(2).sort()).toEqual([
      ['receive', 100, null],
      ['receive', 240, null],
    ]);
    expect(ledger[0].actorName).toMatch(/测试用户/);
  });

  it('refuses a movement beyond the stock with the item, what is there and what was asked, and changes nothing', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const other = await buildSupplyPlace(t.db, { regionCode: '440204' });
    await receive(place.id, [
      { itemId: coat, quantity: 5 },
      { itemId: water, quantity: 10 },
    ]);
    const events = async () => (await t.db.select({ n: count() }).from(event))[0]!.n;
    const before = await events();
    const res = await call('keeper', 'POST', '/api/supplies/transfers', {
      fromPlaceId: place.id,
      toPlaceId: other.id,
      lines: [
        { itemId: water, quantity: 10 },
        { itemId: coat, quantity: 6 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'STOCK_INSUFFICIENT',
      message: '库存不足，本次出库未执行',
      details: {
        shortages: [
          { placeId: place.id, itemId: coat, itemName: '棉衣（测试）', available: 5, requested: 6 },
        ],
      },
    });
    expect(await balance(place.id, water)).toBe(10);
    expect(await balance(other.id, water)).toBe(0);
    expect(await events()).toBe(before);
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });

  it('validates bodies with machine-readable codes', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    for (const [url, body] of [
      ['/api/supplies/receipts', { placeId: place.id, lines: [] }],
      ['/api/supplies/receipts', { placeId: place.id, lines: [{ itemId: coat, quantity: 0 }] }],
      ['/api/supplies/receipts', { placeId: place.id, lines: [{ itemId: coat, quantity: 1.5 }] }],
      ['/api/supplies/receipts', { placeId: 'x', lines: [{ itemId: coat, quantity: 1 }] }],
      [
        '/api/supplies/receipts',
        {
          placeId: place.id,
          lines: [
            { itemId: coat, quantity: 1 },
            { itemId: coat, quantity: 2 },
          ],
        },
      ],
      ['/api/supplies/adjustments', { placeId: place.id, lines: [{ itemId: coat, quantity: 1 }] }],
      [
        '/api/supplies/adjustments',
        { placeId: place.id, reason: 'lost', lines: [{ itemId: coat, quantity: 1 }] },
      ],
      [
        '/api/supplies/adjustments',
        { placeId: place.id, reason: 'damage', lines: [{ itemId: coat, quantity: 0 }] },
      ],
      [
        '/api/supplies/donations',
        {
          donorKind: 'bank',
          donorName: '某',
          receivedOn: '2026-12-01',
          placeId: place.id,
          lines: [{ itemId: coat, quantity: 1 }],
        },
      ],
    ] as const) {
      const res = await call('keeper', 'POST', url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const same = await call('keeper', 'POST', '/api/supplies/transfers', {
      fromPlaceId: place.id,
      toPlaceId: place.id,
      lines: [{ itemId: coat, quantity: 1 }],
    });
    expect(same.json().error.code).toBe('SUPPLY_SAME_PLACE');
    const unknownItem = await call('keeper', 'POST', '/api/supplies/receipts', {
      placeId: place.id,
      lines: [{ itemId: randomUUID(), quantity: 1 }],
    });
    expect(unknownItem.statusCode).toBe(400);
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });

  it('answers 404 for places outside the jurisdiction, and 403 to a supervisor', async () => {
    const zhenjiang = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const wujiang = await buildSupplyPlace(t.db, { regionCode: '440203' });
    await receive(zhenjiang.id, [{ itemId: coat, quantity: 3 }]);
    const lines = [{ itemId: coat, quantity: 1 }];
    for (const [url, body] of [
      ['/api/supplies/receipts', { placeId: zhenjiang.id, lines }],
      ['/api/supplies/transfers', { fromPlaceId: zhenjiang.id, toPlaceId: wujiang.id, lines }],
      ['/api/supplies/transfers', { fromPlaceId: wujiang.id, toPlaceId: zhenjiang.id, lines }],
      ['/api/supplies/adjustments', { placeId: zhenjiang.id, reason: 'damage', lines }],
    ] as const) {
      const res = await call('wujiang', 'POST', url, body);
      // The source outside: not found. The destination outside for a 武江 keeper: not found either.
      expect(res.statusCode, `${url} ${res.body}`).toBe(404);
    }
    expect((await call('wujiang', 'GET', `/api/supplies/places/${zhenjiang.id}`)).statusCode).toBe(404);
    expect((await call('wujiang', 'GET', `/api/supplies/places/${zhenjiang.id}/movements`)).statusCode).toBe(
      404,
    );
    expect(
      (await call('supervisor', 'POST', '/api/supplies/receipts', { placeId: zhenjiang.id, lines }))
        .statusCode,
    ).toBe(403);
    expect(await balance(zhenjiang.id, coat)).toBe(3);
  });

  it('stores a movement resent with its client id once, and refuses the id with another body', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const body = { placeId: place.id, lines: [{ itemId: water, quantity: 12 }], clientId: randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call('keeper', 'POST', '/api/supplies/receipts', body)),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(19);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await balance(place.id, water)).toBe(12);
    const stored = await t.db
      .select({ n: count() })
      .from(supplyMovement)
      .where(eq(supplyMovement.clientId, body.clientId));
    expect(stored[0]!.n).toBe(1);
    const reused = await call('keeper', 'POST', '/api/supplies/receipts', {
      ...body,
      lines: [{ itemId: water, quantity: 13 }],
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('adjusts with a reason: a count sets the book, a write-off takes away, beyond the stock is refused', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    await receive(place.id, [
      { itemId: coat, quantity: 20 },
      { itemId: water, quantity: 50 },
    ]);
    const counted = await call('keeper', 'POST', '/api/supplies/adjustments', {
      placeId: place.id,
      reason: 'stocktake',
      lines: [
        { itemId: coat, quantity: 17 },
        { itemId: water, quantity: 50 },
      ],
      note: '月末盘点',
    });
    expect(counted.statusCode, counted.body).toBe(201);
    // Only the difference is a ledger line; an item that matched the book adds none.
    expect(counted.json()).toMatchObject({
      kind: 'adjust',
      reason: 'stocktake',
      lines: [{ itemId: coat, quantity: -3 }],
    });
    const expired = await call('keeper', 'POST', '/api/supplies/adjustments', {
      placeId: place.id,
      reason: 'expiry',
      lines: [{ itemId: water, quantity: 6 }],
    });
    expect(expired.json().lines).toMatchObject([{ quantity: -6 }]);
    const tooMuch = await call('keeper', 'POST', '/api/supplies/adjustments', {
      placeId: place.id,
      reason: 'damage',
      lines: [{ itemId: coat, quantity: 18 }],
    });
    expect(tooMuch.json().error.code).toBe('STOCK_INSUFFICIENT');
    expect([await balance(place.id, coat), await balance(place.id, water)]).toEqual([17, 44]);
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });

  it('assembles warmth kits from their parts, and refuses an item that is not a kit', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const hat = await buildSupplyItem(t.db, { supplyKind: 'warmth_kit', unit: 'each' });
    const pad = await buildSupplyItem(t.db, { supplyKind: 'warmth_kit', unit: 'each' });
    const kit = await buildSupplyItem(t.db, {
      supplyKind: 'warmth_kit',
      unit: 'each',
      components: [
        { itemId: hat.id, quantity: 1 },
        { itemId: pad.id, quantity: 2 },
      ],
    });
    await receive(place.id, [
      { itemId: hat.id, quantity: 10 },
      { itemId: pad.id, quantity: 15 },
    ]);
    const made = await call('keeper', 'POST', '/api/supplies/assemblies', {
      placeId: place.id,
      kitItemId: kit.id,
      quantity: 7,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect([
      await balance(place.id, hat.id),
      await balance(place.id, pad.id),
      await balance(place.id, kit.id),
    ]).toEqual([3, 1, 7]);
    const short = await call('keeper', 'POST', '/api/supplies/assemblies', {
      placeId: place.id,
      kitItemId: kit.id,
      quantity: 1,
    });
    expect(short.json().error.details.shortages).toEqual([
      expect.objectContaining({ itemId: pad.id, available: 1, requested: 2 }),
    ]);
    const notKit = await call('keeper', 'POST', '/api/supplies/assemblies', {
      placeId: place.id,
      kitItemId: hat.id,
      quantity: 1,
    });
    expect(notKit.json().error.code).toBe('SUPPLY_NOT_A_KIT');
  });

  it('lets station staff hand out from their own station only', async () => {
    const stationOrg = (await t.db.execute<{ id: string }>(sql`SELECT id FROM org WHERE name = '测试救助站'`))
      .rows[0]!.id;
    const own = await buildSupplyPlace(t.db, { kind: 'station', orgId: stationOrg, regionCode: '440204' });
    const warehouse = await buildSupplyPlace(t.db, { regionCode: '440204' });
    await receive(own.id, [{ itemId: coat, quantity: 2 }]);
    await receive(warehouse.id, [{ itemId: coat, quantity: 2 }]);
    const { personId, stayId } = await buildStay(t.db, stationOrg);
    const personal = { lines: [{ itemId: coat, quantity: 1 }], stayId, personId };
    const ok = await call('station', 'POST', '/api/supplies/distributions', { placeId: own.id, ...personal });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'distribute', from: { id: own.id } });
    // A link to a stay that does not exist is refused, not a failed insert.
    const ghost = await call('station', 'POST', '/api/supplies/distributions', {
      placeId: own.id,
      lines: [{ itemId: coat, quantity: 1 }],
      stayId: randomUUID(),
    });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().error.code).toBe('VALIDATION_FAILED');
    const elsewhere = await call('station', 'POST', '/api/supplies/distributions', {
      placeId: warehouse.id,
      ...personal,
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('SUPPLY_PLACE_NOT_YOURS');
    expect(await balance(warehouse.id, coat)).toBe(2);
  });
});

describe('concurrency', () => {
  it('50 hand-outs of one from a stock of 20 at once: exactly 20 succeed, the stock ends at 0, never below', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    await receive(place.id, [{ itemId: coat, quantity: 20 }]);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        call('keeper', 'POST', '/api/supplies/distributions', {
          placeId: place.id,
          lines: [{ itemId: coat, quantity: 1 }],
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.filter((c) => c === 409)).toHaveLength(30);
    expect(
      answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'STOCK_INSUFFICIENT'),
    ).toBe(true);
    expect(await balance(place.id, coat)).toBe(0);
    const out = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM supply_movement WHERE kind = 'distribute' AND from_place_id = ${place.id}`,
    );
    expect(out.rows[0]!.n).toBe(20);
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });

  it('transfers racing both ways between places never deadlock, overdraw or lose a unit', async () => {
    const places = [
      await buildSupplyPlace(t.db, { regionCode: '440204' }),
      await buildSupplyPlace(t.db, { regionCode: '440204' }),
      await buildSupplyPlace(t.db, { regionCode: '440204' }),
    ];
    for (const p of places)
      await receive(p.id, [
        { itemId: coat, quantity: 30 },
        { itemId: water, quantity: 30 },
      ]);
    // Deterministic variety: every pair of places both ways, both items in either order, 1–12 units.
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const from = places[i % 3]!;
        const dest = places[(i + 1 + (i % 2)) % 3]!;
        const lines = [
          { itemId: i % 4 < 2 ? coat : water, quantity: 1 + (i % 12) },
          { itemId: i % 4 < 2 ? water : coat, quantity: 1 + ((i * 7) % 12) },
        ];
        return call('keeper', 'POST', '/api/supplies/transfers', {
          fromPlaceId: from.id,
          toPlaceId: dest.id,
          lines,
        });
      }),
    );
    for (const a of answers) expect([201, 409], a.body).toContain(a.statusCode);
    expect(answers.filter((a) => a.statusCode === 201).length).toBeGreaterThan(10);
    for (const item of [coat, water]) {
      const total = (await Promise.all(places.map((p) => balance(p.id, item)))).reduce((n, q) => n + q, 0);
      expect(total).toBe(90);
    }
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });

  it('issues racing to a team without a vehicle place make one place, and all arrive', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const crew = await buildTeam(t.db, { name: '并发测试队' });
    await receive(place.id, [{ itemId: water, quantity: 50 }]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call('keeper', 'POST', '/api/supplies/issues', {
          fromPlaceId: place.id,
          teamId: crew.id,
          lines: [{ itemId: water, quantity: 5 }],
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201));
    const vehicles = await t.db.select().from(supplyPlace).where(eq(supplyPlace.teamId, crew.id));
    expect(vehicles).toHaveLength(1);
    expect(await balance(vehicles[0]!.id, water)).toBe(50);
    expect(await balance(place.id, water)).toBe(0);
  });

  it('200 issues of one to a team at once from a stock of 100: exactly 100 go, never below zero, ledger = stock', async () => {
    const place = await buildSupplyPlace(t.db, { regionCode: '440204' });
    const crew = await buildTeam(t.db, { name: '二百并发测试队' });
    await receive(place.id, [{ itemId: coat, quantity: 100 }]);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        call('keeper', 'POST', '/api/supplies/issues', {
          fromPlaceId: place.id,
          teamId: crew.id,
          lines: [{ itemId: coat, quantity: 1 }],
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(100);
    expect(codes.filter((c) => c === 409)).toHaveLength(100);
    const [vehicle] = await t.db.select().from(supplyPlace).where(eq(supplyPlace.teamId, crew.id));
    expect(await balance(place.id, coat)).toBe(0);
    expect(await balance(vehicle!.id, coat)).toBe(100);
    expect(await ledgerMismatches(t.db)).toEqual([]);
  }, 60_000);
});
