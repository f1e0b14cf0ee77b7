import { liveDispatchStates } from '@warmline/domain';
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, named, queryNamed } from '../../db/pool.ts';
import { alert, dispatch, lead, region, team, teamMember } from '../../db/schema.ts';
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

interface CandidateRow {
  lead_lat: number | null;
  lead_lng: number | null;
  unplaced: number;
  id: string | null;
  name: string;
  vehicle: string | null;
  lat: number;
  lng: number;
  position_at: Date | null;
  region_name: string;
  member_count: number;
}

/** The candidates query (see `candidatesForLead`); exported so the benchmark can EXPLAIN it. */
export function candidatesStatement(actor: Pick<Actor, 'regionCode'>, leadId: string, limit: number): SQL {
  return sql`
      WITH l AS (
        SELECT lat, lng FROM ${lead} WHERE id = ${leadId} AND ${inJurisdiction(sql`region_code`, actor)}
      ), u AS (
        SELECT count(*)::int AS n FROM ${team} t
        WHERE t.status = 'available' AND (t.lat IS NULL OR t.lng IS NULL)
          AND ${inJurisdiction(sql`t.region_code`, actor)}
      )
      SELECT l.lat AS lead_lat, l.lng AS lead_lng, u.n AS unplaced, c.*
      FROM l CROSS JOIN u
      LEFT JOIN LATERAL (
        SELECT t.id, t.name, t.vehicle, t.lat, t.lng, t.position_at,
               coalesce(r.name, t.region_code) AS region_name,
               (SELECT count(*)::int FROM ${teamMember} m WHERE m.team_id = t.id) AS member_count
        FROM ${team} t LEFT JOIN ${region} r ON r.code = t.region_code
        WHERE l.lat IS NOT NULL AND l.lng IS NOT NULL
          AND t.status = 'available' AND t.lat IS NOT NULL AND t.lng IS NOT NULL
          AND ${inJurisdiction(sql`t.region_code`, actor)}
          AND NOT EXISTS (SELECT 1 FROM ${dispatch} d WHERE d.team_id = t.id AND d.state IN ${live})
        ORDER BY ll_to_earth(t.lat, t.lng) <-> ll_to_earth(l.lat, l.lng)
        LIMIT ${limit}
      ) c ON true`;
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
     * A lead's recommendation candidates in one round trip: the lead's position (scoped, so an
     * out-of-jurisdiction lead finds nothing), the available teams nearest it by the GiST index
     * on ll_to_earth (KNN `<->`, straight line), and how many available teams have no position
     * (partial index team_unplaced_idx). A team holding a live assignment is busy even while
     * it is pending. Null when the lead is not found.
     */
    candidatesForLead: async (actor: Actor, leadId: string, limit: number) => {
      const statement = candidatesStatement(actor, leadId, limit);
      // Outside a transaction (always, for recommendations) it runs prepared; inside, as is.
      const rows =
        '$client' in db
          ? await queryNamed<CandidateRow>(db as Db, named('dispatch-candidates-v1', statement))
          : ((await db.execute(statement)).rows as unknown as CandidateRow[]);
      const first = rows[0];
      if (!first) return null;
      return {
        position:
          first.lead_lat !== null && first.lead_lng !== null
            ? { lat: first.lead_lat, lng: first.lead_lng }
            : null,
        unplaced: first.unplaced,
        teams: rows.flatMap((r): NearbyTeam[] =>
          r.id
            ? [
                {
                  id: r.id,
                  name: r.name,
                  vehicle: r.vehicle,
                  lat: r.lat,
                  lng: r.lng,
                  positionAt: r.position_at ? new Date(r.position_at) : null,
                  regionName: r.region_name,
                  memberCount: r.member_count,
                },
              ]
            : [],
        ),
      };
    },

    findById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await withLead()
          .where(and(eq(dispatch.id, id), inJurisdiction(dispatch.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    findKeys: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select({ leadId: dispatch.leadId, teamId: dispatch.teamId })
          .from(dispatch)
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
        .orderBy(sql`${dispatch.state} IN ${live} DESC`, desc(dispatch.assignedAt))
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
  };
}
