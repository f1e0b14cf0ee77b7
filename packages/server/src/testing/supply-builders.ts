import type { SupplyKind, SupplyPlaceKind, SupplyUnit } from '@warmline/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';
import { person, stay, supplyItem, supplyKitComponent, supplyPlace, supplyStock } from '../db/schema.ts';
import { uuidV7Ids } from '../platform/ids.ts';

let serial = 0;

/** A catalogue item: a coat (件) unless told otherwise; `components` makes it a kit. */
export async function buildSupplyItem(
  db: Db,
  values: {
    name?: string;
    unit?: SupplyUnit;
    supplyKind?: SupplyKind;
    components?: { itemId: string; quantity: number }[];
  } = {},
): Promise<typeof supplyItem.$inferSelect> {
  serial += 1;
  const { components = [], ...rest } = values;
  const [row] = await db
    .insert(supplyItem)
    .values({
      id: uuidV7Ids.next(),
      name: `测试物品${serial}-${Math.random().toString(36).slice(2, 6)}`,
      unit: 'piece',
      supplyKind: 'coat',
      isKit: components.length > 0,
      ...rest,
    })
    .returning();
  if (components.length)
    await db.insert(supplyKitComponent).values(components.map((c) => ({ kitId: row!.id, ...c })));
  return row!;
}

/** A warehouse in 浈江区 unless told otherwise (a team vehicle needs its `teamId`). */
export async function buildSupplyPlace(
  db: Db,
  values: Partial<typeof supplyPlace.$inferInsert> & { kind?: SupplyPlaceKind } = {},
): Promise<typeof supplyPlace.$inferSelect> {
  serial += 1;
  const [row] = await db
    .insert(supplyPlace)
    .values({
      id: uuidV7Ids.next(),
      name: `测试仓库${serial}-${Math.random().toString(36).slice(2, 6)}`,
      kind: 'warehouse',
      regionCode: '440204',
      ...values,
    })
    .returning();
  return row!;
}

/**
 * Opening stock written straight into the balance table, for tests of what reads it. Tests of
 * the ledger itself receive stock through the API instead, so the ledger and balances agree.
 */
export async function setStock(
  db: Db,
  placeId: string,
  itemId: string,
  quantity: number,
  minQuantity?: number,
) {
  await db
    .insert(supplyStock)
    .values({ placeId, itemId, quantity, minQuantity: minQuantity ?? null })
    .onConflictDoUpdate({ target: [supplyStock.placeId, supplyStock.itemId], set: { quantity } });
}

/** Every balance is the sum of its ledger lines, and no balance is below zero. */
export async function ledgerMismatches(db: Db): Promise<unknown[]> {
  const result = await db.execute(sql`
    SELECT coalesce(s.place_id, l.place_id) AS place_id, coalesce(s.item_id, l.item_id) AS item_id,
           s.quantity AS balance, coalesce(l.total, 0) AS ledger
    FROM supply_stock s
    FULL JOIN (SELECT place_id, item_id, sum(quantity)::int AS total FROM supply_movement_line GROUP BY 1, 2) l
      ON l.place_id = s.place_id AND l.item_id = s.item_id
    WHERE s.quantity IS DISTINCT FROM coalesce(l.total, 0) OR s.quantity < 0`);
  return result.rows;
}

/** What a place holds of an item (0 when it has no row). */
export async function stockOf(db: Db, placeId: string, itemId: string): Promise<number> {
  const [row] = await db
    .select({ q: supplyStock.quantity })
    .from(supplyStock)
    .where(and(eq(supplyStock.placeId, placeId), eq(supplyStock.itemId, itemId)));
  return row?.q ?? 0;
}

/** A person staying at a station (an admitted walk-in), for hand-outs linked to a stay. */
export async function buildStay(db: Db, orgId: string, regionCode = '440204') {
  const personId = uuidV7Ids.next();
  await db
    .insert(person)
    .values({ id: personId, tempNumber: `LS-T-${personId.slice(-8)}`, regionCode, sex: 'male' });
  const stayId = uuidV7Ids.next();
  await db.insert(stay).values({
    id: stayId,
    orgId,
    regionCode,
    personId,
    arrivalKind: 'walk_in',
    state: 'admitted',
    triageFacts: [],
    triageRoute: 'admit',
    notifyPolice: false,
    sex: 'male',
    arrivedAt: new Date('2026-12-15T18:00:00+08:00'),
  });
  return { personId, stayId };
}
