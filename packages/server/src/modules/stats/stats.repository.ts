/**
 * Figures from the rollup plus the events it has not read yet, in one statement (one
 * snapshot, so the watermark, the rolled rows and the raw tail agree); and the naive
 * recomputation over raw events that the tests and the benchmark hold it to.
 */
import { type Figures, reduceFigures, regionPrefix } from '@warmline/domain';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.ts';
import { LEVELS, projection, STAT_ACTIONS } from './projection.ts';

export interface Period {
  from: string;
  to: string;
}

type Row = {
  region_code: string;
  day: string | null;
  kind: 's' | 'd';
  figure: string;
  dim: string;
  n: string;
};

const codesArray = (codes: readonly string[]) =>
  sql`ARRAY[${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;

/** The events of these regions' subtrees (a shared prefix keeps the tail scan narrow). */
function commonPrefix(codes: readonly string[]): string {
  const prefixes = codes.map(regionPrefix);
  let p = prefixes[0] ?? '';
  for (const q of prefixes) while (!q.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export interface FiguresQuery {
  /** County, city, province or national codes. */
  regions: readonly string[];
  period: Period;
  /** Per day as well (the trend), else the whole period. */
  byDay?: boolean;
  /** Headlines only (no breakdowns): the children's table and the trend need no more. */
  headlineOnly?: boolean;
}

async function fromRollup(db: Db | Tx, q: FiguresQuery): Promise<{ rows: Row[] }> {
  const codes = codesArray(q.regions);
  // The watermark only moves forward, so one read just before is a lower bound of the one the
  // statement sees: redundant for the answer, but a constant the planner can estimate the tail
  // by (a handful of rows, one index range). Given only the subquery, it guessed a third of the
  // table and started parallel workers for a tail of nothing (~25 ms on 2 cores).
  const known = await db.execute<{ w: string }>(
    sql`SELECT watermark::text AS w FROM stat_state WHERE id = 1`,
  );
  const floor = Number(known.rows[0]?.w ?? 0);
  const dimCond = q.headlineOnly ? sql`AND dim = ''` : sql``;
  const day = q.byDay ? sql`day::text` : sql`NULL::text`;
  const tailSource = sql`
    SELECT id, region_code, at, action, entity_id, payload FROM event
    WHERE txid >= (SELECT coalesce(max(watermark), 0) FROM stat_state WHERE id = 1) AND txid >= ${floor}
      AND action IN (${STAT_ACTIONS}) AND region_code LIKE ${`${commonPrefix(q.regions)}%`}`;
  return db.execute<Row>(sql`
    WITH tail AS (
      SELECT l.lvl AS region_code, p.day, p.figure, p.dim, p.value, p.entity
      FROM (${projection(tailSource)}) p CROSS JOIN LATERAL ${LEVELS} l
      WHERE p.day BETWEEN ${q.period.from}::date AND ${q.period.to}::date AND l.lvl = ANY(${codes}) ${dimCond}
    ),
    sums AS (
      SELECT region_code, ${day} AS day, figure, dim, sum(value) AS n FROM (
        SELECT region_code, day, figure, dim, value FROM stat_day
        WHERE region_code = ANY(${codes}) AND day BETWEEN ${q.period.from}::date AND ${q.period.to}::date ${dimCond}
        UNION ALL
        SELECT region_code, day, figure, dim, value FROM tail WHERE entity IS NULL
      ) x GROUP BY 1, 2, 3, 4
    ),
    -- Distinct counts: the rolled members from stat_distinct_day (each counted on its first day
    -- in the period: the day whose previous day lies before the period, or before that day when
    -- by day), plus the tail's members not already among them.
    rolled_members AS (
      SELECT region_code, ${day} AS day, figure, dim, sum(n) AS n FROM stat_distinct_day
      WHERE region_code = ANY(${codes}) AND day BETWEEN ${q.period.from}::date AND ${q.period.to}::date
        AND prev_day < ${q.byDay ? sql`day` : sql`${q.period.from}::date`} ${dimCond}
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
    ),
    tail_members AS (
      SELECT region_code, ${day} AS day, figure, dim, count(DISTINCT entity) AS n FROM tail t
      WHERE entity IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM stat_distinct s
        WHERE s.region_code = t.region_code AND s.figure = t.figure AND s.dim = t.dim AND s.entity = t.entity
          AND s.day BETWEEN ${q.byDay ? sql`t.day` : sql`${q.period.from}::date`}
                        AND ${q.byDay ? sql`t.day` : sql`${q.period.to}::date`})
      GROUP BY 1, 2, 3, 4
    ),
    members AS (
      SELECT region_code, day, figure, dim, sum(n) AS n
      FROM (SELECT * FROM rolled_members UNION ALL SELECT * FROM tail_members) x
      GROUP BY 1, 2, 3, 4
    )
    SELECT region_code, day, 's' AS kind, figure, dim, n::text FROM sums
    UNION ALL
    SELECT region_code, day, 'd', figure, dim, n::text FROM members`);
}

/** Every figure again from the raw events, with nothing rolled up: the reference. */
function naive(db: Db | Tx, q: FiguresQuery): Promise<{ rows: Row[] }> {
  const codes = codesArray(q.regions);
  const dimCond = q.headlineOnly ? sql`AND p.dim = ''` : sql``;
  const day = q.byDay ? sql`p.day::text` : sql`NULL::text`;
  const source = sql`
    SELECT id, region_code, at, action, entity_id, payload FROM event
    WHERE action IN (${STAT_ACTIONS}) AND region_code LIKE ${`${commonPrefix(q.regions)}%`}`;
  return db.execute<Row>(sql`
    WITH p AS (
      SELECT l.lvl AS region_code, p.day, p.figure, p.dim, p.value, p.entity
      FROM (${projection(source)}) p CROSS JOIN LATERAL ${LEVELS} l
      WHERE p.day BETWEEN ${q.period.from}::date AND ${q.period.to}::date AND l.lvl = ANY(${codes}) ${dimCond}
    )
    SELECT p.region_code, ${day} AS day, 's' AS kind, p.figure, p.dim, sum(p.value)::text AS n
    FROM p WHERE p.entity IS NULL GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT p.region_code, ${day} AS day, 'd' AS kind, p.figure, p.dim, count(DISTINCT p.entity)::text AS n
    FROM p WHERE p.entity IS NOT NULL GROUP BY 1, 2, 3, 4, 5`);
}

export interface RegionFigures {
  regionCode: string;
  day: string | null;
  figures: Figures;
}

function reduce(rows: Row[]): RegionFigures[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.region_code}|${r.day ?? ''}`;
    const g = groups.get(key) ?? [];
    g.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    regionCode: g[0]!.region_code,
    day: g[0]!.day,
    figures: reduceFigures(
      g.filter((r) => r.kind === 's').map((r) => ({ figure: r.figure, dim: r.dim, value: Number(r.n) })),
      g.filter((r) => r.kind === 'd').map((r) => ({ figure: r.figure, dim: r.dim, count: Number(r.n) })),
    ),
  }));
}

