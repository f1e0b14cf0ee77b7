import {
  beijingDate,
  type CampaignDates,
  campaignDatesProblem,
  campaignPeriods,
  can,
  type Figures,
  figuresDiff,
  isOverdue,
  isPeriodEnded,
  isReportingRegion,
  isSubmissionEditable,
  isWithinRegion,
  type ReportPeriod,
  reduceFigures,
  regionLevel,
  reviewerRegionOf,
  type SubmissionState,
  submissionTitle,
} from '@warmline/domain';
import type { Db, Tx } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { type RecordEvent, recordRead } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { RegionService } from '../regions/region.service.ts';
import { createStatsRepository } from '../stats/stats.repository.ts';
import { type CampaignRow, createReportsRepository, type SubmissionRow } from './reports.repository.ts';
import type { CampaignInput, CampaignView, SubmissionView } from './reports.schema.ts';

const datesOf = (c: CampaignRow): CampaignDates => ({
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  monthlyDueDay: c.monthlyDueDay,
  finalDueDays: c.finalDueDays,
});

/**
 * 报送: campaigns and their reporting calendar, and each region's return for a period — generated
 * from the figures (a snapshot), filled in, submitted, approved or sent back by the parent region's
 * bureau, resubmitted. Every act is an event in the transaction that makes it.
 */
