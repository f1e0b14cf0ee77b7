/**
 * Warnings → response level → work. Each bureau region's level is assessed whenever a warning
 * or forecast changes (and every five minutes): what its table calls for is put to the duty
 * leader as a proposal (activate, escalate, lower, end), who confirms it in one act — or the
 * bureau confirms automatically. Confirming changes the response and makes the plan's tasks.
 * One region is assessed at a time (an advisory lock), so two processes never propose twice.
 */
import {
  colourRank,
  defaultResponseTable,
  levelFor,
  planFor,
  proposalFor,
  type ResponseLevel,
  type ResponseProposal,
  type ResponseRule,
  regionPrefix,
  responseLevelLabels,
  responseProposalLabels,
  type WarningColour,
  type WarningKind,
} from '@warmline/domain';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/pool.ts';
import type { Ctx } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventContext } from '../../platform/events.ts';
import { createResponseRepository, type ProposalRow } from './response.repository.ts';
import { planTasks, type ResponseDeps, responsible, scheduleTasks } from './response-tasks.ts';

/** The night now belongs to, as the Beijing date it started on (before 08:00 it is last night's). */
export const nightOf = (now: Date) => new Date(now.getTime()).toISOString().slice(0, 10);

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function proposalTitle(kind: ResponseProposal, to: ResponseLevel | null, from: ResponseLevel | null) {
  const level = (l: ResponseLevel | null) => (l ? responseLevelLabels[l].zh : '');
  return kind === 'deactivate'
    ? `${responseProposalLabels.deactivate.zh}（当前${level(from)}）`
    : `${responseProposalLabels[kind].zh}：${level(to)}`;
}

export const RESPONSE_EVALUATE_JOB = 'response-evaluate';

