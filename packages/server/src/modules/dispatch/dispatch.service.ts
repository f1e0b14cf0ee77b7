import {
  type AlertKind,
  arrivalDeadline,
  canTransition,
  type DispatchOutcome,
  type DispatchState,
  distanceMeters,
  isVulnerableLead,
  type LeadDescriptor,
  type LeadState,
  leadStateAfterOutcome,
  POSITION_STALE_MS,
  type RouteEstimator,
  recommendTeams,
  type SlaPolicy,
  straightLineEstimator,
  tightenSla,
} from '@warmline/domain';
import type { Db, Tx } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventContext, RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Scheduler } from '../../platform/jobs.ts';
import type { ResponseLevelAt } from '../../platform/response-level.ts';
import { createEventRepository } from '../audit/event.repository.ts';
import { createLeadRepository, type LeadRow } from '../leads/lead.repository.ts';
import { createTeamRepository, type TeamRow } from '../teams/team.repository.ts';
import { createDispatchRepository, type DispatchRow } from './dispatch.repository.ts';
import type { DispatchView } from './dispatch.schema.ts';

export const DISPATCH_CHECK_JOB = 'dispatch-check';
export const DISPATCH_SWEEP_JOB = 'dispatch-sweep';
/** Timers act for nobody in particular, across every jurisdiction. */
const SYSTEM: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  role: 'system_admin',
  regionCode: '000000',
};
/** How many nearest teams (straight line) the estimator ranks. */
const CANDIDATES = 20;

/** A row's position, if it has one. */
const placeOf = (r: { lat: number | null; lng: number | null }) =>
  r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null;

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof createDispatchRepository>['findById']>>>;

function present(r: Row): DispatchView {
  const d = r.dispatch;
  const iso = (x: Date | null) => x?.toISOString() ?? null;
  return {
    id: d.id,
    leadId: d.leadId,
    teamId: d.teamId,
    teamName: r.teamName,
    state: d.state as DispatchState,
    assignedAt: d.assignedAt.toISOString(),
    acceptBy: d.acceptBy.toISOString(),
    acceptedAt: iso(d.acceptedAt),
    arriveBy: d.arriveBy.toISOString(),
    arrivedAt: iso(d.arrivedAt),
    endedAt: iso(d.endedAt),
    etaMinutes: d.etaMinutes,
    distanceM: d.distanceM,
    outcome: d.outcome as DispatchOutcome | null,
    note: d.note,
    lead: {
      ...r.lead,
      state: r.lead.state as LeadState,
      descriptors: r.lead.descriptors as LeadDescriptor[],
      vulnerable: isVulnerableLead(r.lead.descriptors),
      regionName: r.regionName,
      receivedAt: r.lead.receivedAt.toISOString(),
    },
  };
}

/**
 * Dispatch (指挥调度): recommend teams, assign one, and follow the assignment through its
 * clocks to an outcome. Every act locks lead → team → assignment, always in that order, so
 * two people (or a person and a timer) acting at once take turns and never deadlock.
 */
