import type { SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle; every write and its event go through one of these. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// timestamptz → Date, int8 counts → number (they stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'warmline' });
  // An idle client losing its server must not crash the process; the next query retries.
  pool.on('error', () => {});
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

/** A statement as constant SQL text with $1…$n and its values, run under a name. */
export interface NamedStatement {
  /** Names a prepared statement: the text must be the same on every call with this name. */
  name: string;
  text: string;
  values: unknown[];
}

const dialect = new PgDialect();

/** A drizzle `sql` statement as a named one (its text must not vary between calls). */
export function named(name: string, statement: SQL): NamedStatement {
  const q = dialect.sqlToQuery(statement);
  return { name, text: q.sql, values: q.params as unknown[] };
}

/**
 * Runs a hot statement as a named prepared statement on the pool: PostgreSQL parses and plans
 * it once per connection instead of on every call (for our hottest queries planning cost as
 * much as running them). Needs session pooling behind PgBouncer.
 */
export async function queryNamed<T>(db: Db, statement: NamedStatement): Promise<T[]> {
  return (await db.$client.query(statement)).rows as T[];
}
