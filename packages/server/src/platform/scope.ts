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
