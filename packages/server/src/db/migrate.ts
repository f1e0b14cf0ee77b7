import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { STARTUP_LOCK, withAdvisoryLock } from './advisory-lock.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies committed migrations at start-up; concurrent starters take turns. */
export function migrateDatabase(pool: pg.Pool): Promise<void> {
  return withAdvisoryLock(pool, STARTUP_LOCK, () => migrate(drizzle(pool), { migrationsFolder }));
}
