import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { region } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export function createRegionRepository(db: DbOrTx) {
  return {
    findByCode: async (actor: Actor, code: string) =>
      (
        await db
          .select()
          .from(region)
          .where(and(eq(region.code, code), inJurisdiction(region.code, actor)))
          .limit(1)
      )[0] ?? null,

    /** Ancestors are shown as a breadcrumb even above the jurisdiction: names are public. */
    findMany: (codes: string[]) =>
      codes.length ? db.select().from(region).where(sql`${region.code} IN ${codes}`) : Promise.resolve([]),

    findChildren: (actor: Actor, parentCode: string, limit: number) =>
      db
        .select()
        .from(region)
        .where(and(eq(region.parentCode, parentCode), inJurisdiction(region.code, actor)))
        .orderBy(asc(region.code))
        .limit(limit),

    /** Digits search by code prefix, anything else by name (substring, trigram-indexed). */
    search: (actor: Actor, q: string, limit: number) =>
      db
        .select()
        .from(region)
        .where(
          and(
            /^\d+$/.test(q)
              ? sql`${region.code} LIKE ${`${q}%`}`
              : ilike(region.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
            inJurisdiction(region.code, actor),
          ),
        )
        .orderBy(asc(sql`length(${region.code})`), asc(region.code))
        .limit(limit),

    count: async () => (await db.select({ n: sql<number>`count(*)::int` }).from(region))[0]?.n ?? 0,
  };
}
