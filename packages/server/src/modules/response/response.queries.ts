/** What staff and the public read of responses: the banner, proposals, the board, the report. */
import {
  colourRank,
  levelRank,
  type ResponseLevel,
  regionPrefix,
  tighteningByLevel,
  type WarningColour,
} from '@warmline/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import { region, responseProposal, weatherWarning } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { afterActionFigures } from './after-action.ts';
import {
  createResponseRepository,
  type ProposalRow,
  type ResponseRow,
  type TaskRow,
} from './response.repository.ts';
import { nightOf, proposalTitle } from './response.service.ts';
import { suppliesToMove, teamsOnDuty } from './task-detail.ts';

export function createResponseQueries(deps: { db: Db; clock: Clock; publicRegionCode: string }) {
  const { db, clock } = deps;
  const repo = createResponseRepository(db);

  async function names(codes: string[]) {
    const rows = codes.length
      ? await db
          .select({ code: region.code, name: region.name })
          .from(region)
          .where(inArray(region.code, codes))
      : [];
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async function warningsOf(ids: string[]) {
    if (!ids.length) return [];
    const rows = await db
      .select({
        id: weatherWarning.id,
        kind: weatherWarning.kind,
        colour: weatherWarning.colour,
        headline: weatherWarning.headline,
        endedAt: weatherWarning.endedAt,
        expires: weatherWarning.expires,
      })
      .from(weatherWarning)
      .where(inArray(weatherWarning.id, ids));
    return rows.map((w) => ({
      ...w,
      endedAt: w.endedAt?.toISOString() ?? null,
      expires: w.expires?.toISOString() ?? null,
    }));
  }

  /** Live figures for an open task that needs them (teams on duty, supplies to move). */
  async function detailOf(t: TaskRow, r: ResponseRow) {
    if (t.state !== 'open') return null;
    if (t.code === 'teams_on_duty')
      return { teams: await teamsOnDuty(db, r.regionCode, r.level as ResponseLevel) };
    if (t.code === 'move_supplies')
      return {
        supplies: await suppliesToMove(
          db,
          r.regionCode,
          await repo.forecastMin(r.regionCode, nightOf(clock.now())),
        ),
      };
    return null;
  }

  const presentTask = (t: TaskRow, now: Date) => ({
    id: t.id,
    code: t.code,
    title: t.title,
    level: t.level as ResponseLevel,
    ownerRole: t.ownerRole,
    dueAt: t.dueAt.toISOString(),
    state: t.state as 'open' | 'done' | 'cancelled',
    overdue: t.state === 'open' && t.dueAt <= now,
    escalatedAt: t.escalatedAt?.toISOString() ?? null,
    doneAt: t.doneAt?.toISOString() ?? null,
    onTime: t.state === 'done' && !!t.doneAt && t.doneAt <= t.dueAt,
    note: t.note,
  });

  const presentResponse = (r: ResponseRow, regionName: string) => ({
    id: r.id,
    regionCode: r.regionCode,
    regionName,
    level: r.level as ResponseLevel,
    state: r.state as 'active' | 'ended',
    proposedAt: r.proposedAt.toISOString(),
    activatedAt: r.activatedAt.toISOString(),
    auto: r.activatedBy === null,
    endedAt: r.endedAt?.toISOString() ?? null,
    levels: r.levels as { level: ResponseLevel | null; at: string; by: string | null }[],
  });

  async function presentProposal(p: ProposalRow, regionName: string) {
    return {
      id: p.id,
      regionCode: p.regionCode,
      regionName,
      kind: p.kind as 'activate' | 'escalate' | 'lower' | 'deactivate',
      title: proposalTitle(
        p.kind as never,
        p.toLevel as ResponseLevel | null,
        p.fromLevel as ResponseLevel | null,
      ),
      fromLevel: p.fromLevel as ResponseLevel | null,
      toLevel: p.toLevel as ResponseLevel | null,
      forecastMinC: p.forecastMinC,
      state: p.state,
      createdAt: p.createdAt.toISOString(),
      decidedAt: p.decidedAt?.toISOString() ?? null,
      note: p.note,
      warnings: await warningsOf(p.warningIds),
    };
  }

  return {
    /** The banner: the highest level in force where the actor works, and proposals waiting. */
    async status(actor: Actor) {
      const active = await repo.applying(actor, 'active');
      const top = active.sort(
        (a, b) => levelRank(b.level as ResponseLevel) - levelRank(a.level as ResponseLevel),
      );
      const n = await names(top.map((r) => r.regionCode));
      const [waiting] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(responseProposal)
        .where(
          and(
            eq(responseProposal.state, 'open'),
            sql`${responseProposal.regionCode} LIKE ${`${regionPrefix(actor.regionCode)}%`}`,
          ),
        );
      const level = (top[0]?.level as ResponseLevel | undefined) ?? null;
      return {
        level,
        active: top.map((r) => presentResponse(r, n.get(r.regionCode) ?? r.regionCode)),
        openProposals: waiting?.n ?? 0,
        tightening: tighteningByLevel[level ?? 'none'],
      };
    },

    async proposals(actor: Actor, open: boolean) {
      const rows = await repo.proposals(actor, { open });
      const n = await names([...new Set(rows.map((p) => p.regionCode))]);
      return {
        items: await Promise.all(rows.map((p) => presentProposal(p, n.get(p.regionCode) ?? p.regionCode))),
      };
    },

    async list(actor: Actor, state?: 'active') {
      const rows = await repo.applying(actor, state);
      const n = await names([...new Set(rows.map((r) => r.regionCode))]);
      const counts = await repo.taskCounts(
        rows.map((r) => r.id),
        clock.now(),
      );
      return {
        items: rows.map((r) => {
          const c = counts.get(r.id);
          return {
            ...presentResponse(r, n.get(r.regionCode) ?? r.regionCode),
            tasksOpen: c?.open ?? 0,
            tasksOverdue: c?.overdue ?? 0,
            tasksDone: c?.done ?? 0,
          };
        }),
      };
    },

    async get(actor: Actor, id: string) {
      const r = await repo.find(actor, id);
      if (!r) throw new AppError('NOT_FOUND');
      const now = clock.now();
      const regionName = await repo.regionName(r.regionCode);
      const proposals = await repo.proposals({ regionCode: r.regionCode }, { open: false, responseId: r.id });
      const tasks = await Promise.all(
        (await repo.tasksOf(r.id)).map(async (t) => ({
          ...presentTask(t, now),
          detail: await detailOf(t, r),
        })),
      );
      return {
        ...presentResponse(r, regionName),
        warnings: await warningsOf(r.warningIds),
        tasks,
        proposals: await Promise.all(proposals.map((p) => presentProposal(p, regionName))),
      };
    },

    /** The after-action report: times, tasks on time, and the window's figures. */
    async report(actor: Actor, id: string) {
      const r = await repo.find(actor, id);
      if (!r) throw new AppError('NOT_FOUND');
      const now = clock.now();
      const tasks = (await repo.tasksOf(r.id)).map((t) => presentTask(t, now));
      const figures = await afterActionFigures(db, {
        regionCode: r.regionCode,
        from: r.activatedAt,
        to: r.endedAt ?? now,
      });
      return {
        ...presentResponse(r, await repo.regionName(r.regionCode)),
        hours: Math.round(((r.endedAt ?? now).getTime() - r.activatedAt.getTime()) / 360_000) / 10,
        tasks: {
          // Every task the plan made; those still open when it ended (or was lowered) are cancelled.
          total: tasks.length,
          done: tasks.filter((t) => t.state === 'done').length,
          onTime: tasks.filter((t) => t.onTime).length,
          overdue: tasks.filter((t) => t.escalatedAt !== null).length,
          cancelled: tasks.filter((t) => t.state === 'cancelled').length,
        },
        figures,
      };
    },

    /** The public pages' banner: a response or a warning in force in the public region. */
    async publicAlert() {
      const code = deps.publicRegionCode;
      const active = await repo.applying({ regionCode: code }, 'active');
      const warnings = await repo.liveWarnings(code, clock.now());
      const top =
        active.map((r) => r.level as ResponseLevel).sort((a, b) => levelRank(b) - levelRank(a))[0] ?? null;
      return {
        level: top,
        // The strongest first, then the newest (ids are time-ordered).
        warnings: [...warnings]
          .sort(
            (a, b) =>
              colourRank(b.colour as WarningColour) - colourRank(a.colour as WarningColour) ||
              (a.id < b.id ? 1 : -1),
          )
          .slice(0, 5)
          .map((w) => ({ kind: w.kind, colour: w.colour, headline: w.headline })),
      };
    },
  };
}

export type ResponseQueries = ReturnType<typeof createResponseQueries>;
