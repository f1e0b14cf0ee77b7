import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, org, region, shelter, shelterCount, shelterKeeper } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type ShelterRow = typeof shelter.$inferSelect;
export type ShelterCountRow = typeof shelterCount.$inferSelect;
export interface ShelterListRow {
  shelter: ShelterRow;
  regionName: string;
  orgName: string | null;
}

type Scope = Pick<Actor, 'regionCode'>;
const active = sql`${shelter.status} IN ('open', 'full')`;

export function createShelterRepository(db: DbOrTx) {
  const withNames = () =>
    db
      .select({
        shelter,
        regionName: sql<string>`coalesce(${region.name}, ${shelter.regionCode})`,
        orgName: org.name,
      })
      .from(shelter)
      .leftJoin(region, eq(region.code, shelter.regionCode))
      .leftJoin(org, eq(org.id, shelter.orgId));

  return {
    list: (scope: Scope, where?: SQL) =>
      withNames()
        .where(and(inJurisdiction(shelter.regionCode, scope), where))
        .orderBy(asc(shelter.regionCode), asc(shelter.name)),

    findById: async (scope: Scope, id: string): Promise<ShelterListRow | null> =>
      (
        await withNames()
          .where(and(eq(shelter.id, id), inJurisdiction(shelter.regionCode, scope)))
          .limit(1)
      )[0] ?? null,

    /** The row, locked for the rest of the transaction (status and count change under it). */
    lock: async (id: string): Promise<ShelterRow | null> =>
      (await db.select().from(shelter).where(eq(shelter.id, id)).for('update').limit(1))[0] ?? null,

    nameTaken: async (regionCode: string, name: string, exceptId?: string) =>
      (
        await db
          .select({ id: shelter.id })
          .from(shelter)
          .where(
            and(
              eq(shelter.regionCode, regionCode),
              eq(shelter.name, name),
              exceptId ? sql`${shelter.id} <> ${exceptId}` : undefined,
            ),
          )
          .limit(1)
      ).length > 0,

    insert: (values: typeof shelter.$inferInsert) => db.insert(shelter).values(values),
    update: (id: string, values: Partial<typeof shelter.$inferInsert>) =>
      db.update(shelter).set(values).where(eq(shelter.id, id)),

    /** Keepers of these places, with the names a screen shows. */
    keepersOf: (shelterIds: string[]) =>
      shelterIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ shelterId: shelterKeeper.shelterId, id: appUser.id, displayName: appUser.displayName })
            .from(shelterKeeper)
            .innerJoin(appUser, eq(appUser.id, shelterKeeper.userId))
            .where(inArray(shelterKeeper.shelterId, shelterIds))
            .orderBy(asc(appUser.displayName)),

    setKeepers: async (shelterId: string, userIds: string[]) => {
      await db.delete(shelterKeeper).where(eq(shelterKeeper.shelterId, shelterId));
      if (userIds.length)
        await db.insert(shelterKeeper).values(userIds.map((userId) => ({ shelterId, userId })));
    },

    /** Users who may be named keepers: 场所管理员 and station staff inside the scope. */
    eligibleKeepers: (scope: Scope, userIds: string[]) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: appUser.id })
            .from(appUser)
            .where(
              and(
                inArray(appUser.id, userIds),
                inArray(appUser.role, ['shelter_keeper', 'station_staff']),
                eq(appUser.disabled, false),
                inJurisdiction(appUser.regionCode, scope),
              ),
            ),

    stationInScope: async (scope: Scope, orgId: string) =>
      (
        await db
          .select({ id: org.id })
          .from(org)
          .where(and(eq(org.id, orgId), eq(org.kind, 'station'), inJurisdiction(org.regionCode, scope)))
          .limit(1)
      ).length > 0,

    isKeeper: async (shelterId: string, userId: string) =>
      (
        await db
          .select({ userId: shelterKeeper.userId })
          .from(shelterKeeper)
          .where(and(eq(shelterKeeper.shelterId, shelterId), eq(shelterKeeper.userId, userId)))
          .limit(1)
      ).length > 0,

    /** The places a user keeps: named for them, or run by their station. */
    keptBy: (scope: Scope, userId: string, stationId: string | null) =>
      withNames()
        .where(
          and(
            inJurisdiction(shelter.regionCode, scope),
            sql`(${shelter.id} IN (SELECT ${shelterKeeper.shelterId} FROM ${shelterKeeper}
                 WHERE ${shelterKeeper.userId} = ${userId})
                 ${stationId ? sql`OR ${shelter.orgId} = ${stationId}` : sql``})`,
          ),
        )
        .orderBy(asc(shelter.name)),

    /** Stores a count once per client id; true when this call stored it. */
    insertCount: async (values: typeof shelterCount.$inferInsert) =>
      (
        await db
          .insert(shelterCount)
          .values(values)
          .onConflictDoNothing({ target: shelterCount.clientId })
          .returning({ id: shelterCount.id })
      ).length === 1,

    countByClientId: async (clientId: string): Promise<ShelterCountRow | null> =>
      (await db.select().from(shelterCount).where(eq(shelterCount.clientId, clientId)).limit(1))[0] ?? null,

    counts: (shelterId: string, limit: number) =>
      db
        .select({ count: shelterCount, userName: appUser.displayName })
        .from(shelterCount)
        .leftJoin(appUser, eq(appUser.id, shelterCount.userId))
        .where(eq(shelterCount.shelterId, shelterId))
        .orderBy(desc(shelterCount.at))
        .limit(limit),

    /** Every open or full place that counts people, anywhere (the capacity sweep at 08:00 and 20:00). */
    activeCounted: () =>
      db
        .select({ id: shelter.id })
        .from(shelter)
        .where(and(active, sql`(${shelter.capacityDay} > 0 OR ${shelter.capacityNight} > 0)`)),
  };
}
export type ShelterRepository = ReturnType<typeof createShelterRepository>;