export function createResponseService(deps: ResponseDeps) {
  const { db, clock, ids, recordEvent } = deps;

  async function tableOf(tx: Tx, code: string) {
    const row = await createResponseRepository(tx).table(code);
    return {
      rules: (row?.rules as ResponseRule[] | undefined) ?? defaultResponseTable,
      autoActivate: row?.autoActivate ?? false,
      custom: !!row,
    };
  }

  /** Carries a proposal out inside the caller's transaction; returns the tasks to time. */
  async function carryOut(tx: Tx, p: ProposalRow, ev: EventContext) {
    const repo = createResponseRepository(tx);
    const now = clock.now();
    const kind = p.kind as ResponseProposal;
    const to = p.toLevel as ResponseLevel | null;
    await repo.decideProposal(p.id, { state: 'confirmed', decidedAt: now, decidedBy: ev.actorId });
    const entry = { level: to, at: now.toISOString(), by: ev.actorId };
    const current = await repo.active(p.regionCode);
    if (kind === 'activate') {
      if (current) throw new AppError('PROPOSAL_DECIDED');
      const id = ids.next();
      await repo.insertResponse({
        id,
        regionCode: p.regionCode,
        level: to!,
        state: 'active',
        proposedAt: p.createdAt,
        activatedAt: now,
        activatedBy: ev.actorId,
        levels: [entry],
        warningIds: p.warningIds,
        createdAt: now,
      });
      await repo.decideProposal(p.id, { responseId: id });
      const response = (await repo.lockResponse(id))!;
      await event(tx, ev, 'response.activated', response.id, p, { level: to });
      return planTasks(deps, tx, response, to!);
    }
    if (!current) throw new AppError('RESPONSE_ENDED');
    const response = (await repo.lockResponse(current.id))!;
    if (kind === 'deactivate') {
      await repo.updateResponse(response.id, { state: 'ended', endedAt: now, endedBy: ev.actorId });
      await repo.cancelOpenTasks(response.id, [], now);
      await event(tx, ev, 'response.ended', response.id, p, { level: response.level });
      return [];
    }
    await repo.updateResponse(response.id, {
      level: to!,
      levels: [...(response.levels as unknown[]), entry],
      warningIds: [...new Set([...response.warningIds, ...p.warningIds])],
    });
    await event(tx, ev, kind === 'escalate' ? 'response.escalated' : 'response.lowered', response.id, p, {
      from: response.level,
      level: to,
    });
    if (kind === 'escalate') return planTasks(deps, tx, { ...response, level: to! }, to!);
    // Lowered: what only the higher level asked for is no longer owed.
    await repo.cancelOpenTasks(
      response.id,
      planFor(to!).map((m) => m.zh),
      now,
    );
    return [];
  }

  async function event(
    tx: Tx,
    ev: EventContext,
    action: 'response.activated' | 'response.escalated' | 'response.lowered' | 'response.ended',
    responseId: string,
    p: ProposalRow,
    payload: Record<string, unknown>,
  ) {
    await recordEvent(tx, ev, {
      action,
      entityType: 'emergency_response',
      entityId: responseId,
      regionCode: p.regionCode,
      payload: { ...payload, proposalId: p.id, auto: ev.actorId === null },
    });
  }

  /** Assesses one region; returns the proposal made, if any. */
  async function evaluateRegion(code: string) {
    const made = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`response:${code}`}))`);
      const repo = createResponseRepository(tx);
      const now = clock.now();
      const table = await tableOf(tx, code);
      const warnings = await repo.liveWarnings(code, now);
      const colours: Partial<Record<WarningKind, WarningColour>> = {};
      for (const w of warnings) {
        const c = colours[w.kind as WarningKind];
        if (!c || colourRank(w.colour as WarningColour) > colourRank(c))
          colours[w.kind as WarningKind] = w.colour as WarningColour;
      }
      const forecastMinC = await repo.forecastMin(code, nightOf(now));
      const target = levelFor(table.rules, { colours, forecastMinC });
      const current = await repo.active(code);
      const kind = proposalFor((current?.level as ResponseLevel | undefined) ?? null, target);
      const open = await repo.openProposal(code);
      const warningIds = warnings.map((w) => w.id);
      if (open && (!kind || open.kind !== kind || open.toLevel !== target)) {
        await repo.decideProposal(open.id, { state: kind ? 'superseded' : 'withdrawn', decidedAt: now });
        await recordEvent(
          tx,
          { actorId: null },
          {
            action: 'response.proposal_withdrawn',
            entityType: 'response_proposal',
            entityId: open.id,
            regionCode: code,
            payload: { kind: open.kind, toLevel: open.toLevel, replaced: !!kind },
          },
        );
      } else if (open) return null; // already put to the leader
      if (!kind) return null;
      const since = current?.activatedAt ?? new Date(now.getTime() - 7 * 86_400_000);
      const dismissed = await repo.lastDismissed(code, kind, target, since);
      if (dismissed && sameSet(dismissed.warningIds, warningIds)) return null; // the leader said no to this
      const proposal = {
        id: ids.next(),
        regionCode: code,
        responseId: current?.id ?? null,
        kind,
        fromLevel: current?.level ?? null,
        toLevel: target,
        warningIds,
        forecastMinC,
        state: 'open',
        createdAt: now,
      };
      await repo.insertProposal(proposal);
      await recordEvent(
        tx,
        { actorId: null },
        {
          action: 'response.proposed',
          entityType: 'response_proposal',
          entityId: proposal.id,
          regionCode: code,
          payload: { kind, fromLevel: proposal.fromLevel, toLevel: target, warnings: warningIds.length },
        },
      );
      const stored = { ...proposal, decidedAt: null, decidedBy: null, note: null } as ProposalRow;
      if (table.autoActivate) {
        const tasks = await carryOut(tx, stored, { actorId: null });
        return { proposal: { ...stored, state: 'confirmed', decidedAt: now }, tasks };
      }
      const users = await responsible(deps, tx, code);
      await deps.notifier.send(
        tx,
        users.map((userId) => ({
          userId,
          regionCode: code,
          kind: 'response.proposed',
          title: proposalTitle(kind, target, proposal.fromLevel as ResponseLevel | null),
          body: `${warnings
            .map((w) => w.headline)
            .filter(Boolean)
            .join('；')}`.slice(0, 300),
          link: '/response',
        })),
      );
      return { proposal: stored, tasks: [] };
    });
    if (made) await scheduleTasks(deps, made.tasks);
    return made?.proposal ?? null;
  }

  return {
    evaluateRegion,
    /** Every bureau region (or those a change touched and what covers them). */
    async evaluate(regionCodes?: readonly string[]) {
      const all = await createResponseRepository(db).bureauRegions();
      const touched = regionCodes?.length
        ? all.filter((b) =>
            regionCodes.some((c) => c.startsWith(regionPrefix(b)) || b.startsWith(regionPrefix(c))),
          )
        : all;
      const made = [];
      for (const code of touched) {
        const p = await evaluateRegion(code);
        if (p) made.push(p);
      }
      return made;
    },

    /** The duty leader confirms: the level changes now and the plan's tasks are made. */
    async confirm(ctx: Ctx, proposalId: string) {
      const ev = { actorId: ctx.actor.id, requestId: ctx.requestId };
      const { tasks, p } = await db.transaction(async (tx) => {
        const p = await createResponseRepository(tx).lockProposal(ctx.actor, proposalId);
        if (!p) throw new AppError('NOT_FOUND');
        if (p.state !== 'open') throw new AppError('PROPOSAL_DECIDED');
        return { tasks: await carryOut(tx, p, ev), p };
      });
      await scheduleTasks(deps, tasks);
      return (await createResponseRepository(db).active(p.regionCode))?.id ?? p.responseId;
    },

    /** Not taken up: not put again while the same warnings hold. */
    async dismiss(ctx: Ctx, proposalId: string, note: string | undefined) {
      await db.transaction(async (tx) => {
        const repo = createResponseRepository(tx);
        const p = await repo.lockProposal(ctx.actor, proposalId);
        if (!p) throw new AppError('NOT_FOUND');
        if (p.state !== 'open') throw new AppError('PROPOSAL_DECIDED');
        await repo.decideProposal(p.id, {
          state: 'dismissed',
          decidedAt: clock.now(),
          decidedBy: ctx.actor.id,
          note: note ?? null,
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'response.proposal_dismissed',
            entityType: 'response_proposal',
            entityId: p.id,
            regionCode: p.regionCode,
            payload: { kind: p.kind, toLevel: p.toLevel },
          },
        );
      });
    },

    table: (code: string) => db.transaction((tx) => tableOf(tx, code)),

    /** The tasks confirming a proposal made (made at the moment it was decided). */
    async tasksMadeBy(proposalId: string) {
      return createResponseRepository(db).tasksMadeBy(proposalId);
    },

    async setTable(ctx: Ctx, input: { regionCode: string; rules: ResponseRule[]; autoActivate: boolean }) {
      if (input.rules.some((r) => !r.when.length)) throw new AppError('RESPONSE_TABLE_INVALID');
      await db.transaction(async (tx) => {
        await createResponseRepository(tx).setTable({
          regionCode: input.regionCode,
          rules: input.rules,
          autoActivate: input.autoActivate,
          updatedAt: clock.now(),
          updatedBy: ctx.actor.id,
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'response.table_set',
            entityType: 'response_table',
            entityId: input.regionCode,
            regionCode: input.regionCode,
            payload: { rules: input.rules.length, autoActivate: input.autoActivate },
          },
        );
      });
      await evaluateRegion(input.regionCode);
    },
  };
}

export type ResponseService = ReturnType<typeof createResponseService>;
