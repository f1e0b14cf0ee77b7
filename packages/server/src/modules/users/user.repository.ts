import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, org, region } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  regionCode?: string | undefined;
}

const columns = {
  user: appUser,
  regionName: sql<string>`coalesce(${region.name}, ${appUser.regionCode})`,
  orgName: org.name,
};

export function createUserRepository(db: DbOrTx) {
  const where = (actor: Actor, f: UserFilter): SQL | undefined => {
    const q = f.q?.replace(/[%_\\]/g, '\\$&');
    return and(
      inJurisdiction(appUser.regionCode, actor),
      q ? or(ilike(appUser.username, `%${q}%`), ilike(appUser.displayName, `%${q}%`)) : undefined,
      f.role ? eq(appUser.role, f.role) : undefined,
      f.regionCode ? inJurisdiction(appUser.regionCode, { regionCode: f.regionCode }) : undefined,
    );
  };
  const base = () =>
    db
      .select(columns)
      .from(appUser)
      .leftJoin(region, eq(region.code, appUser.regionCode))
      .leftJoin(org, eq(org.id, appUser.orgId));

  return {
    findById: async (actor: Actor, id: string) =>
      (
        await base()
          .where(and(eq(appUser.id, id), inJurisdiction(appUser.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    list: (actor: Actor, f: UserFilter, page: number, pageSize: number) =>
      base()
        .where(where(actor, f))
        .orderBy(desc(appUser.createdAt), appUser.username)
        .limit(pageSize)
        .offset((page - 1) * pageSize),

    count: async (actor: Actor, f: UserFilter) =>
      (await db.select({ n: count() }).from(appUser).where(where(actor, f)))[0]?.n ?? 0,

    usernameTaken: async (username: string) =>
      (await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username)).limit(1))
        .length > 0,

    insert: (values: typeof appUser.$inferInsert) => db.insert(appUser).values(values),

    update: async (actor: Actor, id: string, values: Partial<typeof appUser.$inferInsert>) =>
      (
        await db
          .update(appUser)
          .set(values)
          .where(and(eq(appUser.id, id), inJurisdiction(appUser.regionCode, actor)))
          .returning({ id: appUser.id })
      ).length,
  };
}
