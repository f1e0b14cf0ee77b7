import { LEADER_SLOT } from '@warmline/domain';
import { and, desc, eq, gte, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, dutyAssignment, dutyGapFlag, dutyHandover, org, region } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

/** A roster: a region's bureau (`orgId` null) or a station (its org and region). */
export interface Roster {
  regionCode: string;
  orgId: string | null;
}

type Scope = Pick<Actor, 'regionCode'>;
export type HandoverRow = typeof dutyHandover.$inferSelect;
export type AssignmentRow = typeof dutyAssignment.$inferSelect;

const ofRoster = (t: typeof dutyAssignment | typeof dutyHandover, r: Roster) =>
  and(eq(t.regionCode, r.regionCode), r.orgId ? eq(t.orgId, r.orgId) : isNull(t.orgId));

export function createDutyRepository(db: DbOrTx) {
  const acknowledger = alias(appUser, 'acknowledger');
  const handovers = () =>
    db
      .select({
        h: dutyHandover,
        writtenByName: appUser.displayName,
        acknowledgedByName: acknowledger.displayName,
      })
      .from(dutyHandover)
      .innerJoin(appUser, eq(appUser.id, dutyHandover.writtenBy))
      .leftJoin(acknowledger, eq(acknowledger.id, dutyHandover.acknowledgedBy));

  return {
    regionName: async (code: string) =>
      (await db.select({ name: region.name }).from(region).where(eq(region.code, code)).limit(1))[0]?.name ??
      null,

    /** A rescue station within the caller's jurisdiction. */
    station: async (scope: Scope, orgId: string) =>
      (
        await db
          .select({ id: org.id, name: org.name, regionCode: org.regionCode })
          .from(org)
          .where(and(eq(org.id, orgId), eq(org.kind, 'station'), inJurisdiction(org.regionCode, scope)))
          .limit(1)
      )[0] ?? null,

    assignments: (scope: Scope, r: Roster, from: string, to: string) =>
      db
        .select({ a: dutyAssignment, displayName: appUser.displayName })
        .from(dutyAssignment)
        .innerJoin(appUser, eq(appUser.id, dutyAssignment.userId))
        .where(
          and(
            ofRoster(dutyAssignment, r),
            inJurisdiction(dutyAssignment.regionCode, scope),
            gte(dutyAssignment.day, from),
            lte(dutyAssignment.day, to),
          ),
        )
        .orderBy(dutyAssignment.day, dutyAssignment.slot, dutyAssignment.createdAt),

    /** Stores the assignment once; false when the person already holds that slot. */
    insertAssignment: async (values: typeof dutyAssignment.$inferInsert) =>
      (
        await db
          .insert(dutyAssignment)
          .values(values)
          .onConflictDoNothing()
          .returning({ id: dutyAssignment.id })
      ).length === 1,

    assignmentById: async (scope: Scope, id: string) =>
      (
        await db
          .select({ a: dutyAssignment, displayName: appUser.displayName })
          .from(dutyAssignment)
          .innerJoin(appUser, eq(appUser.id, dutyAssignment.userId))
          .where(and(eq(dutyAssignment.id, id), inJurisdiction(dutyAssignment.regionCode, scope)))
          .limit(1)
      )[0] ?? null,

    deleteAssignment: (id: string) => db.delete(dutyAssignment).where(eq(dutyAssignment.id, id)),

    /** An active user within the caller's jurisdiction. */
    person: async (scope: Scope, userId: string) =>
      (
        await db
          .select({ id: appUser.id, regionCode: appUser.regionCode, orgId: appUser.orgId })
          .from(appUser)
          .where(
            and(
              eq(appUser.id, userId),
              eq(appUser.disabled, false),
              inJurisdiction(appUser.regionCode, scope),
            ),
          )
          .limit(1)
      )[0] ?? null,

    /** Who may be put on a roster: a station's own staff, or the staff of the bureau's own level. */
    candidates: (scope: Scope, r: Roster) =>
      db
        .select({ id: appUser.id, displayName: appUser.displayName, role: appUser.role, orgName: org.name })
        .from(appUser)
        .leftJoin(org, eq(org.id, appUser.orgId))
        .where(
          and(
            eq(appUser.disabled, false),
            ne(appUser.role, 'system_admin'),
            inJurisdiction(appUser.regionCode, scope),
            r.orgId ? eq(appUser.orgId, r.orgId) : eq(appUser.regionCode, r.regionCode),
          ),
        )
        .orderBy(appUser.displayName)
        .limit(200),

    isRostered: async (r: Roster, userId: string, days: string[]) =>
      (
        await db
          .select({ id: dutyAssignment.id })
          .from(dutyAssignment)
          .where(
            and(
              ofRoster(dutyAssignment, r),
              eq(dutyAssignment.userId, userId),
              inArray(dutyAssignment.day, days),
            ),
          )
          .limit(1)
      ).length > 0,

    handovers: (scope: Scope, r: Roster, limit: number) =>
      handovers()
        .where(and(ofRoster(dutyHandover, r), inJurisdiction(dutyHandover.regionCode, scope)))
        .orderBy(desc(dutyHandover.writtenAt))
        .limit(limit),

    handoverById: async (scope: Scope, id: string) =>
      (
        await handovers()
          .where(and(eq(dutyHandover.id, id), inJurisdiction(dutyHandover.regionCode, scope)))
          .limit(1)
      )[0] ?? null,

    insertHandover: (values: typeof dutyHandover.$inferInsert) => db.insert(dutyHandover).values(values),

    /** True when this call acknowledged it (never twice, even two at once). */
    acknowledge: async (id: string, userId: string, at: Date) =>
      (
        await db
          .update(dutyHandover)
          .set({ acknowledgedBy: userId, acknowledgedAt: at })
          .where(and(eq(dutyHandover.id, id), isNull(dutyHandover.acknowledgedAt)))
          .returning({ id: dutyHandover.id })
      ).length === 1,

    /** The bureau's leader on duty that day: exactly this region's roster, never a parent's. */
    leader: async (regionCode: string, day: string) =>
      (
        await db
          .select({ userId: dutyAssignment.userId })
          .from(dutyAssignment)
          .where(
            and(
              ofRoster(dutyAssignment, { regionCode, orgId: null }),
              eq(dutyAssignment.day, day),
              eq(dutyAssignment.slot, LEADER_SLOT),
            ),
          )
          .orderBy(dutyAssignment.createdAt)
          .limit(1)
      )[0]?.userId ?? null,

    /** Everyone on the region's rosters (the bureau's and its stations') in a slot, and the day's leader. */
    onDuty: async (regionCode: string, day: string, slot: string | null) =>
      (
        await db
          .selectDistinct({ userId: dutyAssignment.userId })
          .from(dutyAssignment)
          .where(
            and(
              eq(dutyAssignment.regionCode, regionCode),
              eq(dutyAssignment.day, day),
              or(
                slot ? eq(dutyAssignment.slot, slot) : undefined,
                and(isNull(dutyAssignment.orgId), eq(dutyAssignment.slot, LEADER_SLOT)),
              ),
            ),
          )
      ).map((r) => r.userId),

    /** The bureau admins of exactly this region (who are told of its roster's gaps). */
    bureauAdmins: async (regionCode: string) =>
      (
        await db
          .select({ id: appUser.id })
          .from(appUser)
          .where(
            and(
              eq(appUser.regionCode, regionCode),
              eq(appUser.role, 'bureau_admin'),
              eq(appUser.disabled, false),
            ),
          )
      ).map((r) => r.id),

    /** Remembers a gap as told; false when it was told before. */
    flagGap: async (regionCode: string, day: string, slot: string, at: Date) =>
      (
        await db
          .insert(dutyGapFlag)
          .values({ regionCode, day, slot, flaggedAt: at })
          .onConflictDoNothing()
          .returning({ day: dutyGapFlag.day })
      ).length === 1,

    /** A slot held again: if it falls open later, it is told again. */
    clearGapFlag: (regionCode: string, day: string, slot: string) =>
      db
        .delete(dutyGapFlag)
        .where(
          and(eq(dutyGapFlag.regionCode, regionCode), eq(dutyGapFlag.day, day), eq(dutyGapFlag.slot, slot)),
        ),

    /** Held slots of a bureau roster over days (for the gap check, outside any caller's scope). */
    covers: (regionCode: string, from: string, to: string) =>
      db
        .selectDistinct({ day: dutyAssignment.day, slot: dutyAssignment.slot })
        .from(dutyAssignment)
        .where(
          and(
            ofRoster(dutyAssignment, { regionCode, orgId: null }),
            gte(dutyAssignment.day, from),
            lte(dutyAssignment.day, to),
          ),
        ),
  };
}
export type DutyRepository = ReturnType<typeof createDutyRepository>;
