import { shiftTrips } from '@warmline/domain';
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Tx } from '../db/pool.ts';
import { encounter, hotspotCheckin, shift, teamMember } from '../db/schema.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import type { SeededTeam } from './demo-dispatches.ts';
import { demoTeams } from './demo-teams.ts';

const HOUR = 3_600_000;

/**
 * The past week's night shifts (19:00–07:00, Beijing) of every demo team with its whole crew and
 * vehicle. The check-ins and encounters made in a shift's hours are filed under it, and the team's
 * position at each check-in is its track, so 出动人次 / 台次 and each night's route come out of
 * the records like live ones.
 */
export async function seedDemoShifts(tx: Tx, ids: Ids, now: Date, teams: SeededTeam[], requestId: string) {
  let at = now;
  const recordAt = createEventRecorder({ clock: { now: () => at }, ids });
  // 19:00 Beijing (11:00 UTC) of the day before `now`.
  const lastEvening = new Date(
    Math.floor((now.getTime() - 11 * HOUR) / (24 * HOUR)) * 24 * HOUR + 11 * HOUR - 24 * HOUR,
  );
  for (const [i, t] of teams.entries()) {
    const demo = demoTeams[i]!;
    const members = await tx.select().from(teamMember).where(eq(teamMember.teamId, t.id));
    for (let night = 0; night < 7; night++) {
      const startedAt = new Date(lastEvening.getTime() - night * 24 * HOUR);
      const endedAt = new Date(startedAt.getTime() + 12 * HOUR);
      if (endedAt > now) continue;
      const id = ids.next();
      const crew = members.map((m) => ({
        displayName: m.displayName,
        department: m.department,
        userId: m.userId,
      }));
      const vehicles = demo.vehicle ? [demo.vehicle] : [];
      await tx.insert(shift).values({
        id,
        teamId: t.id,
        regionCode: t.regionCode,
        members: crew,
        vehicles,
        plannedHotspotIds: [],
        startedAt,
        startedBy: t.memberId,
        endedAt,
        endedBy: t.memberId,
      });
      const ctx = { actorId: t.memberId, requestId };
      at = startedAt;
      await recordAt(tx, ctx, {
        action: 'shift.started',
        entityType: 'shift',
        entityId: id,
        regionCode: t.regionCode,
        payload: { teamId: t.id, ...shiftTrips({ members: crew, vehicles }) },
      });
      const during = (col: typeof hotspotCheckin.at | typeof encounter.at) =>
        and(gte(col, startedAt), lt(col, endedAt));
      const visits = await tx
        .update(hotspotCheckin)
        .set({ shiftId: id })
        .where(and(eq(hotspotCheckin.teamId, t.id), during(hotspotCheckin.at)))
        .returning();
      await tx
        .update(encounter)
        .set({ shiftId: id })
        .where(and(eq(encounter.teamId, t.id), during(encounter.at)));
      for (const v of visits.sort((a, b) => a.at.getTime() - b.at.getTime())) {
        at = v.at;
        await recordAt(tx, ctx, {
          action: 'team.located',
          entityType: 'team',
          entityId: t.id,
          regionCode: t.regionCode,
          payload: { lat: v.lat, lng: v.lng, accuracyM: 20 },
        });
      }
      at = endedAt;
      await recordAt(tx, ctx, {
        action: 'shift.ended',
        entityType: 'shift',
        entityId: id,
        regionCode: t.regionCode,
        payload: { teamId: t.id },
      });
    }
  }
}
