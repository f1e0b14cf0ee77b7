/**
 * The statistics rollup: folds events into stat_day / stat_distinct, incrementally.
 *
 * Which events are safe to fold? Not "seq up to the highest seen": a transaction that took a
 * lower seq may commit later and would be skipped for ever. Each event carries its
 * transaction's id (`txid`); every transaction with an id below the oldest still running
 * (`pg_snapshot_xmin`) has ended, so its events are final. One run folds the events with
 * `watermark <= txid < xmin` and moves the watermark to xmin, in one transaction — a crash
 * folds nothing twice, and two processes take turns by an advisory lock. What the rollup
 * has not read yet, the figures query reads raw (`txid >= watermark`), so a figure is exact
 * the moment the event commits.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import { LEVELS, projection, STAT_ACTIONS } from './projection.ts';

export const STAT_ROLLUP_JOB = 'stats-rollup';
const ROLLUP_LOCK = 7_260_017;

export interface RollupResult {
  folded: boolean;
  from: number;
  to: number;
}

export async function rollup(db: Db): Promise<RollupResult> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS ok`,
    );
    if (!locked.rows[0]?.ok) return { folded: false, from: 0, to: 0 };
    const state = await tx.execute<{ watermark: string; xmin: string }>(sql`
      SELECT watermark::text, (pg_snapshot_xmin(pg_current_snapshot())::text) AS xmin
      FROM stat_state WHERE id = 1 FOR UPDATE`);
    const from = Number(state.rows[0]?.watermark ?? 0);
    const to = Number(state.rows[0]?.xmin ?? 0);
    if (to <= from) return { folded: false, from, to };
    const source = sql`
      SELECT id, region_code, at, action, entity_id, payload FROM event
      WHERE txid >= ${from} AND txid < ${to} AND action IN (${STAT_ACTIONS})`;
    await tx.execute(sql`
      WITH rows AS (${projection(source)}),
      leveled AS (SELECT lvl AS region_code, p.day, p.figure, p.dim, p.value, p.entity
                  FROM rows p CROSS JOIN LATERAL ${LEVELS} l),
      sums AS (
        INSERT INTO stat_day (region_code, day, figure, dim, value)
        SELECT region_code, day, figure, dim, sum(value) FROM leveled WHERE entity IS NULL
        GROUP BY region_code, day, figure, dim
        ON CONFLICT (region_code, day, figure, dim) DO UPDATE SET value = stat_day.value + excluded.value
        RETURNING 1
      )
      INSERT INTO stat_distinct (region_code, figure, dim, day, entity)
      SELECT DISTINCT region_code, figure, dim, day, entity FROM leveled WHERE entity IS NOT NULL
      ON CONFLICT DO NOTHING`);
    await tx.execute(sql`UPDATE stat_state SET watermark = ${to}, rolled_at = now() WHERE id = 1`);
    return { folded: true, from, to };
  });
}
