import type pg from 'pg';

/** Keys of the session-level advisory locks that serialise start-up across processes. */
export const STARTUP_LOCK = 727274;

/**
 * Runs `fn` while holding a PostgreSQL advisory lock on one connection, so processes
 * starting together (migrations, job-queue setup) take turns instead of deadlocking.
 */
export async function withAdvisoryLock<T>(pool: pg.Pool, key: number, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
    client.release();
  }
}
