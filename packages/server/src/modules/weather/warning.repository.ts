import { regionPrefix } from '@warmline/domain';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.ts';
import { forecastMin, region, weatherWarning } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { coversRegion } from '../../platform/scope.ts';

export type WarningRow = typeof weatherWarning.$inferSelect;

/**
 * A warning concerns an actor when one of its regions lies in their jurisdiction or covers
 * it (a city-wide cold wave concerns every county of the city).
 */
export const concerns = (actor: Pick<Actor, 'regionCode'>) => sql`(EXISTS (
  SELECT 1 FROM unnest(${weatherWarning.regionCodes}) rc
  WHERE rc LIKE ${`${regionPrefix(actor.regionCode)}%`} OR ${coversRegion(sql.raw('rc'), actor.regionCode)})
  OR ${weatherWarning.regionCode} LIKE ${`${regionPrefix(actor.regionCode)}%`})`;

export function createWarningRepository(db: Db | Tx) {
  return {
    knownRegions: async (codes: string[]) =>
      new Set(
        codes.length
          ? (await db.select({ code: region.code }).from(region).where(inArray(region.code, codes))).map(
              (r) => r.code,
            )
          : [],
      ),
    /** code → name of the given regions (names shown with a warning: any reader may see them). */
    regionNames: async (codes: string[]) =>
      new Map(
        codes.length
          ? (
              await db
                .select({ code: region.code, name: region.name })
                .from(region)
                .where(inArray(region.code, codes))
            ).map((r) => [r.code, r.name] as const)
          : [],
      ),
    byAlert: (sender: string, identifier: string) =>
      db
        .select()
        .from(weatherWarning)
        .where(and(eq(weatherWarning.sender, sender), eq(weatherWarning.identifier, identifier))),
    insert: async (row: typeof weatherWarning.$inferInsert) =>
      (await db.insert(weatherWarning).values(row).onConflictDoNothing().returning())[0] ?? null,
    /** Ends the referenced warnings still running; returns what it ended. */
    end: (refs: { sender: string; identifier: string }[], at: Date, by: string | null) =>
      refs.length
        ? db
            .update(weatherWarning)
            .set({ endedAt: at, endedBy: by })
            .where(
              and(
                isNull(weatherWarning.endedAt),
                sql`(${weatherWarning.sender}, ${weatherWarning.identifier}) IN (${sql.join(
                  refs.map((r) => sql`(${r.sender}, ${r.identifier})`),
                  sql`, `,
                )})`,
              ),
            )
            .returning()
        : Promise.resolve([] as WarningRow[]),
    find: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select()
          .from(weatherWarning)
          .where(and(eq(weatherWarning.id, id), concerns(actor)))
      )[0] ?? null,
    /** In force at `now` (or all recent ones), newest first. */
    list: (actor: Pick<Actor, 'regionCode'>, opts: { activeAt?: Date; limit: number }) =>
      db
        .select()
        .from(weatherWarning)
        .where(
          and(
            concerns(actor),
            opts.activeAt
              ? sql`${weatherWarning.activeFrom} <= ${opts.activeAt.toISOString()}::timestamptz
                AND (${weatherWarning.expires} IS NULL OR ${weatherWarning.expires} > ${opts.activeAt.toISOString()}::timestamptz)
                AND (${weatherWarning.endedAt} IS NULL OR ${weatherWarning.endedAt} > ${opts.activeAt.toISOString()}::timestamptz)`
              : undefined,
          ),
        )
        .orderBy(desc(weatherWarning.sent))
        .limit(opts.limit),
    setForecast: (row: typeof forecastMin.$inferInsert) =>
      db
        .insert(forecastMin)
        .values(row)
        .onConflictDoUpdate({
          target: [forecastMin.regionCode, forecastMin.night],
          set: { minC: row.minC, source: row.source, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
        }),
    /** The nights from `night` for `nights` nights (1 = that night), by night then region. */
    forecasts: (actor: Pick<Actor, 'regionCode'>, night: string, nights = 1) =>
      db
        .select()
        .from(forecastMin)
        .orderBy(forecastMin.night, forecastMin.regionCode)
        .where(
          and(
            sql`${forecastMin.night} >= ${night}::date AND ${forecastMin.night} < ${night}::date + ${nights}::int`,
            sql`(${forecastMin.regionCode} LIKE ${`${regionPrefix(actor.regionCode)}%`} OR ${coversRegion(forecastMin.regionCode, actor.regionCode)})`,
          ),
        ),
  };
}
