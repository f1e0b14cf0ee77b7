import { liveDispatchStates } from '@warmline/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { dispatch, lead, org, region, team, teamMember } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type TeamRow = typeof team.$inferSelect;
export type TeamMemberRow = typeof teamMember.$inferSelect;

export function createTeamRepository(db: DbOrTx) {
  const withNames = () =>
    db
      .select({
        team,
        regionName: sql<string>`coalesce(${region.name}, ${team.regionCode})`,
        orgName: org.name,
      })
      .from(team)
      .leftJoin(region, eq(region.code, team.regionCode))
      .leftJoin(org, eq(org.id, team.orgId));

  return {
    list: (actor: Actor, status?: string) =>
      withNames()
        .where(and(inJurisdiction(team.regionCode, actor), status ? eq(team.status, status) : undefined))
        .orderBy(asc(team.regionCode), asc(team.name)),

    findById: async (actor: Actor, id: string) =>
      (
        await withNames()
          .where(and(eq(team.id, id), inJurisdiction(team.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    /** Locks the team so two assignments, or a status change and an assignment, take turns. */
    lockById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select()
          .from(team)
          .where(and(eq(team.id, id), inJurisdiction(team.regionCode, actor)))
          .for('update')
          .limit(1)
      )[0] ?? null,

    membersOf: (teamIds: string[]) =>
      teamIds.length === 0
        ? Promise.resolve([] as TeamMemberRow[])
        : db
            .select()
            .from(teamMember)
            .where(inArray(teamMember.teamId, teamIds))
            .orderBy(sql`${teamMember.isLeader} DESC`, asc(teamMember.displayName)),

    /** Live assignments of these teams, with the lead's tracking code for the screen. */
    liveDispatchesOf: (teamIds: string[]) =>
      teamIds.length === 0
        ? Promise.resolve([])
        : db
            .select({
              id: dispatch.id,
              teamId: dispatch.teamId,
              leadId: dispatch.leadId,
              state: dispatch.state,
              trackingCode: lead.trackingCode,
            })
            .from(dispatch)
            .innerJoin(lead, eq(lead.id, dispatch.leadId))
            .where(and(inArray(dispatch.teamId, teamIds), inArray(dispatch.state, [...liveDispatchStates]))),

    /** The team a patrol member belongs to (one team per person). */
    /** The team a member patrols with, and its county: one query. */
    memberTeam: async (userId: string) =>
      (
        await db
          .select({ id: team.id, regionCode: team.regionCode })
          .from(teamMember)
          .innerJoin(team, eq(team.id, teamMember.teamId))
          .where(eq(teamMember.userId, userId))
          .limit(1)
      )[0] ?? null,

    teamOfUser: async (userId: string) =>
      (
        await db
          .select({ teamId: teamMember.teamId })
          .from(teamMember)
          .where(eq(teamMember.userId, userId))
          .limit(1)
      )[0]?.teamId ?? null,

    /** Accounts already on another team: a person patrols with one team at a time. */
    usersOnOtherTeams: (userIds: string[], exceptTeamId: string | null) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ userId: teamMember.userId })
            .from(teamMember)
            .where(
              and(
                inArray(teamMember.userId, userIds),
                exceptTeamId ? sql`${teamMember.teamId} <> ${exceptTeamId}` : undefined,
              ),
            ),

    nameTaken: async (regionCode: string, name: string, exceptId?: string) =>
      (
        await db
          .select({ id: team.id })
          .from(team)
          .where(
            and(
              eq(team.regionCode, regionCode),
              eq(team.name, name),
              exceptId ? sql`${team.id} <> ${exceptId}` : undefined,
            ),
          )
          .limit(1)
      ).length > 0,

    insert: (values: typeof team.$inferInsert) => db.insert(team).values(values),
    update: (id: string, values: Partial<typeof team.$inferInsert>) =>
      db.update(team).set(values).where(eq(team.id, id)),
    replaceMembers: async (teamId: string, members: (typeof teamMember.$inferInsert)[]) => {
      await db.delete(teamMember).where(eq(teamMember.teamId, teamId));
      if (members.length) await db.insert(teamMember).values(members);
    },
  };
}
