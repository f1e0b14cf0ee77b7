import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, supplyDiscrepancy, supplyMovement, supplyPlace } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { createEventRecorder } from '../../platform/events.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
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
import { createMovementService, type MovementService } from './movement.service.ts';

/** distributeInTx as the encounters module will call it: inside its own transaction. */
let t: TestApp;
let service: MovementService;
let patrol: Actor;
let keeper: Actor;
const items = { coat: '', water: '', kit: '', hat: '' };

beforeAll(async () => {
  t = await createTestApp();
  service = createMovementService({
    db: t.db,
    clock: t.clock,
    ids: uuidV7Ids,
    recordEvent: createEventRecorder({ clock: t.clock, ids: uuidV7Ids }),
  });
  const p = await buildUser(t.db, { role: 'patrol_member', regionCode: '440200' });
  patrol = { id: p.id, role: 'patrol_member', regionCode: '440200' };
  const k = await buildUser(t.db, { role: 'supplies_keeper', regionCode: '440200' });
  keeper = { id: k.id, role: 'supplies_keeper', regionCode: '440200' };
  items.coat = (await buildSupplyItem(t.db, { supplyKind: 'coat' })).id;
  items.water = (await buildSupplyItem(t.db, { supplyKind: 'water', unit: 'bottle' })).id;
  items.hat = (await buildSupplyItem(t.db, { supplyKind: 'warmth_kit', unit: 'each' })).id;
  items.kit = (
    await buildSupplyItem(t.db, {
      supplyKind: 'warmth_kit',
      unit: 'each',
      components: [{ itemId: items.hat, quantity: 1 }],
    })
  ).id;
});
afterAll(() => t.close());

const ctx = (actor: Actor) => ({ actor, requestId: 'test' });

/** A team whose vehicle received this stock through the ledger. */
async function stockedTeam(lines: { itemId: string; quantity: number }[]) {
  const crew = await buildTeam(t.db, {});
  const warehouse = await buildSupplyPlace(t.db, { regionCode: '440204' });
  await service.receive(ctx(keeper), { placeId: warehouse.id, lines });
  await service.issue(ctx(keeper), { fromPlaceId: warehouse.id, teamId: crew.id, lines });
  const [vehicle] = await t.db.select().from(supplyPlace).where(eq(supplyPlace.teamId, crew.id));
  return { team: crew, vehicle: vehicle! };
}

const balance = (placeId: string, itemId: string) => stockOf(t.db, placeId, itemId);

