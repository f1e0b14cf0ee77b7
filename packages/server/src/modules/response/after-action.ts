/**
 * A response's after-action figures, counted from the records in its window exactly (not whole
 * days): the same events the campaign figures count (see stats/projection.ts), in the region.
 */
import { regionPrefix } from '@warmline/domain';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { coversRegion } from '../../platform/scope.ts';

export interface Window {
  regionCode: string;
  from: Date;
  to: Date;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function afterActionFigures(db: DbOrTx, w: Window) {
  const like = `${regionPrefix(w.regionCode)}%`;
  const from = w.from.toISOString();
  const to = w.to.toISOString();
  const { rows } = await db.execute(sql`
    SELECT
      count(*) FILTER (WHERE action = 'lead.received') AS leads,
      count(*) FILTER (WHERE action = 'encounter.recorded') AS encounters,
      count(*) FILTER (WHERE action = 'stay.admitted') AS admitted,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY (payload ->> 'minutesFromLead')::numeric)
        FILTER (WHERE action = 'lead.on_scene' AND jsonb_typeof(payload -> 'minutesFromLead') = 'number')
        AS median_arrival,
      count(DISTINCT entity_id) FILTER (WHERE action = 'shelter.activated') AS shelters_opened,
      coalesce(sum((payload ->> 'units')::numeric)
        FILTER (WHERE action IN ('supply.transferred', 'supply.issued')
                AND jsonb_typeof(payload -> 'units') = 'number'), 0) AS items_moved,
      coalesce(sum((payload ->> 'units')::numeric)
        FILTER (WHERE action = 'supply.distributed' AND jsonb_typeof(payload -> 'units') = 'number'), 0)
        AS items_handed_out
    FROM event
    WHERE at >= ${from}::timestamptz AND at < ${to}::timestamptz AND region_code LIKE ${like}
      AND action IN ('lead.received', 'encounter.recorded', 'stay.admitted', 'lead.on_scene',
                     'shelter.activated', 'supply.transferred', 'supply.issued', 'supply.distributed')`);
  const r = rows[0] as Record<string, unknown>;
  const peak = await db.execute(sql`
    SELECT s.id, s.name, max(c.count) AS peak, coalesce(max(s.capacity_night), 0) AS capacity
    FROM shelter_count c JOIN shelter s ON s.id = c.shelter_id
    WHERE c.at >= ${from}::timestamptz AND c.at < ${to}::timestamptz AND c.region_code LIKE ${like}
    GROUP BY s.id, s.name ORDER BY peak DESC LIMIT 20`);
  // Night by night (Beijing dates): encounters and leads against the forecast minimum.
  const nights = await db.execute(sql`
    WITH n AS (
      SELECT d::date AS night
      FROM generate_series((${from}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date,
                           (${to}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, '1 day') d
    )
    SELECT n.night::text AS night,
      (SELECT min(f.min_c) FROM forecast_min f
        WHERE f.night = n.night
          AND (f.region_code LIKE ${like} OR ${coversRegion(sql.raw('f.region_code'), w.regionCode)})) AS min_c,
      (SELECT count(*) FROM event e
        WHERE e.action = 'encounter.recorded' AND e.region_code LIKE ${like}
          AND e.at >= greatest(${from}::timestamptz, (n.night::timestamp AT TIME ZONE 'Asia/Shanghai'))
          AND e.at < least(${to}::timestamptz, ((n.night + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))) AS encounters,
      (SELECT count(*) FROM event e
        WHERE e.action = 'lead.received' AND e.region_code LIKE ${like}
          AND e.at >= greatest(${from}::timestamptz, (n.night::timestamp AT TIME ZONE 'Asia/Shanghai'))
          AND e.at < least(${to}::timestamptz, ((n.night + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))) AS leads
    FROM n ORDER BY n.night LIMIT 60`);
  return {
    leads: num(r.leads),
    encounters: num(r.encounters),
    admitted: num(r.admitted),
    medianLeadToArrivalMinutes: r.median_arrival === null ? null : num(r.median_arrival),
    sheltersOpened: num(r.shelters_opened),
    itemsMoved: num(r.items_moved),
    itemsHandedOut: num(r.items_handed_out),
    shelters: (peak.rows as { id: string; name: string; peak: unknown; capacity: unknown }[]).map((s) => ({
      id: s.id,
      name: s.name,
      peak: num(s.peak),
      capacity: num(s.capacity),
    })),
    nights: (nights.rows as { night: string; min_c: unknown; encounters: unknown; leads: unknown }[]).map(
      (n) => ({
        night: n.night,
        minC: n.min_c === null ? null : Number(n.min_c),
        encounters: num(n.encounters),
        leads: num(n.leads),
      }),
    ),
  };
}
