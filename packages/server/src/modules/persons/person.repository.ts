import { and, desc, eq, getTableColumns, ilike, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { encounter, hotspot, person } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type PersonRow = typeof person.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createPersonRepository(db: DbOrTx) {
  return {
    /** Name (characters or pinyin, full or initials), temporary number, features or home region. */
    search: (actor: Pick<Actor, 'regionCode'>, q = '') => {
      const text = `%${escapeLike(q)}%`;
      const letters = q.toLowerCase().replace(/[^a-z0-9]/g, '');
      return db
        .select()
        .from(person)
        .where(
          and(
            inJurisdiction(person.regionCode, actor),
            isNull(person.mergedInto),
            q === ''
              ? undefined
              : or(
                  ilike(person.name, text),
                  ilike(person.tempNumber, text),
                  ilike(person.features, text),
                  ilike(person.homeRegion, text),
                  // The place seen: met within 300 m of a hotspot of that name (五里亭, 东站…).
                  sql`EXISTS (SELECT 1 FROM ${encounter} e JOIN ${hotspot} h ON h.name ILIKE ${text}
                      WHERE e.person_id = ${person.id}
                        AND earth_distance(ll_to_earth(e.lat, e.lng), ll_to_earth(h.lat, h.lng)) < 300)`,
                  letters ? like(person.namePinyin, `${letters}%`) : undefined,
                  letters ? like(person.nameInitials, `${letters}%`) : undefined,
                ),
          ),
        )
        .orderBy(desc(person.createdAt))
        .limit(30);
    },

    findById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select()
          .from(person)
          .where(and(eq(person.id, id), inJurisdiction(person.regionCode, actor)))
          .limit(1)
      )[0] ?? null,
    lockById: async (actor: Pick<Actor, 'regionCode'>, id: string) =>
      (
        await db
          .select()
          .from(person)
          .where(and(eq(person.id, id), inJurisdiction(person.regionCode, actor)))
          .for('update')
          .limit(1)
      )[0] ?? null,

    mergedInto: (id: string) => db.select().from(person).where(eq(person.mergedInto, id)),

    /** Encounter count and the last sighting of each person. */
    stats: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select({
              personId: encounter.personId,
              n: sql<number>`count(*)::int`,
              lastAt: sql<Date>`max(${encounter.at})`,
              last: sql<{
                lat: number;
                lng: number;
              }>`(array_agg(json_build_object('lat', ${encounter.lat}, 'lng', ${encounter.lng}) ORDER BY ${encounter.at} DESC))[1]`,
            })
            .from(encounter)
            .where(inArray(encounter.personId, ids))
            .groupBy(encounter.personId),

    encountersOf: (personId: string) =>
      db
        .select({
          ...getTableColumns(encounter),
          // Spelled out: drizzle leaves columns of a one-table query unqualified, and a bare "id"
          // inside the subquery would be the photo's own.
          photoCount: sql<number>`(SELECT count(*)::int FROM encounter_photo p WHERE p.encounter_id = "encounter"."id")`,
        })
        .from(encounter)
        .where(eq(encounter.personId, personId))
        .orderBy(desc(encounter.at))
        .limit(200),

    /** Moves the duplicate's encounters to the kept record, remembering where each came from. */
    merge: async (duplicateId: string, intoId: string, at: Date) => {
      const moved = await db
        .update(encounter)
        .set({ personId: intoId, mergedFromPersonId: duplicateId })
        .where(eq(encounter.personId, duplicateId))
        .returning({ id: encounter.id });
      await db.update(person).set({ mergedInto: intoId, mergedAt: at }).where(eq(person.id, duplicateId));
      return moved.length;
    },

    unmerge: async (duplicateId: string) => {
      const moved = await db
        .update(encounter)
        .set({ personId: duplicateId, mergedFromPersonId: null })
        .where(eq(encounter.mergedFromPersonId, duplicateId))
        .returning({ id: encounter.id });
      await db.update(person).set({ mergedInto: null, mergedAt: null }).where(eq(person.id, duplicateId));
      return moved.length;
    },
  };
}
