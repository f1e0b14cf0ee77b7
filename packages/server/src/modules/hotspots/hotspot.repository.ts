import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { hotspot, hotspotCheckin, region, team } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type HotspotRow = typeof hotspot.$inferSelect;
export type CheckinRow = typeof hotspotCheckin.$inferSelect;

export function createHotspotRepository(db: DbOrTx) {
  const withRegion = () =>
    db
      .select({ hotspot, regionName: sql<string>`coalesce(${region.name}, ${hotspot.regionCode})` })
      .from(hotspot)
      .leftJoin(region, eq(region.code, hotspot.regionCode));

  return {
    list: (actor: Pick<Actor, 'regionCode'>) => withRegion().where(inJurisdiction(hotspot.regionCode, actor)),

    findById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await withRegion()
          .where(and(eq(hotspot.id, id), inJurisdiction(hotspot.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    nameTaken: async (regionCode: string, name: string, exceptId?: string) =>
      (
        await db
          .select({ id: hotspot.id })
          .from(hotspot)
          .where(
            and(
              eq(hotspot.regionCode, regionCode),
              eq(hotspot.name, name),
              exceptId ? sql`${hotspot.id} <> ${exceptId}` : undefined,
            ),
          )
          .limit(1)
      ).length > 0,

    insert: (values: typeof hotspot.$inferInsert) => db.insert(hotspot).values(values),
    update: (id: string, values: Partial<typeof hotspot.$inferInsert>) =>
      db.update(hotspot).set(values).where(eq(hotspot.id, id)),

    /** A visit within reach moves "last visited" forward, never back (a late resend is older). */
    markVisited: (id: string, at: Date, peopleSeen: number | null) =>
      db
        .update(hotspot)
        .set({
          lastVisitedAt: sql`greatest(${hotspot.lastVisitedAt}, ${at.toISOString()}::timestamptz)`,
          ...(peopleSeen === null ? {} : { usualCount: peopleSeen }),
        })
        .where(eq(hotspot.id, id)),

    /** Stores a check-in once per client id; true when this call stored it. */
    insertCheckin: async (values: typeof hotspotCheckin.$inferInsert) =>
      (
        await db
          .insert(hotspotCheckin)
          .values(values)
          .onConflictDoNothing({ target: hotspotCheckin.clientId })
          .returning({ id: hotspotCheckin.id })
      ).length === 1,

    checkinByClientId: async (clientId: string) =>
      (await db.select().from(hotspotCheckin).where(eq(hotspotCheckin.clientId, clientId)).limit(1))[0] ??
      null,

    /** Check-ins with the names a screen shows, newest first. */
    checkins: (where: { hotspotId?: string; clientId?: string }, limit: number) =>
      db
        .select({ checkin: hotspotCheckin, hotspotName: hotspot.name, teamName: team.name })
        .from(hotspotCheckin)
        .innerJoin(hotspot, eq(hotspot.id, hotspotCheckin.hotspotId))
        .leftJoin(team, eq(team.id, hotspotCheckin.teamId))
        .where(
          and(
            where.hotspotId ? eq(hotspotCheckin.hotspotId, where.hotspotId) : undefined,
            where.clientId ? eq(hotspotCheckin.clientId, where.clientId) : undefined,
          ),
        )
        .orderBy(desc(hotspotCheckin.at))
        .limit(limit),
  };
}
