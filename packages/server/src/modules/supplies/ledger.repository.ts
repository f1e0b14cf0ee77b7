import type { LedgerLine } from '@warmline/domain';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/pool.ts';
import {
  appUser,
  supplyDiscrepancy,
  supplyDonation,
  supplyItem,
  supplyMovement,
  supplyMovementLine,
  supplyPlace,
  team,
} from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type MovementRow = typeof supplyMovement.$inferSelect;

const fromPlace = alias(supplyPlace, 'from_place');
const toPlace = alias(supplyPlace, 'to_place');

/** The ledger's writes (only ever inside a movement's transaction) and its reads. */
export function createLedgerRepository(db: DbOrTx) {
  return {
    /** Stores a movement once per client id: false when that id was stored already. */
    insertMovement: async (values: typeof supplyMovement.$inferInsert) =>
      (
        await db
          .insert(supplyMovement)
          .values(values)
          .onConflictDoNothing({ target: supplyMovement.clientId })
          .returning({ id: supplyMovement.id })
      ).length === 1,
    movementByClientId: async (clientId: string) =>
      (await db.select().from(supplyMovement).where(eq(supplyMovement.clientId, clientId)))[0] ?? null,

    insertLines: (movementId: string, lines: LedgerLine[]) =>
      lines.length
        ? db.insert(supplyMovementLine).values(lines.map((l) => ({ movementId, ...l })))
        : Promise.resolve(),

    /** A movement with its places and the name of who made it. */
    movement: async (id: string) =>
      (
        await db
          .select({
            movement: supplyMovement,
            actorName: appUser.displayName,
            fromName: fromPlace.name,
            toName: toPlace.name,
          })
          .from(supplyMovement)
          .leftJoin(appUser, eq(appUser.id, supplyMovement.actorId))
          .leftJoin(fromPlace, eq(fromPlace.id, supplyMovement.fromPlaceId))
          .leftJoin(toPlace, eq(toPlace.id, supplyMovement.toPlaceId))
          .where(eq(supplyMovement.id, id))
      )[0] ?? null,
    linesOf: (movementIds: string[]) =>
      db
        .select({ line: supplyMovementLine, itemName: supplyItem.name, unit: supplyItem.unit })
        .from(supplyMovementLine)
        .innerJoin(supplyItem, eq(supplyItem.id, supplyMovementLine.itemId))
        .where(inArray(supplyMovementLine.movementId, movementIds))
        .orderBy(asc(supplyMovementLine.quantity), asc(supplyItem.name)),

    /** A place's ledger, newest first, each line with the other side of its movement. */
    ledgerOf: (placeId: string, limit: number) =>
      db
        .select({
          line: supplyMovementLine,
          movement: supplyMovement,
          item: supplyItem,
          actorName: appUser.displayName,
          fromName: fromPlace.name,
          toName: toPlace.name,
          teamName: team.name,
          donorName: supplyDonation.donorName,
        })
        .from(supplyMovementLine)
        .innerJoin(supplyMovement, eq(supplyMovement.id, supplyMovementLine.movementId))
        .innerJoin(supplyItem, eq(supplyItem.id, supplyMovementLine.itemId))
        .leftJoin(appUser, eq(appUser.id, supplyMovement.actorId))
        .leftJoin(fromPlace, eq(fromPlace.id, supplyMovement.fromPlaceId))
        .leftJoin(toPlace, eq(toPlace.id, supplyMovement.toPlaceId))
        .leftJoin(team, eq(team.id, supplyMovement.teamId))
        .leftJoin(supplyDonation, eq(supplyDonation.movementId, supplyMovement.id))
        .where(eq(supplyMovementLine.placeId, placeId))
        .orderBy(desc(supplyMovement.at), desc(supplyMovement.id), asc(supplyItem.name))
        .limit(limit),

    insertDonation: (values: typeof supplyDonation.$inferInsert) => db.insert(supplyDonation).values(values),
    donations: (actor: Pick<Actor, 'regionCode'>, movementId?: string) =>
      db
        .select({ donation: supplyDonation, placeName: supplyPlace.name })
        .from(supplyDonation)
        .innerJoin(supplyPlace, eq(supplyPlace.id, supplyDonation.placeId))
        .where(
          and(
            inJurisdiction(supplyDonation.regionCode, actor),
            movementId ? eq(supplyDonation.movementId, movementId) : undefined,
          ),
        )
        .orderBy(desc(supplyDonation.receivedOn), desc(supplyDonation.id))
        .limit(200),

    insertDiscrepancies: (rows: (typeof supplyDiscrepancy.$inferInsert)[]) =>
      rows.length ? db.insert(supplyDiscrepancy).values(rows) : Promise.resolve(),
    discrepanciesOf: (movementId: string) =>
      db.select().from(supplyDiscrepancy).where(eq(supplyDiscrepancy.movementId, movementId)),
    openDiscrepancies: (actor: Pick<Actor, 'regionCode'>, id?: string) =>
      db
        .select({ d: supplyDiscrepancy, placeName: supplyPlace.name, itemName: supplyItem.name })
        .from(supplyDiscrepancy)
        .innerJoin(supplyPlace, eq(supplyPlace.id, supplyDiscrepancy.placeId))
        .leftJoin(supplyItem, eq(supplyItem.id, supplyDiscrepancy.itemId))
        .where(
          and(
            inJurisdiction(supplyDiscrepancy.regionCode, actor),
            id ? eq(supplyDiscrepancy.id, id) : isNull(supplyDiscrepancy.resolvedAt),
          ),
        )
        .orderBy(desc(supplyDiscrepancy.raisedAt)),
    /** Resolves an open discrepancy; false when it was resolved already. */
    resolveDiscrepancy: async (id: string, by: string, at: Date, note: string | null) =>
      (
        await db
          .update(supplyDiscrepancy)
          .set({ resolvedAt: at, resolvedBy: by, resolutionNote: note })
          .where(and(eq(supplyDiscrepancy.id, id), isNull(supplyDiscrepancy.resolvedAt)))
          .returning({ id: supplyDiscrepancy.id })
      ).length === 1,
  };
}

