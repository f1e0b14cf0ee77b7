import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, org, region, session } from '../../db/schema.ts';

/** SQL for sign-in and sessions. Users are looked up by name here, before any scope exists. */
export function createAuthRepository(db: DbOrTx) {
  return {
    findUserByUsername: async (username: string) =>
      (await db.select().from(appUser).where(eq(appUser.username, username)).limit(1))[0] ?? null,

    findUserById: async (id: string) =>
      (await db.select().from(appUser).where(eq(appUser.id, id)).limit(1))[0] ?? null,

    /** The profile shown as `me`: the user with their region's and organisation's names. */
    findProfile: async (id: string) =>
      (
        await db
          .select({
            user: appUser,
            regionName: region.name,
            orgName: org.name,
          })
          .from(appUser)
          .leftJoin(region, eq(region.code, appUser.regionCode))
          .leftJoin(org, eq(org.id, appUser.orgId))
          .where(eq(appUser.id, id))
          .limit(1)
      )[0] ?? null,

    updateUser: (id: string, values: Partial<typeof appUser.$inferInsert>) =>
      db.update(appUser).set(values).where(eq(appUser.id, id)),

    /** Counts a failure atomically so parallel guesses cannot skip the lockout. */
    recordFailedLogin: async (id: string, threshold: number, lockUntil: Date) =>
      (
        await db
          .update(appUser)
          .set({
            failedLogins: sql`${appUser.failedLogins} + 1`,
            lockedUntil: sql`CASE WHEN ${appUser.failedLogins} + 1 >= ${threshold} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${appUser.lockedUntil} END`,
          })
          .where(eq(appUser.id, id))
          .returning({ failedLogins: appUser.failedLogins, lockedUntil: appUser.lockedUntil })
      )[0],

    insertSession: (values: typeof session.$inferInsert) => db.insert(session).values(values),

    /** Every request asks this, so session and user come back in one query. */
    findLiveSession: async (tokenHash: string, now: Date) =>
      (
        await db
          .select({
            tokenHash: session.tokenHash,
            lastSeenAt: session.lastSeenAt,
            userId: appUser.id,
            role: appUser.role,
            regionCode: appUser.regionCode,
            orgId: appUser.orgId,
            disabled: appUser.disabled,
          })
          .from(session)
          .innerJoin(appUser, eq(appUser.id, session.userId))
          .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now)))
          .limit(1)
      )[0] ?? null,

    touchSession: (tokenHash: string, now: Date, expiresAt: Date) =>
      db.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.tokenHash, tokenHash)),

    deleteSession: (tokenHash: string) => db.delete(session).where(eq(session.tokenHash, tokenHash)),

    /** All of a user's sessions, or all but one (`keepTokenHash`). */
    deleteSessionsOfUser: (userId: string, keepTokenHash?: string) =>
      db
        .delete(session)
        .where(
          and(eq(session.userId, userId), keepTokenHash ? ne(session.tokenHash, keepTokenHash) : undefined),
        ),

    /** Records a TOTP step as used unless it (or a later one) already was; false = replay. */
    claimTotpStep: async (userId: string, step: number) =>
      (
        await db
          .update(appUser)
          .set({ totpLastStep: step })
          .where(
            and(eq(appUser.id, userId), or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, step))),
          )
          .returning({ id: appUser.id })
      ).length === 1,

    deleteExpiredSessions: async (now: Date) =>
      (await db.delete(session).where(lt(session.expiresAt, now)).returning({ t: session.tokenHash })).length,
  };
}
