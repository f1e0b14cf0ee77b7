import { type Department, hotspotsLeft, shiftTrips } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { TeamService } from '../teams/team.service.ts';
import { createShiftRepository, type ShiftRow } from './shift.repository.ts';
import type { ShiftStartInput, ShiftView } from './shift.schema.ts';

type Member = { displayName: string; department: Department; userId: string | null };

/** Patrol shifts: started and ended on the phone; staff-trips and vehicle-trips come from them. */
export function createShiftService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  teams: Pick<TeamService, 'teamOfUser' | 'get'>;
}) {
  const { db, clock, ids, recordEvent, teams } = deps;
  const repo = createShiftRepository(db);

  async function present(rows: { shift: ShiftRow; teamName: string }[]): Promise<ShiftView[]> {
    const activity = await repo.activityOf(rows.map((r) => r.shift.id));
    return rows.map(({ shift: s, teamName }) => {
      const members = s.members as Member[];
      const reached = new Set(
        activity.checkins.filter((c) => c.shiftId === s.id && !c.tooFar).map((c) => c.hotspotId),
      );
      return {
        id: s.id,
        teamId: s.teamId,
        teamName,
        regionCode: s.regionCode,
        members,
        vehicles: s.vehicles,
        plannedHotspotIds: s.plannedHotspotIds,
        hotspotsLeft: hotspotsLeft(s.plannedHotspotIds, reached),
        startedAt: s.startedAt.toISOString(),
        endedAt: s.endedAt?.toISOString() ?? null,
        ...shiftTrips({ members, vehicles: s.vehicles }),
        checkins: activity.checkins.filter((c) => c.shiftId === s.id).length,
        encounters: activity.encounters.find((e) => e.shiftId === s.id)?.n ?? 0,
      };
    });
  }

  async function myTeam(actor: Actor) {
    const teamId = await teams.teamOfUser(actor.id);
    if (!teamId) throw new AppError('NOT_TEAM_MEMBER');
    return teams.get(actor, teamId);
  }

  return {
    /** The open shift of a team, if any (check-ins and encounters are filed under it). */
    openShiftId: async (teamId: string | null) =>
      teamId ? ((await repo.openOf(teamId))?.shift.id ?? null) : null,

    async current(actor: Actor) {
      const team = await myTeam(actor);
      const open = await repo.openOf(team.id);
      return { shift: open ? (await present([open]))[0]! : null };
    },

    async start(ctx: Ctx, input: ShiftStartInput): Promise<ShiftView> {
      const team = await myTeam(ctx.actor);
      const chosen = input.memberIds
        ? team.members.filter((m) => input.memberIds!.includes(m.id))
        : team.members;
      if (input.memberIds && chosen.length !== new Set(input.memberIds).size)
        throw new AppError('VALIDATION_FAILED', { field: 'memberIds', reason: 'not members of the team' });
      const vehicles = input.vehicles ?? (team.vehicle ? [team.vehicle] : []);
      const id = ids.next();
      const now = clock.now();
      await db.transaction(async (tx) => {
        const stored = await createShiftRepository(tx).insert({
          id,
          teamId: team.id,
          regionCode: team.regionCode,
          members: chosen.map((m) => ({
            displayName: m.displayName,
            department: m.department,
            userId: m.userId,
          })),
          vehicles,
          plannedHotspotIds: input.plannedHotspotIds,
          startedAt: now,
          startedBy: ctx.actor.id,
        });
        if (!stored) throw new AppError('SHIFT_ALREADY_OPEN');
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'shift.started',
            entityType: 'shift',
            entityId: id,
            regionCode: team.regionCode,
            payload: { teamId: team.id, ...shiftTrips({ members: chosen, vehicles }) },
          },
        );
      });
      return (await this.current(ctx.actor)).shift!;
    },

    async end(ctx: Ctx): Promise<ShiftView> {
      const team = await myTeam(ctx.actor);
      const open = await repo.openOf(team.id);
      if (!open) throw new AppError('NO_OPEN_SHIFT');
      const now = clock.now();
      await db.transaction(async (tx) => {
        await createShiftRepository(tx).end(open.shift.id, now, ctx.actor.id);
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'shift.ended',
            entityType: 'shift',
            entityId: open.shift.id,
            regionCode: open.shift.regionCode,
            payload: { teamId: team.id },
          },
        );
      });
      return (
        await present([{ ...open, shift: { ...open.shift, endedAt: now, endedBy: ctx.actor.id } }])
      )[0]!;
    },

    /** The shift's route: the positions its phone reported while the shift was open. */
    async track(actor: Actor, id: string) {
      const row = await repo.findById(actor, id);
      if (!row) throw new AppError('NOT_FOUND');
      const until = row.shift.endedAt ?? new Date(clock.now().getTime() + 1);
      const points = await repo.track(row.shift.teamId, row.shift.startedAt, until);
      return {
        items: points.flatMap(({ at, payload }) => {
          const p = payload as { lat?: number; lng?: number };
          return typeof p.lat === 'number' && typeof p.lng === 'number'
            ? [{ at: at.toISOString(), lat: p.lat, lng: p.lng }]
            : [];
        }),
      };
    },

    /** Shifts started in [from, to) with the campaign's counts: 出动人次 and 车辆台次. */
    async list(actor: Actor, from?: string, to?: string) {
      const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
      const to1 = to ? new Date(day(to).getTime() + 86_400_000) : null;
      const items = await present(await repo.list(actor, from ? day(from) : null, to1));
      return {
        items,
        totals: {
          shifts: items.length,
          staffTrips: items.reduce((n, s) => n + s.staffTrips, 0),
          vehicleTrips: items.reduce((n, s) => n + s.vehicleTrips, 0),
        },
      };
    },
  };
}
export type ShiftService = ReturnType<typeof createShiftService>;
