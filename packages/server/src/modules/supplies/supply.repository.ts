import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import {
  org,
  region,
  supplyItem,
  supplyKitComponent,
  supplyPlace,
  supplyStock,
  team,
  teamMember,
} from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type ItemRow = typeof supplyItem.$inferSelect;
export type PlaceRow = typeof supplyPlace.$inferSelect;

type Scope = Pick<Actor, 'regionCode'>;

/** The catalogue (shared), places and stock (scoped by the place's region), teams' vehicles. */
export function createSupplyRepository(db: DbOrTx) {
  const stockTotals = db
    .select({
      placeId: supplyStock.placeId,
      itemCount: sql<number>`count(*) FILTER (WHERE ${supplyStock.quantity} > 0)::int`.as('item_count'),
      totalQuantity: sql<number>`coalesce(sum(${supplyStock.quantity}), 0)::int`.as('total_quantity'),
      lowCount:
        sql<number>`count(*) FILTER (WHERE ${supplyStock.quantity} < ${supplyStock.minQuantity})::int`.as(
          'low_count',
        ),
    })
    .from(supplyStock)
    .groupBy(supplyStock.placeId)
    .as('totals');

  const places = (actor: Scope, ...where: (SQL | undefined)[]) =>
    db
      .select({
        place: supplyPlace,
        regionName: sql<string>`coalesce(${region.name}, ${supplyPlace.regionCode})`,
        orgName: org.name,
        teamName: team.name,
        itemCount: sql<number>`coalesce(${stockTotals.itemCount}, 0)`,
        totalQuantity: sql<number>`coalesce(${stockTotals.totalQuantity}, 0)`,
        lowCount: sql<number>`coalesce(${stockTotals.lowCount}, 0)`,
      })
      .from(supplyPlace)
      .leftJoin(region, eq(region.code, supplyPlace.regionCode))
      .leftJoin(org, eq(org.id, supplyPlace.orgId))
      .leftJoin(team, eq(team.id, supplyPlace.teamId))
      .leftJoin(stockTotals, eq(stockTotals.placeId, supplyPlace.id))
      .where(and(inJurisdiction(supplyPlace.regionCode, actor), ...where));

  const stock = (...where: (SQL | undefined)[]) =>
    db
      .select({ stock: supplyStock, item: supplyItem, place: supplyPlace })
      .from(supplyStock)
      .innerJoin(supplyItem, eq(supplyItem.id, supplyStock.itemId))
      .innerJoin(supplyPlace, eq(supplyPlace.id, supplyStock.placeId))
      .where(and(...where))
      .orderBy(asc(supplyPlace.name), asc(supplyItem.name));

  return {
    items: () => db.select().from(supplyItem).orderBy(asc(supplyItem.supplyKind), asc(supplyItem.name)),
    itemsByIds: (ids: string[]) =>
      ids.length ? db.select().from(supplyItem).where(inArray(supplyItem.id, ids)) : Promise.resolve([]),
    components: (kitIds?: string[]) =>
      db
        .select({
          kitId: supplyKitComponent.kitId,
          itemId: supplyKitComponent.itemId,
          name: supplyItem.name,
          quantity: supplyKitComponent.quantity,
        })
        .from(supplyKitComponent)
        .innerJoin(supplyItem, eq(supplyItem.id, supplyKitComponent.itemId))
        .where(kitIds ? inArray(supplyKitComponent.kitId, kitIds) : undefined)
        .orderBy(asc(supplyItem.name)),
    itemNameTaken: async (name: string) =>
      (await db.select({ id: supplyItem.id }).from(supplyItem).where(eq(supplyItem.name, name)).limit(1))
        .length > 0,
    insertItem: (values: typeof supplyItem.$inferInsert) => db.insert(supplyItem).values(values),
    insertComponents: (rows: (typeof supplyKitComponent.$inferInsert)[]) =>
      rows.length ? db.insert(supplyKitComponent).values(rows) : Promise.resolve(),

    places: (actor: Scope, kind?: string) =>
      places(actor, kind ? eq(supplyPlace.kind, kind) : undefined).orderBy(
        asc(supplyPlace.kind),
        asc(supplyPlace.name),
      ),
    placeById: async (actor: Scope, id: string) =>
      (await places(actor, eq(supplyPlace.id, id)).limit(1))[0] ?? null,
    /** A place by id, in scope, as a plain row (movements read this inside their transaction). */
    placeRow: async (actor: Scope, id: string) =>
      (
        await db
          .select()
          .from(supplyPlace)
          .where(and(eq(supplyPlace.id, id), inJurisdiction(supplyPlace.regionCode, actor)))
          .limit(1)
      )[0] ?? null,
    placeNameTaken: async (regionCode: string, name: string) =>
      (
        await db
          .select({ id: supplyPlace.id })
          .from(supplyPlace)
          .where(and(eq(supplyPlace.regionCode, regionCode), eq(supplyPlace.name, name)))
          .limit(1)
      ).length > 0,
    insertPlace: (values: typeof supplyPlace.$inferInsert) => db.insert(supplyPlace).values(values),
    /**
     * The vehicle place of a team, made once: a concurrent call waits for the first and finds its
     * row. Null when the name is taken by another place of the region.
     */
    ensureTeamPlace: async (values: typeof supplyPlace.$inferInsert & { teamId: string }) => {
      // No conflict target: a race on the team and one on the (region, name) index both do nothing.
      const made = await db
        .insert(supplyPlace)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: supplyPlace.id });
      const [row] = await db.select().from(supplyPlace).where(eq(supplyPlace.teamId, values.teamId));
      return row ? { place: row, created: made.length === 1 } : null;
    },

    stockRows: (actor: Scope, f: { kind?: string | undefined; placeId?: string | undefined }) =>
      stock(
        inJurisdiction(supplyPlace.regionCode, actor),
        f.kind ? eq(supplyPlace.kind, f.kind) : undefined,
        f.placeId ? eq(supplyPlace.id, f.placeId) : undefined,
      ),
    lowStock: (actor: Scope) =>
      stock(
        inJurisdiction(supplyPlace.regionCode, actor),
        isNotNull(supplyStock.minQuantity),
        sql`${supplyStock.quantity} < ${supplyStock.minQuantity}`,
      ),
    setMinQuantity: (placeId: string, itemId: string, minQuantity: number | null, at: Date) =>
      db
        .insert(supplyStock)
        .values({ placeId, itemId, quantity: 0, minQuantity, updatedAt: at })
        .onConflictDoUpdate({
          target: [supplyStock.placeId, supplyStock.itemId],
          set: { minQuantity, updatedAt: at },
        }),

    /** Patrol teams in scope with their vehicle place, if they have one yet. */
    teams: (actor: Scope, id?: string) =>
      db
        .select({
          id: team.id,
          name: team.name,
          regionCode: team.regionCode,
          vehicle: team.vehicle,
          placeId: supplyPlace.id,
        })
        .from(team)
        .leftJoin(supplyPlace, eq(supplyPlace.teamId, team.id))
        .where(and(inJurisdiction(team.regionCode, actor), id ? eq(team.id, id) : undefined))
        .orderBy(asc(team.name)),
    isTeamMember: async (userId: string, teamId: string) =>
      (
        await db
          .select({ id: teamMember.id })
          .from(teamMember)
          .where(and(eq(teamMember.userId, userId), eq(teamMember.teamId, teamId)))
          .limit(1)
      ).length > 0,
    orgById: async (actor: Scope, id: string) =>
      (
        await db
          .select({ id: org.id, kind: org.kind, regionCode: org.regionCode })
          .from(org)
          .where(and(eq(org.id, id), inJurisdiction(org.regionCode, actor)))
      )[0] ?? null,
  };
}
export type SupplyRepository = ReturnType<typeof createSupplyRepository>;
