/**
 * What the events the rollup has not read yet (the tail: a few hundred between two runs) add
 * to a question, projected here by the domain's `statRows`, the definition the SQL projection
 * mirrors: planning that SQL for a handful of rows on every read cost more than the rest of it.
 * A member of the tail counts only if stat_distinct does not already hold it in the period (or
 * on that day, by day), asked in one statement.
 */
import { isWithinRegion, type StatEvent, statDay, statRows } from '@warmline/domain';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.ts';
import type { FiguresQuery, Row } from './figures-query.ts';
import { STAT_ACTIONS } from './projection.ts';

interface Member {
  region: string;
  day: string;
  figure: string;
  dim: string;
  entity: string;
}

export async function tailRows(
  tx: Db | Tx,
  q: FiguresQuery,
  watermark: number,
  prefix: string,
): Promise<Row[]> {
  const events = (
    await tx.execute<Omit<StatEvent, 'at'> & { at: string }>(sql`
      SELECT action, at, region_code AS "regionCode", entity_id AS "entityId", payload FROM event
      WHERE txid >= ${watermark} AND action IN (${STAT_ACTIONS}) AND region_code LIKE ${`${prefix}%`}`)
  ).rows;
  const sums: Row[] = [];
  const members = new Map<string, Member>();
  for (const raw of events) {
    const e: StatEvent = { ...raw, at: new Date(raw.at) };
    const d = statDay(e);
    // The regions asked for that count it: its county, city, province or the nation.
    const regions = q.regions.filter((r) => isWithinRegion(e.regionCode, r));
    if (d < q.period.from || d > q.period.to || !regions.length) continue;
    for (const r of statRows(e)) {
      if (q.headlineOnly && r.dim !== '') continue;
      for (const region of regions)
        if (r.entity === undefined)
          sums.push({
            region_code: region,
            day: q.byDay ? d : null,
            kind: 's',
            figure: r.figure,
            dim: r.dim,
            n: String(r.value),
          });
        else
          members.set(`${region}|${d}|${r.figure}|${r.dim}|${r.entity}`, {
            region,
            day: d,
            ...r,
            entity: r.entity,
          });
    }
  }
  return [...sums, ...(await newMembers(tx, q, [...members.values()]))];
}

/** The tail's members stat_distinct does not hold yet, counted once per region, figure and breakdown (and day). */
async function newMembers(tx: Db | Tx, q: FiguresQuery, ms: Member[]): Promise<Row[]> {
  if (!ms.length) return [];
  // One array parameter each (a plain array would be spread into a row).
  const col = (f: (m: Member) => string) => sql`${sql.param(ms.map(f))}::text[]`;
  const known = await tx.execute<{ i: string }>(sql`
    SELECT k.i::text FROM unnest(${col((m) => m.region)}, ${col((m) => m.figure)}, ${col((m) => m.dim)},
                                 ${col((m) => m.entity)}, ${col((m) => m.day)}) WITH ORDINALITY k(r, f, d, e, day, i)
    WHERE EXISTS (
      SELECT 1 FROM stat_distinct s
      WHERE s.region_code = k.r AND s.figure = k.f AND s.dim = k.d AND s.entity = k.e
        AND s.day BETWEEN ${q.byDay ? sql`k.day::date` : sql`${q.period.from}::date`}
                      AND ${q.byDay ? sql`k.day::date` : sql`${q.period.to}::date`})`);
  const held = new Set(known.rows.map((r) => Number(r.i) - 1));
  const groups = new Map<string, { row: Row; entities: Set<string> }>();
  for (const [i, m] of ms.entries()) {
    if (held.has(i)) continue;
    const day = q.byDay ? m.day : null;
    const key = `${m.region}|${day}|${m.figure}|${m.dim}`;
    const g = groups.get(key) ?? {
      row: { region_code: m.region, day, kind: 'd', figure: m.figure, dim: m.dim, n: '' },
      entities: new Set<string>(),
    };
    g.entities.add(m.entity);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...g.row, n: String(g.entities.size) }));
}
