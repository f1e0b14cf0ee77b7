import { and, asc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, org, region } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

const columns = {
  id: org.id,
  name: org.name,
  kind: org.kind,
  regionCode: org.regionCode,
  regionName: sql<string>`coalesce(${region.name}, ${org.regionCode})`,
  bedCount: org.bedCount,
  lat: org.lat,
  lng: org.lng,
  userCount: sql<number>`(SELECT count(*)::int FROM ${appUser} WHERE ${appUser.orgId} = ${org.id})`,
};

export function createOrgRepository(db: DbOrTx) {
  const select = (actor: Actor, ...where: (SQL | undefined)[]) =>
    db
      .select(columns)
      .from(org)
      .leftJoin(region, eq(region.code, org.regionCode))
      .where(and(inJurisdiction(org.regionCode, actor), ...where));

  return {
    findById: async (actor: Actor, id: string) => (await select(actor, eq(org.id, id)).limit(1))[0] ?? null,

    list: (
      actor: Actor,
      f: { q?: string | undefined; kind?: string | undefined; regionCode?: string | undefined },
    ) =>
      select(
        actor,
        f.q ? ilike(org.name, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
        f.kind ? eq(org.kind, f.kind) : undefined,
        f.regionCode ? inJurisdiction(org.regionCode, { regionCode: f.regionCode }) : undefined,
      )
        .orderBy(asc(org.regionCode), asc(org.name))
        .limit(500),

    insert: (values: typeof org.$inferInsert) => db.insert(org).values(values),

    /** Scoped like reads: an out-of-jurisdiction id updates nothing. */
    update: async (actor: Actor, id: string, values: Partial<typeof org.$inferInsert>) =>
      (
        await db
          .update(org)
          .set(values)
          .where(and(eq(org.id, id), inJurisdiction(org.regionCode, actor)))
          .returning({ id: org.id })
      ).length,

    nameTaken: async (regionCode: string, name: string, exceptId?: string) =>
      (
        await db
          .select({ id: org.id })
          .from(org)
          .where(and(eq(org.regionCode, regionCode), eq(org.name, name)))
          .limit(1)
      ).some((r) => r.id !== exceptId),
  };
}
