import { liveDispatchStates } from '@warmline/domain';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { alert, appUser, dispatch, event, lead, region, team, teamMember } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type DispatchRow = typeof dispatch.$inferSelect;
const live = [...liveDispatchStates];

export interface NearbyTeam {
  id: string;
  name: string;
  vehicle: string | null;
  lat: number;
  lng: number;
  positionAt: Date | null;
  regionName: string;
  memberCount: number;
}

export function createDispatchRepository(db: DbOrTx) {
  const withLead = () =>
    db
      .select({
        dispatch,
        teamName: team.name,
        lead: {
          trackingCode: lead.trackingCode,
          state: lead.state,
          descriptors: lead.descriptors,
          description: lead.description,
          address: lead.address,
          lat: lead.lat,
          lng: lead.lng,
          receivedAt: lead.receivedAt,
        },
        regionName: sql<string>`coalesce(${region.name}, ${lead.regionCode})`,
      })
      .from(dispatch)
      .innerJoin(team, eq(team.id, dispatch.teamId))
      .innerJoin(lead, eq(lead.id, dispatch.leadId))
      .leftJoin(region, eq(region.code, lead.regionCode));

  return {
    /**
     * Available teams nearest a point, straight line, by the GiST index on ll_to_earth
     * (KNN `<->`). A team already holding a live assignment is busy even while it is pending.
     */
    nearestAvailable: async (actor: Actor, point: { lat: number; lng: number }, limit: number) =>
      (
        await db.execute<{
          id: string;
          name: string;
          vehicle: string | null;
          lat: number;
          lng: number;
          position_at: Date | null;
          region_name: string;
          member_count: number;
        }>(sql`
          SELECT t.id, t.name, t.vehicle, t.lat, t.lng, t.position_at,
                 coalesce(r.name, t.region_code) AS region_name,
                 (SELECT count(*)::int FROM ${teamMember} m WHERE m.team_id = t.id) AS member_count
          FROM ${team} t LEFT JOIN ${region} r ON r.code = t.region_code
          WHERE t.status = 'available' AND t.lat IS NOT NULL AND t.lng IS NOT NULL
            AND ${inJurisdiction(sql`t.region_code`, actor)}
            AND NOT EXISTS (SELECT 1 FROM ${dispatch} d WHERE d.team_id = t.id AND d.state IN ('pending', 'accepted', 'on_scene'))
          ORDER BY ll_to_earth(t.lat, t.lng) <-> ll_to_earth(${point.lat}, ${point.lng})
          LIMIT ${limit}`)
      ).rows.map(
        (r): NearbyTeam => ({
          id: r.id,
          name: r.name,
          vehicle: r.vehicle,
          lat: r.lat,
          lng: r.lng,
          positionAt: r.position_at ? new Date(r.position_at) : null,
          regionName: r.region_name,
          memberCount: r.member_count,
        }),
      ),

    /**
     * Available, free teams with no position yet: they exist but cannot be ranked.
     * `ll_to_earth` is STRICT, so `ll_to_earth(lat, lng) IS NULL` means "lat or lng is null"
     * and is answered from the GiST position index instead of a scan of every team
     * (bench/recommend.bench.ts: ~3× cheaper at 10,000 teams).
     */
    countUnplaced: async (actor: Actor) =>
      (
        await db.execute<{ n: number }>(sql`
          SELECT count(*)::int AS n FROM ${team} t
          WHERE t.status = 'available' AND ll_to_earth(t.lat, t.lng) IS NULL
            AND ${inJurisdiction(sql`t.region_code`, actor)}`)
      ).rows[0]?.n ?? 0,

    findById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await withLead()
          .where(and(eq(dispatch.id, id), inJurisdiction(dispatch.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    lockById: async (id: string) =>
      (await db.select().from(dispatch).where(eq(dispatch.id, id)).for('update').limit(1))[0] ?? null,

    liveForTeam: async (teamId: string) =>
      (
        await db
          .select()
          .from(dispatch)
          .where(and(eq(dispatch.teamId, teamId), inArray(dispatch.state, live)))
          .limit(1)
      )[0] ?? null,

    /** The command centre's board: every live assignment in the jurisdiction. */
    listLive: (actor: Actor) =>
      withLead()
        .where(and(inJurisdiction(dispatch.regionCode, actor), inArray(dispatch.state, live)))
        .orderBy(asc(dispatch.arriveBy)),

    /** A team's assignments, live first, then the most recent few. */
    listForTeam: (teamId: string, limit: number) =>
      withLead()
        .where(eq(dispatch.teamId, teamId))
        .orderBy(
          sql`${dispatch.state} IN ('pending', 'accepted', 'on_scene') DESC`,
          desc(dispatch.assignedAt),
        )
        .limit(limit),

    listForLead: (actor: Actor, leadId: string) =>
      withLead()
        .where(and(eq(dispatch.leadId, leadId), inJurisdiction(dispatch.regionCode, actor)))
        .orderBy(desc(dispatch.assignedAt), desc(dispatch.id)),

    /** Overdue clocks, for the minute sweep that backs up the per-assignment timers. */
    overdue: (now: Date) =>
      db
        .select({ id: dispatch.id })
        .from(dispatch)
        .where(
          sql`(${dispatch.state} = 'pending' AND ${dispatch.acceptBy} <= ${now.toISOString()}::timestamptz)
           OR (${dispatch.state} IN ('pending', 'accepted') AND ${dispatch.arriveBy} <= ${now.toISOString()}::timestamptz
               AND NOT EXISTS (SELECT 1 FROM ${alert} a WHERE a.dispatch_id = ${dispatch.id} AND a.kind = 'arrival_overdue'))`,
        )
        .limit(500),

    isMember: async (teamId: string, userId: string) =>
      (
        await db
          .select({ id: teamMember.id })
          .from(teamMember)
          .where(and(eq(teamMember.teamId, teamId), eq(teamMember.userId, userId)))
          .limit(1)
      ).length > 0,

    insert: (values: typeof dispatch.$inferInsert) => db.insert(dispatch).values(values),
    update: (id: string, values: Partial<typeof dispatch.$inferInsert>) =>
      db.update(dispatch).set(values).where(eq(dispatch.id, id)),

    /** One alert per assignment and kind, however many timers fire. */
    raiseAlert: async (values: typeof alert.$inferInsert) =>
      (await db.insert(alert).values(values).onConflictDoNothing().returning({ id: alert.id })).length === 1,

    listAlerts: (actor: Actor, openOnly: boolean) =>
      db
        .select({ alert, trackingCode: lead.trackingCode, teamName: team.name })
        .from(alert)
        .leftJoin(lead, eq(lead.id, alert.leadId))
        .leftJoin(team, eq(team.id, alert.teamId))
        .where(
          and(inJurisdiction(alert.regionCode, actor), openOnly ? isNull(alert.acknowledgedAt) : undefined),
        )
        .orderBy(desc(alert.raisedAt))
        .limit(100),

    lockAlert: async (actor: Actor, id: string) =>
      (
        await db
          .select()
          .from(alert)
          .where(and(eq(alert.id, id), inJurisdiction(alert.regionCode, actor)))
          .for('update')
          .limit(1)
      )[0] ?? null,

    acknowledgeAlert: (id: string, by: string, at: Date) =>
      db.update(alert).set({ acknowledgedAt: at, acknowledgedBy: by }).where(eq(alert.id, id)),

    /** Everything that happened to a lead, oldest first, with who did it. */
    timeline: (leadId: string) =>
      db
        .select({
          id: event.id,
          at: event.at,
          action: event.action,
          actorName: appUser.displayName,
          payload: event.payload,
        })
        .from(event)
        .leftJoin(appUser, eq(appUser.id, event.actorId))
        .where(and(eq(event.entityType, 'lead'), eq(event.entityId, leadId)))
        .orderBy(asc(event.seq))
        .limit(500),
  };
}
