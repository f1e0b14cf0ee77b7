/**
 * The statistics rollup: folds events into stat_day (and its months, stat_month) and
 * stat_distinct, incrementally.
 *
 * Which events are safe to fold? Not "seq up to the highest seen": a transaction that took a
 * lower seq may commit later and would be skipped for ever. Each event carries its
 * transaction's id (`txid`); every transaction with an id below the oldest still running
 * (`pg_snapshot_xmin`) has ended, so its events are final. One run folds the events with
 * `watermark <= txid < xmin` and moves the watermark to xmin, in one transaction — a crash
 * folds nothing twice, and two processes take turns by an advisory lock. What the rollup
 * has not read yet, the figures query reads raw (`txid >= watermark`), so a figure is exact
 * the moment the event commits.
 *
 * Distinct counts (persons assisted, shelters opened) do not add up over days, so the members
 * are kept (stat_distinct, per region and day) and, beside them, how many members each day
 * brings that the region had not seen since a given earlier day (stat_distinct_day): the
 * figures query sums those instead of counting members — see docs/statistics.md, "How the
 * figures stay fast and exact".
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
    // Sorts and hashes of a catch-up (millions of rows) stay in memory; this transaction only.
    await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
    const source = sql`
      SELECT id, region_code, at, action, entity_id, payload FROM event
      WHERE txid >= ${from} AND txid < ${to} AND action IN (${STAT_ACTIONS})`;
    // Contributions are added up (or made distinct) at the event's own region first and only
    // then copied to its city, province and the nation: four times fewer rows to group.
    await tx.execute(sql`
      CREATE TEMP TABLE stat_fresh (region_code text, figure text, dim text, entity text, day date,
        PRIMARY KEY (region_code, figure, dim, entity, day))
      ON COMMIT DROP`);
    await tx.execute(sql`
      WITH rows AS (${projection(source)}),
      own AS (
        SELECT region_code, day, figure, dim, sum(value) AS value FROM rows WHERE entity IS NULL
        GROUP BY region_code, day, figure, dim
      ),
      own_members AS (
        SELECT DISTINCT region_code, figure, dim, day, entity FROM rows WHERE entity IS NOT NULL
      ),
      sums AS (
        INSERT INTO stat_day (region_code, day, figure, dim, value)
        SELECT l.lvl, p.day, p.figure, p.dim, sum(p.value) FROM own p CROSS JOIN LATERAL ${LEVELS} l
        GROUP BY l.lvl, p.day, p.figure, p.dim
        ORDER BY 1, 2, 3, 4 -- key order: each index page is written once, not once per row
        ON CONFLICT (region_code, day, figure, dim) DO UPDATE SET value = stat_day.value + excluded.value
        RETURNING 1
      ),
      months AS (
        INSERT INTO stat_month (region_code, dim, month, figure, value)
        SELECT l.lvl, p.dim, date_trunc('month', p.day)::date, p.figure, sum(p.value)
        FROM own p CROSS JOIN LATERAL ${LEVELS} l
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (region_code, dim, month, figure) DO UPDATE SET value = stat_month.value + excluded.value
        RETURNING 1
      ),
      added AS (
        INSERT INTO stat_distinct (region_code, figure, dim, day, entity)
        SELECT DISTINCT l.lvl, p.figure, p.dim, p.day, p.entity FROM own_members p CROSS JOIN LATERAL ${LEVELS} l
        ORDER BY 1, 2, 3, 5, 4
        ON CONFLICT DO NOTHING
        RETURNING region_code, figure, dim, entity, day
      )
      INSERT INTO stat_fresh SELECT region_code, figure, dim, entity, day FROM added`);
    // Keyed and analysed, so each member-day is told fresh or not by one lookup (unkeyed, a
    // steady run's plan scanned the new members once per day read: two minutes for 10,000 events).
    await tx.execute(sql`ANALYZE stat_fresh`);
    // stat_distinct_day: each member's day counted under its previous day. A new day between
    // two known ones changes the next one's previous day: its old pair loses 1, its new pair
    // gains 1. Only the members that gained a day are read (stat_distinct's key leads with
    // region, figure, dim, entity), in day order.
    await tx.execute(sql`
      WITH keys AS (SELECT DISTINCT region_code, figure, dim, entity FROM stat_fresh),
      seq AS (
        SELECT d.region_code, d.figure, d.dim, d.day, f.day IS NOT NULL AS fresh,
               max(d.day) OVER w AS prev,
               max(d.day) FILTER (WHERE f.day IS NULL) OVER w AS old_prev
        FROM keys k
        JOIN stat_distinct d
          ON d.region_code = k.region_code AND d.figure = k.figure AND d.dim = k.dim AND d.entity = k.entity
        LEFT JOIN stat_fresh f
          ON f.region_code = d.region_code AND f.figure = d.figure AND f.dim = d.dim AND f.entity = d.entity
         AND f.day = d.day
        WINDOW w AS (PARTITION BY d.region_code, d.figure, d.dim, d.entity ORDER BY d.day
                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
      ),
      delta AS (
        SELECT region_code, figure, dim, coalesce(prev, '-infinity'::date) AS prev_day, day, 1 AS n
        FROM seq WHERE fresh OR prev IS DISTINCT FROM old_prev
        UNION ALL
        SELECT region_code, figure, dim, coalesce(old_prev, '-infinity'::date), day, -1
        FROM seq WHERE NOT fresh AND prev IS DISTINCT FROM old_prev
      )
      INSERT INTO stat_distinct_day (region_code, figure, dim, prev_day, day, n)
      SELECT region_code, figure, dim, prev_day, day, sum(n) FROM delta
      GROUP BY region_code, figure, dim, prev_day, day HAVING sum(n) <> 0
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (region_code, figure, dim, prev_day, day) DO UPDATE SET n = stat_distinct_day.n + excluded.n`);
    await tx.execute(sql`UPDATE stat_state SET watermark = ${to}, rolled_at = now() WHERE id = 1`);
    return { folded: true, from, to };
  });
}
