import type { Department, DispatchState, TeamStatus } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { RegionService } from '../regions/region.service.ts';
import { createTeamRepository, type TeamRow } from './team.repository.ts';
import type { TeamInput, TeamView } from './team.schema.ts';

/** Joint patrol teams: who is in them, their vehicle, their status and last position. */
export function createTeamService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  regions: RegionService;
}) {
  const { db, clock, ids, recordEvent, regions } = deps;
  const repo = createTeamRepository(db);

  /** Teams with their members and live assignment: three queries for any number of teams. */
  async function present(rows: { team: TeamRow; regionName: string; orgName: string | null }[]) {
    const teamIds = rows.map((r) => r.team.id);
    const [members, live] = await Promise.all([repo.membersOf(teamIds), repo.liveDispatchesOf(teamIds)]);
    const liveByTeam = new Map(
      live.map((d) => [
        d.teamId,
        { id: d.id, leadId: d.leadId, trackingCode: d.trackingCode, state: d.state as DispatchState },
      ]),
    );
    return rows.map(
      ({ team: t, regionName, orgName }): TeamView => ({
        id: t.id,
        name: t.name,
        regionCode: t.regionCode,
        regionName,
        orgId: t.orgId,
        orgName,
        vehicle: t.vehicle,
        status: t.status as TeamStatus,
        lat: t.lat,
        lng: t.lng,
        positionAt: t.positionAt?.toISOString() ?? null,
        members: members
          .filter((m) => m.teamId === t.id)
          .map((m) => ({
            id: m.id,
            userId: m.userId,
            displayName: m.displayName,
            department: m.department as Department,
            isLeader: m.isLeader,
          })),
        activeDispatch: liveByTeam.get(t.id) ?? null,
      }),
    );
  }

  async function get(actor: Actor, id: string): Promise<TeamView> {
    const row = await repo.findById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return (await present([row]))[0]!;
  }

  /** Checks a team's members: at most one leader, each account on one team only. */
  async function checkMembers(input: TeamInput, teamId: string | null) {
    if (input.members.filter((m) => m.isLeader).length > 1)
      throw new AppError('VALIDATION_FAILED', { field: 'members', reason: 'one leader per team' });
    const userIds = input.members.flatMap((m) => (m.userId ? [m.userId] : []));
    if (new Set(userIds).size !== userIds.length)
      throw new AppError('VALIDATION_FAILED', { field: 'members', reason: 'a person is listed twice' });
    const elsewhere = await repo.usersOnOtherTeams(userIds, teamId);
    if (elsewhere.length)
      throw new AppError('VALIDATION_FAILED', {
        field: 'members',
        reason: 'already on another team',
        userIds: elsewhere.map((e) => e.userId),
      });
  }

  const memberRows = (teamId: string, input: TeamInput) =>
    input.members.map((m) => ({
      id: ids.next(),
      teamId,
      userId: m.userId ?? null,
      displayName: m.displayName,
      department: m.department,
      isLeader: m.isLeader,
    }));

  return {
    get,
    list: async (actor: Actor, status?: TeamStatus) => ({
      items: await present(await repo.list(actor, status)),
    }),

    async create(ctx: Ctx, input: TeamInput): Promise<TeamView> {
      await regions.assertAssignable(ctx.actor, input.regionCode);
      await checkMembers(input, null);
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r = createTeamRepository(tx);
        if (await r.nameTaken(input.regionCode, input.name)) throw new AppError('TEAM_NAME_TAKEN');
        const now = clock.now();
        await r.insert({
          id,
          name: input.name,
          regionCode: input.regionCode,
          orgId: input.orgId ?? null,
          vehicle: input.vehicle || null,
          status: 'off_duty',
          createdAt: now,
          createdBy: ctx.actor.id,
          updatedAt: now,
        });
        await r.replaceMembers(id, memberRows(id, input));
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'team.created',
            entityType: 'team',
            entityId: id,
            regionCode: input.regionCode,
            payload: { members: input.members.length, departments: input.members.map((m) => m.department) },
          },
        );
      });
      return get(ctx.actor, id);
    },

    async update(ctx: Ctx, id: string, input: TeamInput): Promise<TeamView> {
      // Out of jurisdiction is "not found", before anything is said about the new region.
      await get(ctx.actor, id);
      await regions.assertAssignable(ctx.actor, input.regionCode);
      await checkMembers(input, id);
      await db.transaction(async (tx) => {
        const r = createTeamRepository(tx);
        const row = await r.lockById(ctx.actor, id);
        if (!row) throw new AppError('NOT_FOUND');
        if (await r.nameTaken(input.regionCode, input.name, id)) throw new AppError('TEAM_NAME_TAKEN');
        await r.update(id, {
          name: input.name,
          regionCode: input.regionCode,
          orgId: input.orgId ?? null,
          vehicle: input.vehicle || null,
          updatedAt: clock.now(),
        });
        await r.replaceMembers(id, memberRows(id, input));
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'team.updated',
            entityType: 'team',
            entityId: id,
            regionCode: input.regionCode,
            payload: { members: input.members.length },
          },
        );
      });
      return get(ctx.actor, id);
    },

    /**
     * On or off duty. A team with a live assignment stays what the assignment makes it:
     * it cannot go off duty with someone waiting for it.
     */
    async setStatus(ctx: Ctx, id: string, status: 'off_duty' | 'available'): Promise<TeamView> {
      await db.transaction(async (tx) => {
        const r = createTeamRepository(tx);
        const row = await r.lockById(ctx.actor, id);
        if (!row) throw new AppError('NOT_FOUND');
        if ((await r.liveDispatchesOf([id])).length > 0)
          throw new AppError('TEAM_NOT_AVAILABLE', { reason: 'has a live assignment' });
        if (row.status === status) return;
        await r.update(id, { status, updatedAt: clock.now() });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'team.status_changed',
            entityType: 'team',
            entityId: id,
            regionCode: row.regionCode,
            payload: { from: row.status, to: status },
          },
        );
      });
      return get(ctx.actor, id);
    },

    /** The patrol app's position report: the map and the next recommendation use it. */
    async locate(
      ctx: Ctx,
      id: string,
      position: { lat: number; lng: number; accuracyM?: number | undefined },
    ) {
      await db.transaction(async (tx) => {
        const r = createTeamRepository(tx);
        const row = await r.lockById(ctx.actor, id);
        if (!row) throw new AppError('NOT_FOUND');
        const now = clock.now();
        await r.update(id, { lat: position.lat, lng: position.lng, positionAt: now, updatedAt: now });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'team.located',
            entityType: 'team',
            entityId: id,
            regionCode: row.regionCode,
            // The position itself, so the event log is the team's track (a shift's route is read from it).
            payload: { lat: position.lat, lng: position.lng, accuracyM: position.accuracyM ?? null },
          },
        );
      });
      return get(ctx.actor, id);
    },

    teamOfUser: (userId: string) => repo.teamOfUser(userId),
    memberTeam: (userId: string) => repo.memberTeam(userId),
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