/**
 * Locks the stock rows of these (place, item) pairs, making missing ones at zero, and returns
 * their balances. One statement, its VALUES in lock order (place id, item id): the upsert takes
 * each row's lock in that order, so two movements over the same rows queue instead of
 * deadlocking, and a balance read here cannot change before this transaction ends.
 */
export async function lockStock(
  tx: Tx,
  keys: { placeId: string; itemId: string }[],
  at: Date,
): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  if (!keys.length) return balances;
  const values = sql.join(
    keys.map((k) => sql`(${k.placeId}::uuid, ${k.itemId}::uuid, 0, ${at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await tx.execute<{ place_id: string; item_id: string; quantity: number }>(sql`
    INSERT INTO supply_stock (place_id, item_id, quantity, updated_at) VALUES ${values}
    ON CONFLICT (place_id, item_id) DO UPDATE SET quantity = supply_stock.quantity
    RETURNING place_id, item_id, quantity`);
  for (const r of rows.rows) balances.set(`${r.place_id}|${r.item_id}`, Number(r.quantity));
  return balances;
}

/** Writes the new balances of rows locked by `lockStock` in this transaction. */
export async function writeStock(tx: Tx, after: LedgerLine[], at: Date): Promise<void> {
  if (!after.length) return;
  const values = sql.join(
    after.map((l) => sql`(${l.placeId}::uuid, ${l.itemId}::uuid, ${l.quantity}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE supply_stock s SET quantity = v.quantity, updated_at = ${at.toISOString()}::timestamptz
    FROM (VALUES ${values}) AS v(place_id, item_id, quantity)
    WHERE s.place_id = v.place_id AND s.item_id = v.item_id`);
}
