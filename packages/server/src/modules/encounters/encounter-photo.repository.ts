import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { encounter, encounterPhoto } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type EncounterPhotoRow = typeof encounterPhoto.$inferInsert;

/** Photos are scoped through their encounter: one outside the jurisdiction is not found. */
export function createEncounterPhotoRepository(db: DbOrTx) {
  const ofEncounter = (actor: Pick<Actor, 'regionCode'>, encounterId: string) =>
    and(eq(encounterPhoto.encounterId, encounterId), inJurisdiction(encounter.regionCode, actor));
  const onEncounter = eq(encounter.id, encounterPhoto.encounterId);

  return {
    byClientId: async (clientId: string) =>
      (
        await db
          .select({
            id: encounterPhoto.id,
            encounterId: encounterPhoto.encounterId,
            userId: encounterPhoto.userId,
            width: encounterPhoto.width,
            height: encounterPhoto.height,
            ofMinor: encounterPhoto.ofMinor,
            takenAt: encounterPhoto.takenAt,
          })
          .from(encounterPhoto)
          .where(eq(encounterPhoto.clientId, clientId))
          .limit(1)
      )[0] ?? null,

    lockEncounter: (id: string) =>
      db.select({ id: encounter.id }).from(encounter).where(eq(encounter.id, id)).for('update'),

    countOf: async (encounterId: string) =>
      (
        await db
          .select({ n: count() })
          .from(encounterPhoto)
          .where(eq(encounterPhoto.encounterId, encounterId))
      )[0]?.n ?? 0,

    /** Stored once per client id: a concurrent resend finds the row and inserts nothing. */
    insert: async (row: EncounterPhotoRow) =>
      (await db.insert(encounterPhoto).values(row).onConflictDoNothing().returning({ id: encounterPhoto.id }))
        .length > 0,

    /** Sizes, times and the minor flag only; the bytes are read one photo at a time, audited. */
    list: (actor: Pick<Actor, 'regionCode'>, encounterId: string) =>
      db
        .select({
          id: encounterPhoto.id,
          width: encounterPhoto.width,
          height: encounterPhoto.height,
          ofMinor: encounterPhoto.ofMinor,
          takenAt: encounterPhoto.takenAt,
        })
        .from(encounterPhoto)
        .innerJoin(encounter, onEncounter)
        .where(ofEncounter(actor, encounterId))
        .orderBy(asc(encounterPhoto.takenAt), asc(encounterPhoto.id)),

    find: async (actor: Pick<Actor, 'regionCode'>, encounterId: string, photoId: string) =>
      (
        await db
          .select({
            id: encounterPhoto.id,
            mime: encounterPhoto.mime,
            bytes: encounterPhoto.bytes,
            ofMinor: encounterPhoto.ofMinor,
            regionCode: encounter.regionCode,
          })
          .from(encounterPhoto)
          .innerJoin(encounter, onEncounter)
          .where(and(ofEncounter(actor, encounterId), eq(encounterPhoto.id, photoId)))
          .limit(1)
      )[0] ?? null,
  };
}