export function createReportsService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  regions: Pick<RegionService, 'get' | 'children' | 'assertAssignable'>;
}) {
  const { db, clock, ids, recordEvent, regions } = deps;
  const repo = createReportsRepository(db);
  const today = () => beijingDate(clock.now());
  const eventCtx = (ctx: Ctx) => ({ actorId: ctx.actor.id, requestId: ctx.requestId });

  const canEditCampaign = (actor: Actor, c: CampaignRow) =>
    can(actor.role, 'stats.report') && isWithinRegion(c.regionCode, actor.regionCode);

  const presentCampaign = (actor: Actor, r: { campaign: CampaignRow; regionName: string }): CampaignView => ({
    id: r.campaign.id,
    name: r.campaign.name,
    regionCode: r.campaign.regionCode,
    regionName: r.regionName,
    startsOn: r.campaign.startsOn,
    endsOn: r.campaign.endsOn,
    monthlyDueDay: r.campaign.monthlyDueDay,
    finalDueDays: r.campaign.finalDueDays,
    canEdit: canEditCampaign(actor, r.campaign),
    periods: campaignPeriods(datesOf(r.campaign)),
    createdAt: r.campaign.createdAt.toISOString(),
  });

  async function foundCampaign(actor: Actor, id: string) {
    const r = await repo.findCampaign(actor, id);
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  /** 韶关市浈江区 for a county, 韶关市 for a city, 广东省 for a province. */
  async function fullName(actor: Actor, code: string) {
    const r = await regions.get(actor, code);
    const above = r.path.filter((p) => p.level === 'city').map((p) => p.name);
    return { code: r.code, name: r.name, fullName: [...above, r.name].join('') };
  }

  /** The figures of a region and period as they stand now (the rollup and its unread tail). */
  async function liveFigures(tx: Db | Tx, regionCode: string, from: string, to: string): Promise<Figures> {
    const [found] = await createStatsRepository(tx).figures({ regions: [regionCode], period: { from, to } });
    return found?.figures ?? reduceFigures([], []);
  }

  /** Filling in a return is its own region's bureau's act; a city does not file for a county. */
  function assertOwnRegion(actor: Actor, s: Pick<SubmissionRow, 'regionCode'>) {
    if (actor.regionCode !== s.regionCode) throw new AppError('SUBMISSION_NOT_OWN_REGION');
  }

  function assertEditable(s: SubmissionRow) {
    if (!isSubmissionEditable(s.state as SubmissionState)) throw new AppError('SUBMISSION_NOT_EDITABLE');
  }

  async function locked(tx: Tx, actor: Actor, id: string) {
    const s = await createReportsRepository(tx).lockSubmission(actor, id);
    if (!s) throw new AppError('NOT_FOUND');
    return s;
  }

  const subEvent = (s: Pick<SubmissionRow, 'id' | 'regionCode'>) => ({
    entityType: 'submission',
    entityId: s.id,
    regionCode: s.regionCode,
  });

  async function get(actor: Actor, id: string): Promise<SubmissionView> {
    const s = await repo.findSubmission(actor, id);
    if (!s) throw new AppError('NOT_FOUND');
    const c = await foundCampaign(actor, s.campaignId);
    const r = await fullName(actor, s.regionCode);
    const state = s.state as SubmissionState;
    const snapshot = normalised(s.figures);
    const live = await liveFigures(db, s.regionCode, s.fromDay, s.toDay);
    const reporter = can(actor.role, 'stats.report');
    const mine = reporter && actor.regionCode === s.regionCode && isSubmissionEditable(state);
    const reviewer = reviewerRegionOf(s.regionCode);
    return {
      id: s.id,
      campaignId: s.campaignId,
      campaignName: c.campaign.name,
      regionCode: s.regionCode,
      regionName: r.fullName,
      title: submissionTitle(r.fullName, s.period, c.campaign.startsOn),
      reportingUnit: (await repo.bureauName(s.regionCode)) ?? `${r.fullName}民政局`,
      reviewerRegionCode: reviewer,
      period: s.period,
      from: s.fromDay,
      to: s.toDay,
      dueOn: s.dueOn,
      overdue: isOverdue({ dueOn: s.dueOn }, state, today()),
      state,
      version: s.version,
      figures: snapshot,
      remarks: s.remarks,
      filledBy: s.filledBy,
      generatedAt: s.generatedAt.toISOString(),
      submittedAt: s.submittedAt?.toISOString() ?? null,
      reviewedAt: s.reviewedAt?.toISOString() ?? null,
      reviewComment: s.reviewComment,
      can: {
        edit: mine,
        submit: mine,
        review: reporter && state === 'submitted' && actor.regionCode === reviewer,
      },
      changes: figuresDiff(snapshot, live),
      history: (await repo.history(s.id))
        .filter((h) => h.action !== 'submission.exported')
        .map((h) => {
          const p = (h.payload ?? {}) as { version?: unknown; comment?: unknown };
          return {
            action: h.action,
            at: h.at.toISOString(),
            actorName: h.actorName,
            version: typeof p.version === 'number' ? p.version : null,
            comment: typeof p.comment === 'string' ? p.comment : null,
          };
        }),
    };
  }

  /** Writes a draft's figures again: the same row, the snapshot of now. */
  async function refresh(ctx: Ctx, tx: Tx, s: SubmissionRow, p: ReportPeriod, regenerated: boolean) {
    const now = clock.now();
    const figures = await liveFigures(tx, s.regionCode, p.from, p.to);
    await createReportsRepository(tx).updateSubmission(s.id, {
      fromDay: p.from,
      toDay: p.to,
      dueOn: p.dueOn,
      figures,
      generatedAt: now,
      generatedBy: ctx.actor.id,
      updatedAt: now,
    });
    await recordEvent(tx, eventCtx(ctx), {
      action: 'submission.generated',
      ...subEvent(s),
      payload: { period: s.period, version: s.version, regenerated, assisted: figures.values.assisted },
    });
  }

  function periodOf(c: CampaignRow, period: string): ReportPeriod {
    const p = campaignPeriods(datesOf(c)).find((x) => x.period === period);
    if (!p) throw new AppError('PERIOD_NOT_IN_CALENDAR');
    return p;
  }

  function cellsOf(periods: ReportPeriod[], rows: SubmissionRow[], code: string, day: string) {
    return periods.map((p) => {
      const s = rows.find((r) => r.regionCode === code && r.period === p.period);
      const state = (s?.state ?? null) as SubmissionState | null;
      return {
        period: p.period,
        dueOn: p.dueOn,
        submissionId: s?.id ?? null,
        state,
        version: s?.version ?? null,
        submittedAt: s?.submittedAt?.toISOString() ?? null,
        overdue: isOverdue(p, state, day),
      };
    });
  }

  return {
    async listCampaigns(actor: Actor) {
      return { items: (await repo.listCampaigns(actor)).map((r) => presentCampaign(actor, r)) };
    },

    async getCampaign(actor: Actor, id: string) {
      return presentCampaign(actor, await foundCampaign(actor, id));
    },

    async createCampaign(ctx: Ctx, input: CampaignInput) {
      if (campaignDatesProblem(input))
        throw new AppError('CAMPAIGN_DATES_INVALID', campaignDatesProblem(input));
      if (regionLevel(input.regionCode) === 'township') throw new AppError('REGION_NOT_IN_CAMPAIGN');
      await regions.assertAssignable(ctx.actor, input.regionCode);
      const id = ids.next();
      await db.transaction(async (tx) => {
        await createReportsRepository(tx).insertCampaign({
          id,
          ...input,
          createdAt: clock.now(),
          createdBy: ctx.actor.id,
        });
        await recordEvent(tx, eventCtx(ctx), {
          action: 'campaign.created',
          entityType: 'campaign',
          entityId: id,
          regionCode: input.regionCode,
          payload: { startsOn: input.startsOn, endsOn: input.endsOn },
        });
      });
      return presentCampaign(ctx.actor, await foundCampaign(ctx.actor, id));
    },

    async extendCampaign(ctx: Ctx, id: string, endsOn: string) {
      const c = (await foundCampaign(ctx.actor, id)).campaign;
      if (!canEditCampaign(ctx.actor, c)) throw new AppError('CAMPAIGN_READ_ONLY');
      await db.transaction(async (tx) => {
        const row = await createReportsRepository(tx).lockCampaign(id);
        if (!row) throw new AppError('NOT_FOUND');
        if (endsOn <= row.endsOn) throw new AppError('CAMPAIGN_EXTEND_NOT_LATER', { endsOn: row.endsOn });
        const problem = campaignDatesProblem({ ...datesOf(row), endsOn });
        if (problem) throw new AppError('CAMPAIGN_DATES_INVALID', problem);
        await createReportsRepository(tx).extendCampaign(id, endsOn);
        await recordEvent(tx, eventCtx(ctx), {
          action: 'campaign.extended',
          entityType: 'campaign',
          entityId: id,
          regionCode: row.regionCode,
          payload: { from: row.endsOn, to: endsOn },
        });
      });
      return presentCampaign(ctx.actor, await foundCampaign(ctx.actor, id));
    },

    /**
     * The calendar for a region (default: the caller's, or the campaign's for those above it):
     * its own returns and each child's, per period, the overdue ones flagged.
     */
    async returns(actor: Actor, campaignId: string, region?: string) {
      const c = (await foundCampaign(actor, campaignId)).campaign;
      const own = actor.regionCode.slice(0, 6);
      const code = region ?? (isWithinRegion(own, c.regionCode) ? own : c.regionCode);
      const r = await regions.get(actor, code);
      if (!isWithinRegion(code, c.regionCode)) throw new AppError('REGION_NOT_IN_CAMPAIGN');
      const kids =
        isReportingRegion(code) || regionLevel(code) === 'province'
          ? await regions.children(actor, code)
          : [];
      const filers = kids.filter((k) => isReportingRegion(k.code) && k.level !== 'township');
      const periods = campaignPeriods(datesOf(c));
      const rows = await repo.submissionsOf(actor, c.id, [code, ...filers.map((k) => k.code)]);
      const day = today();
      return {
        region: { code: r.code, name: r.name },
        today: day,
        periods,
        own: isReportingRegion(code) ? cellsOf(periods, rows, code, day) : [],
        children: filers.map((k) => ({
          code: k.code,
          name: k.name,
          cells: cellsOf(periods, rows, k.code, day),
        })),
      };
    },

    /** A region's return for a period, as a draft with today's figures (or a draft's figures again). */
    async generate(ctx: Ctx, campaignId: string, input: { regionCode: string; period: string }) {
      const c = (await foundCampaign(ctx.actor, campaignId)).campaign;
      if (!isReportingRegion(input.regionCode) || !isWithinRegion(input.regionCode, c.regionCode))
        throw new AppError('REGION_NOT_IN_CAMPAIGN');
      if (!isWithinRegion(input.regionCode, ctx.actor.regionCode)) throw new AppError('NOT_FOUND');
      assertOwnRegion(ctx.actor, input);
      const p = periodOf(c, input.period);
      if (!isPeriodEnded(p, today())) throw new AppError('PERIOD_NOT_ENDED', { to: p.to });
      const id = await db.transaction(async (tx) => {
        const txRepo = createReportsRepository(tx);
        let s = await txRepo.lockSubmissionOf(c.id, input.regionCode, input.period);
        if (!s) {
          const now = clock.now();
          const fresh = ids.next();
          const stored = await txRepo.insertSubmission({
            id: fresh,
            campaignId: c.id,
            regionCode: input.regionCode,
            period: p.period,
            fromDay: p.from,
            toDay: p.to,
            dueOn: p.dueOn,
            state: 'draft',
            figures: reduceFigures([], []),
            generatedAt: now,
            generatedBy: ctx.actor.id,
            updatedAt: now,
          });
          s = await txRepo.lockSubmissionOf(c.id, input.regionCode, input.period);
          if (!s) throw new AppError('INTERNAL');
          // Another request made it first: it is that return now, editable or not.
          if (!stored) assertEditable(s);
          await refresh(ctx, tx, s, p, !stored);
          return s.id;
        }
        assertEditable(s);
        await refresh(ctx, tx, s, p, true);
        return s.id;
      });
      return get(ctx.actor, id);
    },

    async regenerate(ctx: Ctx, id: string) {
      await db.transaction(async (tx) => {
        const s = await locked(tx, ctx.actor, id);
        assertOwnRegion(ctx.actor, s);
        assertEditable(s);
        const c = await createReportsRepository(tx).lockCampaign(s.campaignId);
        await refresh(ctx, tx, s, periodOf(c!, s.period), true);
      });
      return get(ctx.actor, id);
    },

    async edit(ctx: Ctx, id: string, input: { remarks?: string | null; filledBy?: string | null }) {
      await db.transaction(async (tx) => {
        const s = await locked(tx, ctx.actor, id);
        assertOwnRegion(ctx.actor, s);
        assertEditable(s);
        await createReportsRepository(tx).updateSubmission(id, {
          ...(input.remarks !== undefined ? { remarks: input.remarks || null } : {}),
          ...(input.filledBy !== undefined ? { filledBy: input.filledBy || null } : {}),
          updatedAt: clock.now(),
        });
        await recordEvent(tx, eventCtx(ctx), {
          action: 'submission.edited',
          ...subEvent(s),
          payload: { version: s.version },
        });
      });
      return get(ctx.actor, id);
    },

    /** Sent up to the parent: the figures are frozen from here on. A resubmission is a new version. */
    async submit(ctx: Ctx, id: string) {
      await db.transaction(async (tx) => {
        const s = await locked(tx, ctx.actor, id);
        assertOwnRegion(ctx.actor, s);
        assertEditable(s);
        if (!s.filledBy) throw new AppError('FILLED_BY_REQUIRED');
        const version = s.state === 'returned' ? s.version + 1 : s.version;
        const now = clock.now();
        await createReportsRepository(tx).updateSubmission(id, {
          state: 'submitted',
          version,
          submittedAt: now,
          submittedBy: ctx.actor.id,
          updatedAt: now,
        });
        await recordEvent(tx, eventCtx(ctx), {
          action: 'submission.submitted',
          ...subEvent(s),
          payload: { period: s.period, version, late: beijingDate(now) > s.dueOn },
        });
      });
      return get(ctx.actor, id);
    },

    async approve(ctx: Ctx, id: string) {
      await review(ctx, id, 'approved');
      return get(ctx.actor, id);
    },

    async sendBack(ctx: Ctx, id: string, comment: string | undefined) {
      if (!comment?.trim()) throw new AppError('RETURN_COMMENT_REQUIRED');
      await review(ctx, id, 'returned', comment.trim());
      return get(ctx.actor, id);
    },

    get,

    /** What the exports print, after the download is recorded (who took the return out, when). */
    async forExport(ctx: Ctx, id: string, format: 'xlsx' | 'pdf') {
      const view = await get(ctx.actor, id);
      await recordRead(db, recordEvent, ctx, {
        action: 'submission.exported',
        ...subEvent(view),
        payload: { format, version: view.version, state: view.state },
      });
      return view;
    },
  };

  async function review(ctx: Ctx, id: string, to: 'approved' | 'returned', comment?: string) {
    await db.transaction(async (tx) => {
      const s = await locked(tx, ctx.actor, id);
      if (ctx.actor.regionCode !== reviewerRegionOf(s.regionCode)) throw new AppError('REVIEW_NOT_PARENT');
      if (s.state !== 'submitted') throw new AppError('SUBMISSION_NOT_SUBMITTED');
      const now = clock.now();
      await createReportsRepository(tx).updateSubmission(id, {
        state: to,
        reviewedAt: now,
        reviewedBy: ctx.actor.id,
        reviewComment: comment ?? null,
        updatedAt: now,
      });
      await recordEvent(tx, eventCtx(ctx), {
        action: to === 'approved' ? 'submission.approved' : 'submission.returned',
        ...subEvent(s),
        payload: { period: s.period, version: s.version, ...(comment ? { comment } : {}) },
      });
    });
  }
}

/**
 * A stored snapshot read against today's catalogue: a figure added since shows as 0 (or no
 * median), so an old return still answers with every key.
 */
function normalised(stored: unknown): Figures {
  const empty = reduceFigures([], []);
  const f = (stored ?? {}) as Partial<Figures>;
  return { values: { ...empty.values, ...f.values }, breakdowns: { ...f.breakdowns } };
}

export type ReportsService = ReturnType<typeof createReportsService>;
