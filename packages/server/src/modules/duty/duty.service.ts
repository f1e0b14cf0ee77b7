import {
  addDays,
  beijingDate,
  can,
  DUTY_MAX_RANGE_DAYS,
  type DutySlot,
  dutyDays,
  dutyWeekOf,
  isWithinRegion,
  LEADER_SLOT,
  orderedSlots,
  rosterGaps,
  slotAt,
} from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Notifier } from '../../platform/notifier.ts';
import {
  type AssignmentRow,
  createDutyRepository,
  type HandoverRow,
  type Roster,
} from './duty.repository.ts';
import type {
  AssignInput,
  AssignmentView,
  HandoverInput,
  HandoverView,
  RosterQuery,
  RosterTarget,
} from './duty.schema.ts';

interface ResolvedRoster extends Roster {
  regionName: string;
  orgName: string | null;
}

/**
 * The duty roster (值班) of a bureau or a station, and its handover notes (交接班记录). Reads are
 * within the caller's jurisdiction (out of it = not found); station staff change only their own
 * station's roster; a past day's roster is a record and no longer changes.
 */
export function createDutyService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  /** Tells the person put on a slot (in the bell, and by SMS through the outbox). */
  notifier: Notifier;
  slots: readonly DutySlot[];
}) {
  const { db, clock, ids, recordEvent, notifier } = deps;
  const slots = orderedSlots(deps.slots);
  const repo = createDutyRepository(db);
  const eventCtx = (ctx: Ctx) => ({ actorId: ctx.actor.id, requestId: ctx.requestId });

  /** The roster asked for: a station in scope, or a region in scope (the caller's by default). */
  async function resolve(actor: Actor, target: RosterTarget): Promise<ResolvedRoster> {
    if (target.orgId) {
      const station = await repo.station(actor, target.orgId);
      if (!station || (target.regionCode && target.regionCode !== station.regionCode))
        throw new AppError('NOT_FOUND');
      const regionName = (await repo.regionName(station.regionCode)) ?? station.regionCode;
      return { regionCode: station.regionCode, orgId: station.id, regionName, orgName: station.name };
    }
    const regionCode = target.regionCode ?? actor.regionCode;
    if (!isWithinRegion(regionCode, actor.regionCode)) throw new AppError('NOT_FOUND');
    return {
      regionCode,
      orgId: null,
      regionName: (await repo.regionName(regionCode)) ?? regionCode,
      orgName: null,
    };
  }

  /** 领导带班 or 16:00–24:00: the words a notification uses for a slot. */
  const slotWords = (code: string) => {
    const s = slots.find((x) => x.code === code);
    return s ? `${s.start}–${s.end}` : '领导带班';
  };

  const mayManage = (actor: Actor, r: Roster) =>
    can(actor.role, 'duty.manage') &&
    (actor.role !== 'station_staff' || (!!r.orgId && actor.orgId === r.orgId));

  function assertManage(actor: Actor, r: Roster) {
    if (!mayManage(actor, r))
      throw new AppError(can(actor.role, 'duty.manage') ? 'DUTY_NOT_OWN_STATION' : 'FORBIDDEN');
  }

  function assertNotPast(day: string) {
    if (day < beijingDate(clock.now())) throw new AppError('DUTY_DAY_PAST');
  }

  function range(q: Pick<RosterQuery, 'from' | 'to'>) {
    const week = dutyWeekOf(clock.now());
    const from = q.from ?? (q.to ? addDays(q.to, -6) : week.from);
    const to = q.to ?? addDays(from, 6);
    if (to < from) throw new AppError('VALIDATION_FAILED', { field: 'to' });
    if (dutyDays(from, to).length > DUTY_MAX_RANGE_DAYS) throw new AppError('DUTY_RANGE_TOO_LONG');
    return { from, to };
  }

  const head = (r: ResolvedRoster, from: string, to: string) => ({
    regionCode: r.regionCode,
    regionName: r.regionName,
    orgId: r.orgId,
    orgName: r.orgName,
    from,
    to,
  });

  const gapsOf = (r: Roster, held: { day: string; slot: string }[], from: string, to: string) =>
    rosterGaps(held, from, to, slots, { leader: !r.orgId }).map((g) => ({
      day: g.day,
      slot: g.slot,
      start: g.start.toISOString(),
      end: g.end.toISOString(),
    }));

  const presentAssignment = ({
    a,
    displayName,
  }: {
    a: AssignmentRow;
    displayName: string;
  }): AssignmentView => ({
    id: a.id,
    regionCode: a.regionCode,
    orgId: a.orgId,
    day: a.day,
    slot: a.slot,
    userId: a.userId,
    displayName,
    note: a.note,
  });

  const presentHandover = (row: {
    h: HandoverRow;
    writtenByName: string;
    acknowledgedByName: string | null;
  }): HandoverView => ({
    id: row.h.id,
    regionCode: row.h.regionCode,
    orgId: row.h.orgId,
    day: row.h.day,
    slot: row.h.slot,
    text: row.h.text,
    writtenBy: row.h.writtenBy,
    writtenByName: row.writtenByName,
    writtenAt: row.h.writtenAt.toISOString(),
    acknowledgedBy: row.h.acknowledgedBy,
    acknowledgedByName: row.acknowledgedByName,
    acknowledgedAt: row.h.acknowledgedAt?.toISOString() ?? null,
  });

  /** Managers of the roster, or whoever is on it that day or the day before (the next shift). */
  async function assertMayWork(actor: Actor, r: Roster, day: string) {
    if (mayManage(actor, r)) return;
    if (!(await repo.isRostered(r, actor.id, [day, addDays(day, 1)])))
      throw new AppError('DUTY_NOT_ON_ROSTER');
  }

  return {
    slots,

    async roster(actor: Actor, q: RosterQuery) {
      const r = await resolve(actor, q);
      const { from, to } = range(q);
      const rows = await repo.assignments(actor, r, from, to);
      return {
        ...head(r, from, to),
        slots,
        hasLeader: !r.orgId,
        assignments: rows.map(presentAssignment),
        gaps: gapsOf(
          r,
          rows.map(({ a }) => a),
          from,
          to,
        ),
        canManage: mayManage(actor, r),
      };
    },

    async gaps(actor: Actor, q: RosterQuery) {
      const r = await resolve(actor, q);
      const { from, to } = range(q);
      const rows = await repo.assignments(actor, r, from, to);
      return {
        ...head(r, from, to),
        items: gapsOf(
          r,
          rows.map(({ a }) => a),
          from,
          to,
        ),
      };
    },

    async candidates(actor: Actor, target: RosterTarget) {
      const r = await resolve(actor, target);
      return { items: await repo.candidates(actor, r) };
    },

    async assign(ctx: Ctx, input: AssignInput) {
      const r = await resolve(ctx.actor, input);
      assertManage(ctx.actor, r);
      if (!(slots.some((s) => s.code === input.slot) || (input.slot === LEADER_SLOT && !r.orgId)))
        throw new AppError('DUTY_SLOT_UNKNOWN');
      assertNotPast(input.day);
      // The same people the picker offers: a station's own staff, or staff of the bureau's own level.
      const person = await repo.person(ctx.actor, input.userId);
      if (!person || (r.orgId ? person.orgId !== r.orgId : person.regionCode !== r.regionCode))
        throw new AppError('DUTY_PERSON_NOT_ELIGIBLE');
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r2 = createDutyRepository(tx);
        if (!r.orgId) await r2.clearGapFlag(r.regionCode, input.day, input.slot);
        const stored = await r2.insertAssignment({
          id,
          regionCode: r.regionCode,
          orgId: r.orgId,
          day: input.day,
          slot: input.slot,
          userId: input.userId,
          note: input.note || null,
          createdAt: clock.now(),
          createdBy: ctx.actor.id,
        });
        if (!stored) throw new AppError('DUTY_ALREADY_ASSIGNED');
        await recordEvent(tx, eventCtx(ctx), {
          action: 'duty.assigned',
          entityType: 'duty_assignment',
          entityId: id,
          regionCode: r.regionCode,
          payload: { orgId: r.orgId, day: input.day, slot: input.slot, userId: input.userId },
        });
        if (input.userId !== ctx.actor.id)
          await notifier.send(tx, [
            {
              userId: input.userId,
              regionCode: r.regionCode,
              kind: 'duty.assigned',
              title: `值班安排：${input.day} ${slotWords(input.slot)}`,
              body: `${r.orgName ?? r.regionName}${input.note ? `，${input.note}` : ''}`,
              link: `/duty?from=${input.day}`,
            },
          ]);
      });
      return presentAssignment((await repo.assignmentById(ctx.actor, id))!);
    },

    async unassign(ctx: Ctx, id: string) {
      const row = await repo.assignmentById(ctx.actor, id);
      if (!row) throw new AppError('NOT_FOUND');
      assertNotPast(row.a.day);
      assertManage(ctx.actor, row.a);
      await db.transaction(async (tx) => {
        await createDutyRepository(tx).deleteAssignment(id);
        await recordEvent(tx, eventCtx(ctx), {
          action: 'duty.unassigned',
          entityType: 'duty_assignment',
          entityId: id,
          regionCode: row.a.regionCode,
          payload: { orgId: row.a.orgId, day: row.a.day, slot: row.a.slot, userId: row.a.userId },
        });
      });
    },

    async handovers(actor: Actor, q: RosterTarget & { limit: number }) {
      const r = await resolve(actor, q);
      return { items: (await repo.handovers(actor, r, q.limit)).map(presentHandover) };
    },

    /** A note on the shift handed over (the one in progress unless named). */
    async writeHandover(ctx: Ctx, input: HandoverInput) {
      const r = await resolve(ctx.actor, input);
      const current = slotAt(clock.now(), slots);
      const day = input.day ?? current.day;
      const slot = input.slot ?? current.slot?.code ?? slots[slots.length - 1]!.code;
      if (!slots.some((s) => s.code === slot)) throw new AppError('DUTY_SLOT_UNKNOWN');
      await assertMayWork(ctx.actor, r, day);
      const id = ids.next();
      await db.transaction(async (tx) => {
        await createDutyRepository(tx).insertHandover({
          id,
          regionCode: r.regionCode,
          orgId: r.orgId,
          day,
          slot,
          writtenBy: ctx.actor.id,
          writtenAt: clock.now(),
          text: input.text,
        });
        await recordEvent(tx, eventCtx(ctx), {
          action: 'duty.handover_written',
          entityType: 'duty_handover',
          entityId: id,
          regionCode: r.regionCode,
          payload: { orgId: r.orgId, day, slot },
        });
      });
      return presentHandover((await repo.handoverById(ctx.actor, id))!);
    },

    /** 确认接班: the next shift says it has read the note; once. */
    async acknowledgeHandover(ctx: Ctx, id: string) {
      const row = await repo.handoverById(ctx.actor, id);
      if (!row) throw new AppError('NOT_FOUND');
      if (row.h.acknowledgedAt) throw new AppError('DUTY_HANDOVER_ACKNOWLEDGED');
      await assertMayWork(ctx.actor, row.h, row.h.day);
      await db.transaction(async (tx) => {
        if (!(await createDutyRepository(tx).acknowledge(id, ctx.actor.id, clock.now())))
          throw new AppError('DUTY_HANDOVER_ACKNOWLEDGED');
        await recordEvent(tx, eventCtx(ctx), {
          action: 'duty.handover_acknowledged',
          entityType: 'duty_handover',
          entityId: id,
          regionCode: row.h.regionCode,
          payload: { orgId: row.h.orgId, day: row.h.day, slot: row.h.slot },
        });
      });
      return presentHandover((await repo.handoverById(ctx.actor, id))!);
    },
  };
}
export type DutyService = ReturnType<typeof createDutyService>;
