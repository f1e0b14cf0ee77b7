import { levelRank, type ResponseLevel, type ResponseRule, regionPrefix } from '@warmline/domain';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import {
  appUser,
  emergencyResponse,
  forecastMin,
  org,
  region,
  responseProposal,
  responseTable,
  responseTask,
  weatherWarning,
} from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { coversRegion, inJurisdiction } from '../../platform/scope.ts';
import { concerns } from '../weather/warning.repository.ts';

export type ResponseRow = typeof emergencyResponse.$inferSelect;
export type ProposalRow = typeof responseProposal.$inferSelect;
export type TaskRow = typeof responseTask.$inferSelect;

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export function createResponseRepository(db: DbOrTx) {
  return {
    /** Each region that has a civil-affairs bureau: the jurisdictions that hold a response level. */
    bureauRegions: async () =>
      (
        await db
          .selectDistinct({ code: org.regionCode })
          .from(org)
          .where(eq(org.kind, 'bureau'))
          .orderBy(asc(org.regionCode))
      ).map((r) => r.code),
    regionName: async (code: string) =>
      (await db.select({ name: region.name }).from(region).where(eq(region.code, code)))[0]?.name ?? code,
    /** Warnings in force at `now` that concern the region (in it, or covering it). */
    liveWarnings: (code: string, now: Date) =>
      db
        .select({
          id: weatherWarning.id,
          kind: weatherWarning.kind,
          colour: weatherWarning.colour,
          headline: weatherWarning.headline,
          expires: weatherWarning.expires,
        })
        .from(weatherWarning)
        .where(
          and(
            concerns({ regionCode: code }),
            sql`${weatherWarning.activeFrom} <= ${at(now)}
              AND (${weatherWarning.expires} IS NULL OR ${weatherWarning.expires} > ${at(now)})
              AND (${weatherWarning.endedAt} IS NULL OR ${weatherWarning.endedAt} > ${at(now)})`,
          ),
        )
        .orderBy(asc(weatherWarning.id)),
    /** The coldest forecast for the night among the region, its parts and what covers it. */
    forecastMin: async (code: string, night: string) =>
      (
        await db
          .select({ min: sql<number | null>`min(${forecastMin.minC})` })
          .from(forecastMin)
          .where(
            and(
              eq(forecastMin.night, night),
              sql`(${forecastMin.regionCode} LIKE ${`${regionPrefix(code)}%`} OR ${coversRegion(forecastMin.regionCode, code)})`,
            ),
          )
      )[0]?.min ?? null,
    table: async (code: string) =>
      (await db.select().from(responseTable).where(eq(responseTable.regionCode, code)))[0] ?? null,
    setTable: (row: typeof responseTable.$inferInsert) =>
      db
        .insert(responseTable)
        .values(row)
        .onConflictDoUpdate({
          target: responseTable.regionCode,
          set: {
            rules: row.rules,
            autoActivate: row.autoActivate,
            updatedAt: row.updatedAt,
            updatedBy: row.updatedBy,
          },
        }),
    active: async (code: string) =>
      (
        await db
          .select()
          .from(emergencyResponse)
          .where(and(eq(emergencyResponse.regionCode, code), eq(emergencyResponse.state, 'active')))
      )[0] ?? null,
    /** Regions with a response in force (the duty module flags their roster gaps). */
    activeRegions: async () =>
      (
        await db
          .select({ code: emergencyResponse.regionCode })
          .from(emergencyResponse)
          .where(eq(emergencyResponse.state, 'active'))
      ).map((r) => r.code),
    /** The highest level in force where the actor is (their region or one covering it). */
    levelAt: async (code: string): Promise<ResponseLevel | null> => {
      const rows = await db
        .select({ level: emergencyResponse.level })
        .from(emergencyResponse)
        .where(and(eq(emergencyResponse.state, 'active'), coversRegion(emergencyResponse.regionCode, code)));
      const levels = rows.map((r) => r.level as ResponseLevel);
      return levels.sort((a, b) => levelRank(b) - levelRank(a))[0] ?? null;
    },
    /** Responses that apply to the actor: in force above them, and any within their jurisdiction. */
    applying: (actor: Pick<Actor, 'regionCode'>, state?: 'active') =>
      db
        .select()
        .from(emergencyResponse)
        .where(
          and(
            sql`(${inJurisdiction(emergencyResponse.regionCode, actor)} OR ${coversRegion(emergencyResponse.regionCode, actor.regionCode)})`,
            state ? eq(emergencyResponse.state, state) : undefined,
          ),
        )
        .orderBy(desc(emergencyResponse.activatedAt))
        .limit(100),
    find: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select()
          .from(emergencyResponse)
          .where(
            and(
              eq(emergencyResponse.id, id),
              sql`(${inJurisdiction(emergencyResponse.regionCode, actor)} OR ${coversRegion(emergencyResponse.regionCode, actor.regionCode)})`,
            ),
          )
      )[0] ?? null,
    lockResponse: async (id: string) =>
      (await db.select().from(emergencyResponse).where(eq(emergencyResponse.id, id)).for('update'))[0] ??
      null,
    insertResponse: (row: typeof emergencyResponse.$inferInsert) => db.insert(emergencyResponse).values(row),
    updateResponse: (id: string, set: Partial<typeof emergencyResponse.$inferInsert>) =>
      db.update(emergencyResponse).set(set).where(eq(emergencyResponse.id, id)),
    openProposal: async (code: string) =>
      (
        await db
          .select()
          .from(responseProposal)
          .where(and(eq(responseProposal.regionCode, code), eq(responseProposal.state, 'open')))
      )[0] ?? null,
    /** The last dismissed proposal of this kind and level since `since`: not put again on the same warnings. */
    lastDismissed: async (code: string, kind: string, toLevel: string | null, since: Date) =>
      (
        await db
          .select()
          .from(responseProposal)
          .where(
            and(
              eq(responseProposal.regionCode, code),
              eq(responseProposal.state, 'dismissed'),
              eq(responseProposal.kind, kind),
              toLevel ? eq(responseProposal.toLevel, toLevel) : sql`${responseProposal.toLevel} IS NULL`,
              sql`${responseProposal.createdAt} >= ${at(since)}`,
            ),
          )
          .orderBy(desc(responseProposal.createdAt))
          .limit(1)
      )[0] ?? null,
    lockProposal: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select()
          .from(responseProposal)
          .where(and(eq(responseProposal.id, id), inJurisdiction(responseProposal.regionCode, actor)))
          .for('update')
      )[0] ?? null,
    insertProposal: (row: typeof responseProposal.$inferInsert) => db.insert(responseProposal).values(row),
    decideProposal: (id: string, set: Partial<typeof responseProposal.$inferInsert>) =>
      db.update(responseProposal).set(set).where(eq(responseProposal.id, id)),
    proposals: (actor: Pick<Actor, 'regionCode'>, opts: { open: boolean; responseId?: string }) =>
      db
        .select()
        .from(responseProposal)
        .where(
          and(
            inJurisdiction(responseProposal.regionCode, actor),
            opts.open ? eq(responseProposal.state, 'open') : undefined,
            opts.responseId ? eq(responseProposal.responseId, opts.responseId) : undefined,
          ),
        )
        .orderBy(desc(responseProposal.createdAt))
        .limit(50),
    insertTasks: (rows: (typeof responseTask.$inferInsert)[]) =>
      rows.length ? db.insert(responseTask).values(rows).returning() : Promise.resolve([] as TaskRow[]),
    tasksOf: (responseId: string) =>
      db
        .select()
        .from(responseTask)
        .where(eq(responseTask.responseId, responseId))
        .orderBy(asc(responseTask.dueAt), asc(responseTask.createdAt)),
    /** Open, overdue and done tasks per response, in one read (the list's counts). */
    taskCounts: async (responseIds: string[], now: Date) => {
      if (!responseIds.length) return new Map<string, { open: number; overdue: number; done: number }>();
      const rows = await db
        .select({
          id: responseTask.responseId,
          open: sql<number>`count(*) FILTER (WHERE ${responseTask.state} = 'open')::int`,
          overdue: sql<number>`count(*) FILTER (WHERE ${responseTask.state} = 'open' AND ${responseTask.dueAt} <= ${at(now)})::int`,
          done: sql<number>`count(*) FILTER (WHERE ${responseTask.state} = 'done')::int`,
        })
        .from(responseTask)
        .where(inArray(responseTask.responseId, responseIds))
        .groupBy(responseTask.responseId);
      return new Map(rows.map((r) => [r.id, r]));
    },
    tasksMadeBy: (proposalId: string) =>
      db
        .select({ task: responseTask })
        .from(responseTask)
        .innerJoin(
          responseProposal,
          and(
            eq(responseProposal.responseId, responseTask.responseId),
            eq(responseProposal.decidedAt, responseTask.createdAt),
          ),
        )
        .where(and(eq(responseProposal.id, proposalId), eq(responseTask.state, 'open')))
        .then((rows) => rows.map((r) => r.task)),
    cancelOpenTasks: (responseId: string, keepTitles: string[], now: Date) =>
      db
        .update(responseTask)
        .set({ state: 'cancelled', doneAt: now })
        .where(
          and(
            eq(responseTask.responseId, responseId),
            eq(responseTask.state, 'open'),
            keepTitles.length
              ? sql`${responseTask.title} NOT IN (${sql.join(
                  keepTitles.map((t) => sql`${t}`),
                  sql`, `,
                )})`
              : undefined,
          ),
        ),
    lockTask: async (actor: Pick<Actor, 'regionCode'> | null, id: string) =>
      (
        await db
          .select()
          .from(responseTask)
          .where(
            and(eq(responseTask.id, id), actor ? inJurisdiction(responseTask.regionCode, actor) : undefined),
          )
          .for('update')
      )[0] ?? null,
    updateTask: (id: string, set: Partial<typeof responseTask.$inferInsert>) =>
      db.update(responseTask).set(set).where(eq(responseTask.id, id)),
    /** Open tasks past their deadline not yet escalated (the sweep's backstop). */
    overdueTaskIds: async (now: Date) =>
      (
        await db
          .select({ id: responseTask.id })
          .from(responseTask)
          .where(
            and(
              eq(responseTask.state, 'open'),
              sql`${responseTask.escalatedAt} IS NULL`,
              sql`${responseTask.dueAt} <= ${at(now)}`,
            ),
          )
          .limit(500)
      ).map((r) => r.id),
    /** The bureau administrators of exactly this region: told when nobody is rostered. */
    bureauAdmins: async (code: string) =>
      (
        await db
          .select({ id: appUser.id })
          .from(appUser)
          .where(
            and(eq(appUser.regionCode, code), eq(appUser.role, 'bureau_admin'), eq(appUser.disabled, false)),
          )
      ).map((r) => r.id),
  };
}

export type ResponseRules = readonly ResponseRule[];
