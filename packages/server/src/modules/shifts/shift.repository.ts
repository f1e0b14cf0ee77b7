import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { encounter, event, hotspotCheckin, shift, team } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type ShiftRow = typeof shift.$inferSelect;

export function createShiftRepository(db: DbOrTx) {
  const withTeam = () =>
    db.select({ shift, teamName: team.name }).from(shift).innerJoin(team, eq(team.id, shift.teamId));
  return {
    openOf: async (teamId: string) =>
      (
        await withTeam()
          .where(and(eq(shift.teamId, teamId), isNull(shift.endedAt)))
          .limit(1)
      )[0] ?? null,

    list: (actor: Pick<Actor, 'regionCode'>, from: Date | null, to: Date | null) =>
      withTeam()
        .where(
          and(
            inJurisdiction(shift.regionCode, actor),
            from ? gte(shift.startedAt, from) : undefined,
            to ? lt(shift.startedAt, to) : undefined,
          ),
        )
        .orderBy(desc(shift.startedAt))
        .limit(500),

    /** Check-ins and encounters per shift, and the hotspots each shift reached. */
    activityOf: async (shiftIds: string[]) => {
      if (shiftIds.length === 0) return { checkins: [], encounters: [] };
      const [checkins, encounters] = await Promise.all([
        db
          .select({
            shiftId: hotspotCheckin.shiftId,
            hotspotId: hotspotCheckin.hotspotId,
            tooFar: hotspotCheckin.tooFar,
          })
          .from(hotspotCheckin)
          .where(inArray(hotspotCheckin.shiftId, shiftIds)),
        db
          .select({ shiftId: encounter.shiftId, n: sql<number>`count(*)::int` })
          .from(encounter)
          .where(inArray(encounter.shiftId, shiftIds))
          .groupBy(encounter.shiftId),
      ]);
      return { checkins, encounters };
    },

    findById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await withTeam()
          .where(and(eq(shift.id, id), inJurisdiction(shift.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    /** The team's reported positions between two moments: its track (from the event log). */
    track: (teamId: string, from: Date, to: Date) =>
      db
        .select({ at: event.at, payload: event.payload })
        .from(event)
        .where(
          and(
            eq(event.entityType, 'team'),
            eq(event.entityId, teamId),
            eq(event.action, 'team.located'),
            gte(event.at, from),
            lt(event.at, to),
          ),
        )
        .orderBy(event.at)
        .limit(2000),

    /** Inserts the shift; false when the team already has one open (the partial unique index). */
    insert: async (values: typeof shift.$inferInsert) =>
      (await db.insert(shift).values(values).onConflictDoNothing().returning({ id: shift.id })).length === 1,
    end: (id: string, at: Date, by: string) =>
      db.update(shift).set({ endedAt: at, endedBy: by }).where(eq(shift.id, id)),
  };
}
