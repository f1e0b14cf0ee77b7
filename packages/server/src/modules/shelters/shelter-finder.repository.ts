import { type AnyColumn, and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { org, region, shelter } from '../../db/schema.ts';
import { inJurisdiction } from '../../platform/scope.ts';

const active = sql`${shelter.status} IN ('open', 'full')`;
/** The same subtree test as jurisdiction, for the public city or a district typed by name. */
const within = (column: AnyColumn, code: string) => inJurisdiction(column, { regionCode: code });
/** LIKE's own wildcards in what a person typed are taken as the characters they are. */
const escaped = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (q: string) => `%${escaped(q)}%`;
const startsWith = (q: string) => `${escaped(q)}%`;

/** Candidates a finder's answer is ranked from: never more than this many places. */
const CANDIDATES = 60;

/**
 * The public finder's reads. Only open and full places are ever read here; what leaves is picked
 * by the presenter (no keeper, no contact person, no count).
 */
export function createShelterFinderRepository(db: DbOrTx) {
  const withRegion = () =>
    db
      .select({ shelter, regionName: sql<string>`coalesce(${region.name}, ${shelter.regionCode})` })
      .from(shelter)
      .leftJoin(region, eq(region.code, shelter.regionCode));

  return {
    /** Active places nearest a position, anywhere (a person near a county border crosses it). */
    nearest: (at: { lat: number; lng: number }) =>
      withRegion()
        .where(active)
        .orderBy(sql`ll_to_earth(${shelter.lat}, ${shelter.lng}) <-> ll_to_earth(${at.lat}, ${at.lng})`)
        .limit(CANDIDATES),

    /** Active places in a region's subtree (the public city, or a district typed by name). */
    inRegion: (code: string) =>
      withRegion()
        .where(and(active, within(shelter.regionCode, code)))
        .orderBy(asc(shelter.name))
        .limit(CANDIDATES),

    /** A district or township of the city whose name starts with what was typed (曲江 → 曲江区). */
    regionStartingWith: async (city: string, q: string) =>
      (
        await db
          .select({ code: region.code, name: region.name })
          .from(region)
          .where(
            and(
              within(region.code, city),
              sql`${region.code} <> ${city}`,
              sql`${region.name} LIKE ${startsWith(q)}`,
            ),
          )
          .orderBy(asc(sql`length(${region.code})`), asc(region.code))
          .limit(1)
      )[0] ?? null,

    /** An active place whose name or address holds the words: its position becomes the origin. */
    shelterMatching: async (q: string) =>
      (
        await db
          .select({ name: shelter.name, lat: shelter.lat, lng: shelter.lng })
          .from(shelter)
          .where(
            and(active, sql`(${shelter.name} LIKE ${contains(q)} OR ${shelter.address} LIKE ${contains(q)})`),
          )
          .orderBy(asc(sql`length(${shelter.name})`))
          .limit(1)
      )[0] ?? null,

    /** A public institution with a position (a station, a hospital, a bureau) in the city. */
    orgMatching: async (city: string, q: string) =>
      (
        await db
          .select({ name: org.name, lat: org.lat, lng: org.lng })
          .from(org)
          .where(
            and(
              within(org.regionCode, city),
              sql`${org.lat} IS NOT NULL AND ${org.lng} IS NOT NULL`,
              sql`${org.name} LIKE ${contains(q)}`,
            ),
          )
          .orderBy(asc(sql`length(${org.name})`))
          .limit(1)
      )[0] ?? null,

    /** A region anywhere in the city whose name holds the words (风度 → 风度街道). */
    regionMatching: async (city: string, q: string) =>
      (
        await db
          .select({ code: region.code, name: region.name })
          .from(region)
          .where(and(within(region.code, city), sql`${region.name} LIKE ${contains(q)}`))
          .orderBy(asc(sql`length(${region.code})`), asc(region.code))
          .limit(1)
      )[0] ?? null,
  };
}