describe('distributeInTx', () => {
  it('books what the vehicle had, returns the shortfall and raises it as 账实不符, never throwing for stock', async () => {
    const { team, vehicle } = await stockedTeam([
      { itemId: items.coat, quantity: 2 },
      { itemId: items.kit, quantity: 1 },
      { itemId: items.hat, quantity: 5 },
    ]);
    const { personId } = await buildStay(t.db, (await buildOrg(t.db, { kind: 'station' })).id);
    const at = new Date(t.clock.now().getTime() - 5 * 3_600_000);
    const result = await t.db.transaction((tx) =>
      service.distributeInTx(tx, ctx(patrol), {
        teamId: team.id,
        lines: [
          { supplyKind: 'coat', quantity: 3 },
          { supplyKind: 'warmth_kit', quantity: 2 },
          { supplyKind: 'water', quantity: 1 },
        ],
        personId,
        clientId: randomUUID(),
        at,
      }),
    );
    expect(result).toMatchObject({ created: true, placeId: vehicle.id });
    expect(result.given).toEqual(
      expect.arrayContaining([
        { itemId: items.coat, supplyKind: 'coat', quantity: 2 },
        { itemId: items.kit, supplyKind: 'warmth_kit', quantity: 1 },
      ]),
    );
    expect(result.given).toHaveLength(2);
    expect(result.shortfall).toEqual([
      { supplyKind: 'coat', itemId: null, quantity: 1 },
      { supplyKind: 'warmth_kit', itemId: null, quantity: 1 },
      { supplyKind: 'water', itemId: null, quantity: 1 },
    ]);
    // The kit's loose parts were not handed out as a kit.
    expect([
      await balance(vehicle.id, items.coat),
      await balance(vehicle.id, items.kit),
      await balance(vehicle.id, items.hat),
    ]).toEqual([0, 0, 5]);
    const [movement] = await t.db
      .select()
      .from(supplyMovement)
      .where(eq(supplyMovement.id, result.movementId));
    expect(movement).toMatchObject({ kind: 'distribute', personId, actorId: patrol.id, at });
    const raised = await t.db
      .select()
      .from(supplyDiscrepancy)
      .where(eq(supplyDiscrepancy.movementId, result.movementId));
    expect(raised.map((d) => [d.supplyKind, d.quantity]).sort()).toEqual([
      ['coat', 1],
      ['warmth_kit', 1],
      ['water', 1],
    ]);
    const actions = (await t.db.select().from(event).where(eq(event.entityId, result.movementId))).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['supply.discrepancy_raised', 'supply.distributed']);
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });

  it('returns the stored result for a client id seen before, and writes nothing again', async () => {
    const { team } = await stockedTeam([{ itemId: items.water, quantity: 3 }]);
    const input = {
      teamId: team.id,
      lines: [{ supplyKind: 'water' as const, quantity: 4 }],
      clientId: randomUUID(),
    };
    const first = await t.db.transaction((tx) => service.distributeInTx(tx, ctx(patrol), input));
    const again = await t.db.transaction((tx) => service.distributeInTx(tx, ctx(patrol), input));
    expect(again).toEqual({ ...first, created: false });
    const movements = await t.db
      .select({ n: count() })
      .from(supplyMovement)
      .where(eq(supplyMovement.clientId, input.clientId));
    expect(movements[0]!.n).toBe(1);
    const other = t.db.transaction((tx) =>
      service.distributeInTx(tx, ctx(patrol), { ...input, lines: [{ supplyKind: 'water', quantity: 1 }] }),
    );
    await expect(other).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it("belongs to the caller's transaction: rolled back with it, nothing is left", async () => {
    const { team, vehicle } = await stockedTeam([{ itemId: items.coat, quantity: 2 }]);
    const failing = t.db.transaction(async (tx) => {
      await service.distributeInTx(tx, ctx(patrol), {
        teamId: team.id,
        lines: [{ itemId: items.coat, quantity: 5 }],
      });
      throw new Error('the encounter failed after the hand-out');
    });
    await expect(failing).rejects.toThrow('the encounter failed');
    expect(await balance(vehicle.id, items.coat)).toBe(2);
    expect(
      (
        await t.db
          .select({ n: count() })
          .from(supplyDiscrepancy)
          .where(eq(supplyDiscrepancy.placeId, vehicle.id))
      )[0]!.n,
    ).toBe(0);
  });

  it('makes the vehicle place of a team that has none (all short), and refuses a team outside the jurisdiction', async () => {
    const crew = await buildTeam(t.db, {});
    const result = await t.db.transaction((tx) =>
      service.distributeInTx(tx, ctx(patrol), {
        teamId: crew.id,
        lines: [{ supplyKind: 'food', quantity: 2 }],
      }),
    );
    expect(result.given).toEqual([]);
    expect(result.shortfall).toEqual([{ supplyKind: 'food', itemId: null, quantity: 2 }]);
    expect((await t.db.select().from(supplyPlace).where(eq(supplyPlace.teamId, crew.id)))[0]!.kind).toBe(
      'team_vehicle',
    );
    const guangzhou = await buildTeam(t.db, { regionCode: '440106' });
    const outside = t.db.transaction((tx) =>
      service.distributeInTx(tx, ctx(patrol), {
        teamId: guangzhou.id,
        lines: [{ supplyKind: 'food', quantity: 1 }],
      }),
    );
    await expect(outside).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const neither = t.db.transaction((tx) => service.distributeInTx(tx, ctx(patrol), { lines: [] }));
    await expect(neither).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const unknown = t.db.transaction((tx) =>
      service.distributeInTx(tx, ctx(patrol), {
        teamId: crew.id,
        lines: [{ itemId: randomUUID(), quantity: 1 }],
      }),
    );
    await expect(unknown).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('30 hand-outs at once from a vehicle with 10: 10 booked, 20 short, stock 0', async () => {
    const { team, vehicle } = await stockedTeam([{ itemId: items.water, quantity: 10 }]);
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.db.transaction((tx) =>
          service.distributeInTx(tx, ctx(patrol), {
            teamId: team.id,
            lines: [{ supplyKind: 'water', quantity: 1 }],
          }),
        ),
      ),
    );
    const given = results.flatMap((r) => r.given).reduce((n, g) => n + g.quantity, 0);
    const short = results.flatMap((r) => r.shortfall).reduce((n, s) => n + s.quantity, 0);
    expect([given, short]).toEqual([10, 20]);
    expect(await balance(vehicle.id, items.water)).toBe(0);
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });
});
