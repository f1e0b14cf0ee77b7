import { and, asc, desc, eq, inArray, isNull, like, lt, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/pool.ts';
import { encounter, handover, org, person } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type EncounterRow = typeof encounter.$inferSelect;
export type PersonRow = typeof person.$inferSelect;
export type HandoverRow = typeof handover.$inferSelect;

export function createEncounterRepository(db: DbOrTx) {
  const withPerson = () =>
    db
      .select({ encounter, person, handover })
      .from(encounter)
      .innerJoin(person, eq(person.id, encounter.personId))
      .leftJoin(handover, eq(handover.encounterId, encounter.id));
  const later = alias(encounter, 'later');

  return {
    byClientId: async (clientId: string) =>
      (await withPerson().where(eq(encounter.clientId, clientId)).limit(1))[0] ?? null,

    findById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await withPerson()
          .where(and(eq(encounter.id, id), inJurisdiction(encounter.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    list: (actor: Pick<Actor, 'regionCode'>, limit: number, f: { leadId?: string; before?: string }) =>
      withPerson()
        .where(
          and(
            inJurisdiction(encounter.regionCode, actor),
            f.leadId ? eq(encounter.leadId, f.leadId) : undefined,
            f.before ? lt(encounter.at, new Date(f.before)) : undefined,
          ),
        )
        .orderBy(desc(encounter.at))
        .limit(limit),

    /** Re-checks due by `until` that no later encounter has made yet, soonest first. */
    followUpsDue: (actor: Pick<Actor, 'regionCode'>, until: Date) =>
      withPerson()
        .leftJoin(later, eq(later.followUpOf, encounter.id))
        .where(
          and(
            inJurisdiction(encounter.regionCode, actor),
            lte(encounter.followUpDueAt, until),
            isNull(later.id),
          ),
        )
        .orderBy(asc(encounter.followUpDueAt))
        .limit(200),

    personById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select()
          .from(person)
          .where(and(eq(person.id, id), inJurisdiction(person.regionCode, actor)))
          .limit(1)
      )[0] ?? null,
    personByResidentId: async (residentId: string) =>
      (await db.select().from(person).where(eq(person.residentId, residentId)).limit(1))[0] ?? null,
    insertPerson: (values: typeof person.$inferInsert) => db.insert(person).values(values),

    /** Stores the encounter once per client id; true when this call stored it. */
    insert: async (values: typeof encounter.$inferInsert) =>
      (
        await db
          .insert(encounter)
          .values(values)
          .onConflictDoNothing({ target: encounter.clientId })
          .returning({ id: encounter.id })
      ).length === 1,

    insertHandover: (values: typeof handover.$inferInsert) => db.insert(handover).values(values),
    orgOfKind: async (id: string, kind: string) =>
      (
        await db
          .select()
          .from(org)
          .where(and(eq(org.id, id), eq(org.kind, kind)))
          .limit(1)
      )[0] ?? null,
    /** Hand-overs in the jurisdiction, pending first, newest first. */
    handovers: (actor: Pick<Actor, 'regionCode'>, state?: string) =>
      db
        .select({ handover, orgName: org.name, encounter, person })
        .from(handover)
        .innerJoin(encounter, eq(encounter.id, handover.encounterId))
        .innerJoin(person, eq(person.id, handover.personId))
        .leftJoin(org, eq(org.id, handover.orgId))
        .where(and(inJurisdiction(handover.regionCode, actor), state ? eq(handover.state, state) : undefined))
        .orderBy(desc(handover.createdAt))
        .limit(200),

    /** Stations and designated hospitals of the city a county belongs to. */
    destinations: (regionCode: string) =>
      db
        .select({ id: org.id, name: org.name, kind: org.kind, lat: org.lat, lng: org.lng })
        .from(org)
        .where(
          and(inArray(org.kind, ['station', 'hospital']), like(org.regionCode, `${regionCode.slice(0, 4)}%`)),
        )
        .orderBy(org.kind, org.name),
  };
}