export function createDispatchService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  scheduler: Scheduler;
  policy: SlaPolicy;
  /** The response level where the lead is: it tightens the clocks (tightenSla). */
  responseLevel?: ResponseLevelAt;
  estimator?: RouteEstimator;
}) {
  const { db, clock, ids, recordEvent, scheduler, policy } = deps;
  const estimator = deps.estimator ?? straightLineEstimator;
  const repo = createDispatchRepository(db);

  async function get(actor: Pick<Actor, 'regionCode'>, id: string): Promise<DispatchView> {
    const row = await repo.findById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return present(row);
  }

  interface Locked {
    tx: Tx;
    lead: LeadRow;
    team: TeamRow;
    dispatch: DispatchRow;
  }

  /** Runs `fn` with the assignment, its lead and its team locked, in one transaction. */
  async function withLocked<T>(actor: Actor, dispatchId: string, fn: (l: Locked) => Promise<T>): Promise<T> {
    // Which lead and team to lock first (the order that avoids deadlocks); scoped, so out of
    // jurisdiction is not found.
    const seen = await repo.findKeys(actor, dispatchId);
    if (!seen) throw new AppError('NOT_FOUND');
    return db.transaction(async (tx) => {
      const leadRow = await createLeadRepository(tx).lockById(SYSTEM, seen.leadId);
      const teamRow = await createTeamRepository(tx).lockById(SYSTEM, seen.teamId);
      const d = await createDispatchRepository(tx).lockById(dispatchId);
      if (!leadRow || !teamRow || !d) throw new AppError('NOT_FOUND');
      return fn({ tx, lead: leadRow, team: teamRow, dispatch: d });
    });
  }

  /** A patrol member may act only on their own team's assignment, and only while it is live. */
  async function asMember(
    ctx: Ctx,
    dispatchId: string,
    allowed: DispatchState[],
    fn: (l: Locked) => Promise<void>,
  ) {
    await withLocked(ctx.actor, dispatchId, async (l) => {
      if (!(await createDispatchRepository(l.tx).isMember(l.team.id, ctx.actor.id)))
        throw new AppError('NOT_TEAM_MEMBER');
      if (!allowed.includes(l.dispatch.state as DispatchState))
        throw new AppError('DISPATCH_NOT_ACTIVE', { state: l.dispatch.state });
      await fn(l);
    });
    return get(ctx.actor, dispatchId);
  }

  /** Moves the lead, recording the transition on the lead's own timeline. */
  async function moveLead(
    l: Locked,
    ev: EventContext,
    to: LeadState,
    action:
      | 'lead.dispatched'
      | 'lead.returned'
      | 'lead.on_scene'
      | 'lead.resolved'
      | 'lead.not_found'
      | 'lead.closed',
    payload: Record<string, unknown>,
    outcomeNote?: string | null,
  ) {
    const from = l.lead.state as LeadState;
    if (!canTransition(from, to)) throw new AppError('INVALID_TRANSITION', { from, to });
    await createLeadRepository(l.tx).update(l.lead.id, {
      state: to,
      updatedAt: clock.now(),
      ...(outcomeNote !== undefined ? { outcomeNote } : {}),
    });
    await recordEvent(l.tx, ev, {
      action,
      entityType: 'lead',
      entityId: l.lead.id,
      regionCode: l.lead.regionCode,
      payload: {
        from,
        to,
        source: l.lead.source,
        dispatchId: l.dispatch.id,
        teamId: l.team.id,
        vulnerable: isVulnerableLead(l.lead.descriptors),
        ...payload,
      },
    });
  }

  const setTeam = (l: Locked, status: TeamRow['status']) =>
    createTeamRepository(l.tx).update(l.team.id, { status, updatedAt: clock.now() });

  /** The assignment ends without help given: the lead goes back to the queue, the team is free. */
  async function returnLead(
    l: Locked,
    ev: EventContext,
    state: DispatchState,
    reason: string,
    note?: string,
  ) {
    const now = clock.now();
    await createDispatchRepository(l.tx).update(l.dispatch.id, {
      state,
      endedAt: now,
      updatedAt: now,
      note: note ?? null,
    });
    await setTeam(l, 'available');
    await moveLead(l, ev, 'triaged', 'lead.returned', { reason });
  }

  async function raise(tx: Tx, d: DispatchRow, kind: 'not_accepted' | 'arrival_overdue') {
    const id = ids.next();
    const raised = await createDispatchRepository(tx).raiseAlert({
      id,
      kind,
      regionCode: d.regionCode,
      leadId: d.leadId,
      dispatchId: d.id,
      teamId: d.teamId,
      raisedAt: clock.now(),
    });
    if (raised)
      await recordEvent(
        tx,
        { actorId: null },
        {
          action: 'alert.raised',
          entityType: 'alert',
          entityId: id,
          regionCode: d.regionCode,
          payload: { kind, leadId: d.leadId, dispatchId: d.id, teamId: d.teamId },
        },
      );
  }

  /** A timer fired (or the sweep found it): act on whichever clock has run out. */
  async function check(dispatchId: string): Promise<void> {
    await withLocked(SYSTEM, dispatchId, async (l) => {
      const now = clock.now();
      const d = l.dispatch;
      if (d.state === 'pending' && now >= d.acceptBy) {
        await returnLead(l, { actorId: null }, 'expired', 'not_accepted');
        await raise(l.tx, d, 'not_accepted');
      } else if ((d.state === 'pending' || d.state === 'accepted') && now >= d.arriveBy) {
        await raise(l.tx, d, 'arrival_overdue');
      }
    }).catch((err) => {
      if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
    });
  }

  return {
    get,
    check,

    async sweep(): Promise<number> {
      const due = await repo.overdue(clock.now());
      for (const d of due) await check(d.id);
      return due.length;
    },

    /** The best available teams for a lead by estimated arrival (domain rule), nearest first. */
    async recommend(actor: Actor, leadId: string, limit = 5) {
      const found = await repo.candidatesForLead(actor, leadId, CANDIDATES);
      if (!found) throw new AppError('NOT_FOUND');
      const { position, unplaced, teams: nearby } = found;
      if (!position) return { items: [], unplaced };
      const ranked = recommendTeams(
        position,
        nearby.map((t) => ({ ...t, status: 'available' as const })),
        limit,
        estimator,
      );
      const now = clock.now().getTime();
      return {
        items: ranked.map((r) => {
          const t = nearby.find((x) => x.id === r.teamId)!;
          return {
            ...r,
            teamName: t.name,
            vehicle: t.vehicle,
            regionName: t.regionName,
            memberCount: t.memberCount,
            positionAt: t.positionAt?.toISOString() ?? null,
            stale: !t.positionAt || now - t.positionAt.getTime() > POSITION_STALE_MS,
          };
        }),
        unplaced,
      };
    },

    /**
     * Assigns a lead to a team. The lead's row lock makes two dispatchers take turns: the
     * second finds it dispatched and is refused; the partial unique index is the backstop.
     */
    async assign(ctx: Ctx, leadId: string, teamId: string): Promise<DispatchView> {
      const id = ids.next();
      const { acceptBy, arriveBy } = await db.transaction(async (tx) => {
        const leadRow = await createLeadRepository(tx).lockById(ctx.actor, leadId);
        if (!leadRow) throw new AppError('NOT_FOUND');
        const teams = createTeamRepository(tx);
        const teamRow = await teams.lockById(ctx.actor, teamId);
        if (!teamRow) throw new AppError('NOT_FOUND');
        const r = createDispatchRepository(tx);
        const state = leadRow.state as LeadState;
        if (state === 'dispatched' || state === 'on_scene') throw new AppError('LEAD_ALREADY_DISPATCHED');
        if (teamRow.status !== 'available' || (await r.liveForTeam(teamId)))
          throw new AppError('TEAM_NOT_AVAILABLE');
        const now = clock.now();
        const from = placeOf(teamRow);
        const to = placeOf(leadRow);
        const etaMinutes = from && to ? estimator.etaMinutes(from, to) : null;
        const distance = from && to ? Math.round(distanceMeters(from, to)) : null;
        const vulnerable = isVulnerableLead(leadRow.descriptors);
        const sla = tightenSla(policy, (await deps.responseLevel?.(leadRow.regionCode, tx)) ?? null);
        const row: DispatchRow = {
          id,
          leadId,
          teamId,
          regionCode: leadRow.regionCode,
          state: 'pending',
          assignedBy: ctx.actor.id,
          assignedAt: now,
          acceptBy: new Date(now.getTime() + sla.acceptMinutes * 60_000),
          acceptedAt: null,
          arriveBy: arrivalDeadline(now, etaMinutes, vulnerable, sla),
          arrivedAt: null,
          endedAt: null,
          etaMinutes,
          distanceM: distance,
          outcome: null,
          note: null,
          updatedAt: now,
        };
        await r.insert(row);
        await moveLead(
          { tx, lead: leadRow, team: teamRow, dispatch: row },
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          'dispatched',
          'lead.dispatched',
          { etaMinutes, distanceM: distance },
        );
        return row;
      });
      // After commit: a timer for each clock. Lost sends are caught by the minute sweep.
      await scheduler.at(DISPATCH_CHECK_JOB, { dispatchId: id }, acceptBy);
      await scheduler.at(DISPATCH_CHECK_JOB, { dispatchId: id }, arriveBy);
      return get(ctx.actor, id);
    },

    /** The dispatcher withdraws an assignment (e.g. to send a nearer team). */
    async cancel(ctx: Ctx, dispatchId: string, reason?: string): Promise<DispatchView> {
      await withLocked(ctx.actor, dispatchId, async (l) => {
        if (!['pending', 'accepted'].includes(l.dispatch.state)) throw new AppError('DISPATCH_NOT_ACTIVE');
        await returnLead(
          l,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          'cancelled',
          'cancelled',
          reason,
        );
      });
      return get(ctx.actor, dispatchId);
    },

    accept: (ctx: Ctx, dispatchId: string) =>
      asMember(ctx, dispatchId, ['pending'], async (l) => {
        const now = clock.now();
        // Accepting after the deadline is too late: the timer may not have run yet, so check here too.
        if (now > l.dispatch.acceptBy)
          throw new AppError('DISPATCH_NOT_ACTIVE', { reason: 'acceptance window over' });
        await createDispatchRepository(l.tx).update(l.dispatch.id, {
          state: 'accepted',
          acceptedAt: now,
          updatedAt: now,
        });
        await setTeam(l, 'en_route');
        await recordEvent(
          l.tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'lead.accepted',
            entityType: 'lead',
            entityId: l.lead.id,
            regionCode: l.lead.regionCode,
            payload: { dispatchId: l.dispatch.id, teamId: l.team.id },
          },
        );
      }),

    decline: (ctx: Ctx, dispatchId: string, reason?: string) =>
      asMember(ctx, dispatchId, ['pending'], (l) =>
        returnLead(l, { actorId: ctx.actor.id, requestId: ctx.requestId }, 'declined', 'declined', reason),
      ),

    arrive: (ctx: Ctx, dispatchId: string) =>
      asMember(ctx, dispatchId, ['accepted'], async (l) => {
        const now = clock.now();
        await createDispatchRepository(l.tx).update(l.dispatch.id, {
          state: 'on_scene',
          arrivedAt: now,
          updatedAt: now,
        });
        await setTeam(l, 'on_scene');
        await moveLead(l, { actorId: ctx.actor.id, requestId: ctx.requestId }, 'on_scene', 'lead.on_scene', {
          minutesFromLead: Math.round((now.getTime() - l.lead.receivedAt.getTime()) / 60_000),
          withinSla: now <= l.dispatch.arriveBy,
        });
      }),

    complete: (ctx: Ctx, dispatchId: string, outcome: DispatchOutcome, note?: string) =>
      asMember(ctx, dispatchId, ['accepted', 'on_scene'], async (l) => {
        const now = clock.now();
        await createDispatchRepository(l.tx).update(l.dispatch.id, {
          state: 'completed',
          outcome,
          note: note ?? null,
          endedAt: now,
          arrivedAt: l.dispatch.arrivedAt ?? now,
          updatedAt: now,
        });
        await setTeam(l, 'available');
        const to = leadStateAfterOutcome[outcome];
        const action = {
          resolved: 'lead.resolved',
          not_found: 'lead.not_found',
          closed: 'lead.closed',
        } as const;
        await moveLead(
          l,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          to,
          action[to],
          { outcome },
          note ?? null,
        );
      }),

    listLive: async (actor: Actor) => ({ items: (await repo.listLive(actor)).map(present) }),
    async listForLead(actor: Actor, leadId: string) {
      if (!(await createLeadRepository(db).findById(actor, leadId))) throw new AppError('NOT_FOUND');
      return { items: (await repo.listForLead(actor, leadId)).map(present) };
    },

    /** A patrol member's phone: their team and its assignments, live first. */
    async mine(actor: Actor) {
      const teamId = await createTeamRepository(db).teamOfUser(actor.id);
      if (!teamId) return { teamId: null, items: [] };
      return { teamId, items: (await repo.listForTeam(teamId, 20)).map(present) };
    },

    async timeline(actor: Actor, leadId: string) {
      if (!(await createLeadRepository(db).findById(actor, leadId))) throw new AppError('NOT_FOUND');
      // The event log's own query, filtered to this lead; it lists newest first.
      const rows = await createEventRepository(db).list(actor, {
        entityType: 'lead',
        entityId: leadId,
        page: 1,
        pageSize: 200,
      });
      return {
        items: rows.reverse().map(({ event: e, actorName }) => ({
          id: e.id,
          at: e.at.toISOString(),
          action: e.action,
          actorName,
          payload: (e.payload ?? {}) as Record<string, unknown>,
        })),
      };
    },

    async alerts(actor: Actor, openOnly: boolean) {
      const rows = await repo.listAlerts(actor, openOnly);
      return {
        items: rows.map(({ alert: a, trackingCode, teamName }) => ({
          id: a.id,
          kind: a.kind as AlertKind,
          regionCode: a.regionCode,
          leadId: a.leadId,
          trackingCode,
          dispatchId: a.dispatchId,
          teamName,
          raisedAt: a.raisedAt.toISOString(),
          acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
        })),
      };
    },

    async acknowledge(ctx: Ctx, alertId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const r = createDispatchRepository(tx);
        const a = await r.lockAlert(ctx.actor, alertId);
        if (!a) throw new AppError('NOT_FOUND');
        if (a.acknowledgedAt) return;
        await r.acknowledgeAlert(alertId, ctx.actor.id, clock.now());
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'alert.acknowledged',
            entityType: 'alert',
            entityId: alertId,
            regionCode: a.regionCode,
            payload: { kind: a.kind },
          },
        );
      });
    },
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
