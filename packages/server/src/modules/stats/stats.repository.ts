/**
 * Figures from the rollup plus the events it has not read yet, in one snapshot (so the
 * watermark, the rolled rows and the raw tail agree); and the naive recomputation over raw
 * events that the tests and the benchmark hold it to.
 */
import { type Figures, reduceFigures, regionPrefix } from '@warmline/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.ts';
import type { FiguresQuery, Row } from './figures-query.ts';
import { type Period, splitPeriod } from './period.ts';
import { LEVELS, projection, STAT_ACTIONS } from './projection.ts';
import { tailRows } from './tail.ts';

export type { FiguresQuery, Period };

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

/**
 * The rolled rows of a question: sums from stat_month for the period's whole months and from
 * stat_day for its ragged ends (every day, by day), and distinct counts from
 * stat_distinct_day (each member counted on its first day in the period: the day whose
 * previous day lies before the period, or before that day when by day).
 */
function rolledSql(q: FiguresQuery): SQL {
  const codes = codesArray(q.regions);
  const dimCond = q.headlineOnly ? sql`AND dim = ''` : sql``;
  const split = q.byDay ? { months: [], days: [q.period] } : splitPeriod(q.period);
  const day = q.byDay ? sql`day::text` : sql`NULL::text`;
  const parts: SQL[] = split.days.map(
    (d) => sql`SELECT region_code, ${day} AS day, figure, dim, value FROM stat_day
      WHERE region_code = ANY(${codes}) AND day BETWEEN ${d.from}::date AND ${d.to}::date ${dimCond}`,
  );
  if (split.months.length)
    parts.push(sql`SELECT region_code, NULL::text AS day, figure, dim, value FROM stat_month
      WHERE region_code = ANY(${codes}) AND month BETWEEN ${split.months[0]}::date
        AND ${split.months[split.months.length - 1]}::date ${dimCond}`);
  return sql`
    SELECT region_code, day, 's' AS kind, figure, dim, sum(value)::text AS n
    FROM (${sql.join(parts, sql` UNION ALL `)}) x GROUP BY 1, 2, 4, 5
    UNION ALL
    SELECT region_code, ${day}, 'd', figure, dim, sum(n)::text FROM stat_distinct_day
    WHERE region_code = ANY(${codes}) AND day BETWEEN ${q.period.from}::date AND ${q.period.to}::date
      AND prev_day < ${q.byDay ? sql`day` : sql`${q.period.from}::date`} ${dimCond}
    GROUP BY 1, 2, 4, 5 HAVING sum(n) <> 0`;
}

/**
 * The rolled rows and the tail in one snapshot (repeatable read), so the watermark, the rows
 * the rollup wrote and the events it has not read agree, whatever commits meanwhile.
 */
async function fromRollup(db: Db | Tx, q: FiguresQuery): Promise<Row[]> {
  const read = async (tx: Db | Tx) => {
    const state = await tx.execute<{ w: string }>(
      sql`SELECT watermark::text AS w FROM stat_state WHERE id = 1`,
    );
    const watermark = Number(state.rows[0]?.w ?? 0);
    const rolled = (await tx.execute<Row>(rolledSql(q))).rows;
    return [...rolled, ...(await tailRows(tx, q, watermark, commonPrefix(q.regions)))];
  };
  // Inside a caller's transaction, its snapshot is the one there is (a Tx can roll back).
  return 'rollback' in db
    ? read(db)
    : db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
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
    figures: async (q: FiguresQuery) => reduce(await fromRollup(db, q)),
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