export function createStatsRepository(db: Db | Tx) {
  return {
    figures: async (q: FiguresQuery) => reduce((await fromRollup(db, q)).rows),
    naiveFigures: async (q: FiguresQuery) => reduce((await naive(db, q)).rows),
    /** The events behind one figure (and breakdown), for the drill-down list. */
    contributions: (
      regionCode: string,
      period: Period,
      figure: string,
      dim: string,
      limit: number,
      offset: number,
    ) => {
      const source = sql`
        SELECT id, region_code, at, action, entity_id, payload FROM event
        WHERE action IN (${STAT_ACTIONS}) AND region_code LIKE ${`${regionPrefix(regionCode)}%`}`;
      // The median has no headline row, only its histogram ('minutes:12'): behind its number
      // stand all of them.
      const dimMatch =
        figure === 'lead_arrival_minutes' && dim === '' ? sql`p.dim LIKE 'minutes:%'` : sql`p.dim = ${dim}`;
      return db.execute<{
        event_id: string;
        action: string;
        entity_id: string;
        region_code: string;
        day: string;
        value: string | null;
        total: string;
      }>(sql`
        SELECT p.event_id, p.action, p.entity_id, p.region_code, p.day::text, p.value::text,
               count(*) OVER ()::text AS total
        FROM (${projection(source)}) p
        WHERE p.figure = ${figure} AND ${dimMatch}
          AND p.day BETWEEN ${period.from}::date AND ${period.to}::date
        ORDER BY p.day DESC, p.event_id DESC LIMIT ${limit} OFFSET ${offset}`);
    },
  };
}
export type StatsRepository = ReturnType<typeof createStatsRepository>;
