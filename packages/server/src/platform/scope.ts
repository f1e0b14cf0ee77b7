import { regionPrefix } from '@warmline/domain';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Actor } from './actor.ts';

/**
 * Jurisdiction, in one place. Every repository read and write of a regional record
 * adds this condition, so a record outside the actor's subtree is simply not found
 * (the service then answers 404, exactly like a missing record).
 */
export function inJurisdiction(column: AnyColumn | SQL, actor: Pick<Actor, 'regionCode'>): SQL {
  return sql`${column} LIKE ${`${regionPrefix(actor.regionCode)}%`}`;
}

/** The significant prefix of a region-code column, in SQL (the domain's `regionPrefix`). */
export function regionPrefixSql(column: AnyColumn | SQL): SQL {
  return sql`(CASE WHEN ${column} = '000000' THEN '' WHEN ${column} LIKE '__0000' THEN left(${column}, 2) WHEN ${column} LIKE '____00' THEN left(${column}, 4) ELSE ${column} END)`;
}

/** The region `code` lies within the column's region (a city's row covers its counties). */
export function coversRegion(column: AnyColumn | SQL, code: string): SQL {
  return sql`${code} LIKE ${regionPrefixSql(column)} || '%'`;
}
