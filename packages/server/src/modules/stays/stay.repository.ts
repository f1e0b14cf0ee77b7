import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import {
  bedAssignment,
  handover,
  org,
  person,
  stationBed,
  stationZone,
  stay,
  stayBelonging,
  stayCare,
  stayExtension,
  tracingTask,
} from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type StayRow = typeof stay.$inferSelect;
type Scope = Pick<Actor, 'regionCode'>;

/** Stays, beds and what hangs off a stay; every read is scoped to the jurisdiction. */
export function createStayRepository(db: DbOrTx) {
  return {
    station: async (actor: Scope, orgId: string) =>
      (
        await db
          .select()
          .from(org)
          .where(and(eq(org.id, orgId), eq(org.kind, 'station'), inJurisdiction(org.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    stations: (actor: Scope) =>
      db
        .select({ id: org.id, name: org.name, regionCode: org.regionCode })
        .from(org)
        .where(and(eq(org.kind, 'station'), inJurisdiction(org.regionCode, actor)))
        .orderBy(org.name),

    /** A pending hand-over, locked: two staff receiving it at once make one stay. */
    lockPendingHandover: async (actor: Scope, id: string) =>
      (
        await db
          .select()
          .from(handover)
          .where(
            and(
              eq(handover.id, id),
              eq(handover.state, 'pending'),
              inJurisdiction(handover.regionCode, actor),
            ),
          )
          .for('update')
          .limit(1)
      )[0] ?? null,
    receiveHandover: (id: string) =>
      db.update(handover).set({ state: 'received' }).where(eq(handover.id, id)),

    insert: (values: typeof stay.$inferInsert) => db.insert(stay).values(values),
    /** What the registration learnt about the person (a name, a home region) goes on their record. */
    /** What the campaign figures read of a person: the ID's province, the home region as told. */
    personOrigin: async (id: string) =>
      (
        await db
          .select({ residentId: person.residentId, homeRegion: person.homeRegion })
          .from(person)
          .where(eq(person.id, id))
      )[0] ?? null,
    updatePerson: (id: string, values: Partial<typeof person.$inferInsert>) =>
      db.update(person).set(values).where(eq(person.id, id)),
    update: (id: string, values: Partial<typeof stay.$inferInsert>) =>
      db.update(stay).set(values).where(eq(stay.id, id)),

    find: async (actor: Scope, id: string) =>
      (
        await db
          .select({ stay, person, orgName: org.name })
          .from(stay)
          .innerJoin(person, eq(person.id, stay.personId))
          .innerJoin(org, eq(org.id, stay.orgId))
          .where(and(eq(stay.id, id), inJurisdiction(stay.regionCode, actor)))
          .limit(1)
      )[0] ?? null,
    lock: async (actor: Scope, id: string) =>
      (
        await db
          .select()
          .from(stay)
          .where(and(eq(stay.id, id), inJurisdiction(stay.regionCode, actor)))
          .for('update')
          .limit(1)
      )[0] ?? null,

    list: (actor: Scope, states: string[]) =>
      db
        .select({
          stay,
          person,
          orgName: org.name,
          bedId: stationBed.id,
          bedLabel: stationBed.label,
          zoneName: stationZone.name,
          zoneKind: stationZone.kind,
        })
        .from(stay)
        .innerJoin(person, eq(person.id, stay.personId))
        .innerJoin(org, eq(org.id, stay.orgId))
        .leftJoin(bedAssignment, and(eq(bedAssignment.stayId, stay.id), isNull(bedAssignment.untilAt)))
        .leftJoin(stationBed, eq(stationBed.id, bedAssignment.bedId))
        .leftJoin(stationZone, eq(stationZone.id, stationBed.zoneId))
        .where(and(inJurisdiction(stay.regionCode, actor), inArray(stay.state, states)))
        // People in the station oldest first; those who left (a season of them) newest first.
        .orderBy(
          states.every((x) => x === 'discharged' || x === 'referred_out')
            ? desc(stay.arrivedAt)
            : asc(stay.arrivedAt),
        )
        .limit(500),

    // --- beds
    zones: (orgIds: string[]) =>
      orgIds.length
        ? db.select().from(stationZone).where(inArray(stationZone.orgId, orgIds)).orderBy(stationZone.name)
        : Promise.resolve([]),
    beds: (zoneIds: string[]) =>
      zoneIds.length
        ? db
            .select({ bed: stationBed, stayId: bedAssignment.stayId })
            .from(stationBed)
            .leftJoin(
              bedAssignment,
              and(eq(bedAssignment.bedId, stationBed.id), isNull(bedAssignment.untilAt)),
            )
            .where(inArray(stationBed.zoneId, zoneIds))
            .orderBy(stationBed.label)
        : Promise.resolve([]),
    /** The zone, locked: the free bed is chosen while no one else can choose in this zone. */
    lockZone: async (orgId: string, kind: string) =>
      (
        await db
          .select()
          .from(stationZone)
          .where(and(eq(stationZone.orgId, orgId), eq(stationZone.kind, kind)))
          .orderBy(stationZone.name)
          .for('update')
          .limit(1)
      )[0] ?? null,
    lockZoneOfBed: async (bedId: string) =>
      (
        await db
          .select({ zone: stationZone, bed: stationBed })
          .from(stationBed)
          .innerJoin(stationZone, eq(stationZone.id, stationBed.zoneId))
          .where(eq(stationBed.id, bedId))
          .for('update', { of: stationZone })
          .limit(1)
      )[0] ?? null,
    // Subqueries name the outer column in full: drizzle leaves a one-table query's columns
    // unqualified, and a bare "id" inside would be the assignment's own.
    freeBed: async (zoneId: string) =>
      (
        await db
          .select()
          .from(stationBed)
          .where(
            and(
              eq(stationBed.zoneId, zoneId),
              sql`NOT EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = "station_bed"."id" AND a.until_at IS NULL)`,
            ),
          )
          .orderBy(stationBed.label)
          .limit(1)
      )[0] ?? null,
    bedTaken: async (bedId: string) =>
      (
        await db
          .select({ id: bedAssignment.id })
          .from(bedAssignment)
          .where(and(eq(bedAssignment.bedId, bedId), isNull(bedAssignment.untilAt)))
          .limit(1)
      ).length > 0,
    currentBed: async (stayId: string) =>
      (
        await db
          .select({ assignment: bedAssignment, bed: stationBed, zone: stationZone })
          .from(bedAssignment)
          .innerJoin(stationBed, eq(stationBed.id, bedAssignment.bedId))
          .innerJoin(stationZone, eq(stationZone.id, stationBed.zoneId))
          .where(and(eq(bedAssignment.stayId, stayId), isNull(bedAssignment.untilAt)))
          .limit(1)
      )[0] ?? null,
    assignBed: (values: typeof bedAssignment.$inferInsert) => db.insert(bedAssignment).values(values),
    releaseBed: (stayId: string, at: Date) =>
      db
        .update(bedAssignment)
        .set({ untilAt: at })
        .where(and(eq(bedAssignment.stayId, stayId), isNull(bedAssignment.untilAt))),

    zoneByName: async (orgId: string, name: string) =>
      (
        await db
          .select()
          .from(stationZone)
          .where(and(eq(stationZone.orgId, orgId), eq(stationZone.name, name)))
          .for('update')
          .limit(1)
      )[0] ?? null,
    insertZone: (values: typeof stationZone.$inferInsert) => db.insert(stationZone).values(values),
    setCapacity: (id: string, capacity: number) =>
      db.update(stationZone).set({ capacity }).where(eq(stationZone.id, id)),
    insertBeds: async (rows: (typeof stationBed.$inferInsert)[]) => {
      if (rows.length) await db.insert(stationBed).values(rows);
    },
    deleteBeds: async (ids: string[]) => {
      if (ids.length) await db.delete(stationBed).where(inArray(stationBed.id, ids));
    },
    /** Beds ever used keep their history: only never-assigned ones can be removed. */
    bedsOfZone: (zoneId: string) =>
      db
        .select({
          bed: stationBed,
          used: sql<boolean>`EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = "station_bed"."id")`,
          taken: sql<boolean>`EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = "station_bed"."id" AND a.until_at IS NULL)`,
        })
        .from(stationBed)
        .where(eq(stationBed.zoneId, zoneId))
        .orderBy(stationBed.label),

    // --- what hangs off a stay
    belongings: (stayId: string) =>
      db.select().from(stayBelonging).where(eq(stayBelonging.stayId, stayId)).orderBy(stayBelonging.id),
    insertBelongings: async (rows: (typeof stayBelonging.$inferInsert)[]) => {
      if (rows.length) await db.insert(stayBelonging).values(rows);
    },
    returnBelongings: (stayId: string, at: Date) =>
      db
        .update(stayBelonging)
        .set({ state: 'returned', returnedAt: at })
        .where(and(eq(stayBelonging.stayId, stayId), eq(stayBelonging.state, 'held'))),
    care: (stayId: string) =>
      db.select().from(stayCare).where(eq(stayCare.stayId, stayId)).orderBy(desc(stayCare.at)).limit(300),
    insertCare: (values: typeof stayCare.$inferInsert) => db.insert(stayCare).values(values),
    extensions: (stayId: string) =>
      db
        .select()
        .from(stayExtension)
        .where(eq(stayExtension.stayId, stayId))
        .orderBy(stayExtension.approvedAt),
    extensionsOf: (stayIds: string[]) =>
      stayIds.length
        ? db.select().from(stayExtension).where(inArray(stayExtension.stayId, stayIds))
        : Promise.resolve([]),
    insertExtension: (values: typeof stayExtension.$inferInsert) => db.insert(stayExtension).values(values),
    openTracing: (values: typeof tracingTask.$inferInsert) =>
      db.insert(tracingTask).values(values).onConflictDoNothing(),
    tracing: async (stayId: string) =>
      (await db.select().from(tracingTask).where(eq(tracingTask.stayId, stayId)).limit(1))[0] ?? null,
  };
}
