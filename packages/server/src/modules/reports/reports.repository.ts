/**
 * Campaigns and returns, always scoped. A campaign is seen by the regions inside it (a county
 * sees its city's) and by those above it within their jurisdiction; a return only within the
 * caller's jurisdiction (a county never sees a sibling's).
 */
import { parentRegionCode } from '@warmline/domain';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, campaign, event, org, region, submission } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type CampaignRow = typeof campaign.$inferSelect;
export type SubmissionRow = typeof submission.$inferSelect;
type Scope = Pick<Actor, 'regionCode'>;

/** The caller's region and every region above it: campaigns there cover the caller. */
function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let c: string | null = code.slice(0, 6); c; c = parentRegionCode(c)) out.push(c);
  return out;
}

const visibleCampaign = (scope: Scope) =>
  or(inJurisdiction(campaign.regionCode, scope), inArray(campaign.regionCode, ancestorsOf(scope.regionCode)));

export function createReportsRepository(db: DbOrTx) {
  const campaigns = () =>
    db
      .select({ campaign, regionName: sql<string>`coalesce(${region.name}, ${campaign.regionCode})` })
      .from(campaign)
      .leftJoin(region, eq(region.code, campaign.regionCode));

  return {
    listCampaigns: (scope: Scope) =>
      campaigns().where(visibleCampaign(scope)).orderBy(desc(campaign.startsOn), asc(campaign.regionCode)),

    findCampaign: async (scope: Scope, id: string) =>
      (
        await campaigns()
          .where(and(eq(campaign.id, id), visibleCampaign(scope)))
          .limit(1)
      )[0] ?? null,

    lockCampaign: async (id: string) =>
      (await db.select().from(campaign).where(eq(campaign.id, id)).for('update').limit(1))[0] ?? null,

    insertCampaign: (row: typeof campaign.$inferInsert) => db.insert(campaign).values(row),

    extendCampaign: (id: string, endsOn: string) =>
      db.update(campaign).set({ endsOn }).where(eq(campaign.id, id)),

    /** The returns of a campaign for these regions (each already known to be in scope). */
    submissionsOf: (scope: Scope, campaignId: string, regionCodes: string[]) =>
      regionCodes.length
        ? db
            .select()
            .from(submission)
            .where(
              and(
                eq(submission.campaignId, campaignId),
                inArray(submission.regionCode, regionCodes),
                inJurisdiction(submission.regionCode, scope),
              ),
            )
        : Promise.resolve([] as SubmissionRow[]),

    findSubmission: async (scope: Scope, id: string) =>
      (
        await db
          .select()
          .from(submission)
          .where(and(eq(submission.id, id), inJurisdiction(submission.regionCode, scope)))
          .limit(1)
      )[0] ?? null,

    /** The return, locked for the rest of the transaction (its state changes under it). */
    lockSubmission: async (scope: Scope, id: string) =>
      (
        await db
          .select()
          .from(submission)
          .where(and(eq(submission.id, id), inJurisdiction(submission.regionCode, scope)))
          .for('update')
          .limit(1)
      )[0] ?? null,

    lockSubmissionOf: async (campaignId: string, regionCode: string, period: string) =>
      (
        await db
          .select()
          .from(submission)
          .where(
            and(
              eq(submission.campaignId, campaignId),
              eq(submission.regionCode, regionCode),
              eq(submission.period, period),
            ),
          )
          .for('update')
          .limit(1)
      )[0] ?? null,

    /** A concurrent first generation of the same return stores one row (the unique index). */
    insertSubmission: async (row: typeof submission.$inferInsert) =>
      (await db.insert(submission).values(row).onConflictDoNothing().returning({ id: submission.id }))
        .length > 0,

    updateSubmission: (id: string, set: Partial<typeof submission.$inferInsert>) =>
      db.update(submission).set(set).where(eq(submission.id, id)),

    /** The region's bureau (填报单位), by name. */
    bureauName: async (regionCode: string) =>
      (
        await db
          .select({ name: org.name })
          .from(org)
          .where(and(eq(org.regionCode, regionCode), eq(org.kind, 'bureau')))
          .orderBy(asc(org.createdAt))
          .limit(1)
      )[0]?.name ?? null,

    /** Every act on a return, oldest first, with who did it. */
    history: (id: string) =>
      db
        .select({
          action: event.action,
          at: event.at,
          payload: event.payload,
          actorName: appUser.displayName,
        })
        .from(event)
        .leftJoin(appUser, eq(appUser.id, event.actorId))
        .where(and(eq(event.entityType, 'submission'), eq(event.entityId, id)))
        .orderBy(asc(event.at), asc(event.id)),
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
