/**
 * The figures' definition in SQL: what each event contributes, row by row — the mirror of the
 * domain's `statRows` (the property test holds the two, the rollup and the naive
 * recomputation to one another). The rollup runs it over the events it has not read yet, the
 * dashboard over the few that arrived since, the naive benchmark over all of them.
 */
import { FOOD_KINDS, REUNION_DISCHARGES, statActions, WARM_KINDS } from '@warmline/domain';
import { type SQL, sql } from 'drizzle-orm';

const list = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', '));

/** A JSON number as a whole number, 0 for anything else (the domain's `num`). */
const num = (path: string) =>
  sql.raw(
    `(CASE WHEN jsonb_typeof(${path}) = 'number' THEN floor((${path})::text::numeric)::bigint ELSE 0 END)`,
  );

export const STAT_ACTIONS = list(statActions);

/**
 * `source` must yield (id, region_code, at, action, entity_id, payload). The result has
 * (event_id, action, entity_id, region_code, day, figure, dim, value, entity): `value` for summable figures, `entity` for
 * the members of distinct counts.
 */
export function projection(source: SQL): SQL {
  return sql`
    SELECT e.id AS event_id, e.action, e.entity_id, e.region_code, e.day, r.figure, r.dim, r.value, r.entity
    FROM (
      SELECT s.id, s.region_code, s.action, s.entity_id, s.payload,
             CASE WHEN jsonb_typeof(s.payload -> 'subject') = 'object' THEN s.payload -> 'subject' END AS subject,
             ((CASE WHEN s.payload ->> 'occurredAt' ~ '^\\d{4}-\\d{2}-\\d{2}T'
                    THEN (s.payload ->> 'occurredAt')::timestamptz ELSE s.at END)
               AT TIME ZONE 'Asia/Shanghai')::date AS day
      FROM (${source}) s
    ) e
    CROSS JOIN LATERAL (
      -- person-times: the headline, then the person's facts as fixed in the event
      SELECT f.figure, d.dim, 1::bigint AS value, NULL::text AS entity
      FROM (VALUES ('assisted'),
                   (CASE e.action WHEN 'encounter.recorded' THEN 'street_assisted' ELSE 'station_admitted' END)
           ) f(figure)
      CROSS JOIN LATERAL (
        SELECT '' AS dim
        UNION ALL SELECT 'sex:' || coalesce(e.subject ->> 'sex', 'unknown') WHERE e.subject IS NOT NULL
        UNION ALL SELECT 'age:' || coalesce(e.subject ->> 'ageGroup', 'unknown') WHERE e.subject IS NOT NULL
        UNION ALL SELECT 'health:' || coalesce(e.subject ->> 'health', 'unknown') WHERE e.subject IS NOT NULL
        UNION ALL SELECT 'province:' || coalesce(e.subject ->> 'homeProvince', 'unknown') WHERE e.subject IS NOT NULL
        UNION ALL SELECT 'group:' || g
          FROM jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(e.subject -> 'groups') = 'array' THEN e.subject -> 'groups' ELSE '[]'::jsonb END) g
      ) d
      WHERE e.action IN ('encounter.recorded', 'stay.admitted')
      UNION ALL
      SELECT 'street_assisted', 'category:' || (e.payload ->> 'category'), 1, NULL
      WHERE e.action = 'encounter.recorded' AND jsonb_typeof(e.payload -> 'category') = 'string'
      UNION ALL
      SELECT 'assisted_persons', '', NULL, coalesce(e.subject ->> 'personId', e.payload ->> 'personId')
      WHERE e.action IN ('encounter.recorded', 'stay.admitted')
        AND coalesce(e.subject ->> 'personId', e.payload ->> 'personId') IS NOT NULL
      UNION ALL
      SELECT 'persuaded_to_station', '', 1, NULL
      WHERE e.action = 'stay.admitted' AND e.payload ->> 'arrivalKind' = 'handover'
      UNION ALL
      SELECT x.figure, '', x.value, NULL
      FROM (VALUES ('patrols', 1::bigint),
                   ('patrol_staff_trips', ${num("e.payload -> 'staffTrips'")}),
                   ('vehicle_trips', ${num("e.payload -> 'vehicleTrips'")})) x(figure, value)
      WHERE e.action = 'shift.started'
      UNION ALL
      -- handed out, per kind: every unit under its kind, and again under warm or food
      SELECT f.figure, d.dim, k.value, NULL
      FROM (
        SELECT kv.key AS kind, ${num('kv.value')} AS value
        FROM jsonb_each(CASE WHEN e.action = 'supply.distributed' AND jsonb_typeof(e.payload -> 'byKind') = 'object'
                             THEN e.payload -> 'byKind' ELSE '{}'::jsonb END) kv
      ) k
      CROSS JOIN LATERAL (
        SELECT 'items_distributed' AS figure
        UNION ALL SELECT 'warm_items_distributed' WHERE k.kind IN (${list(WARM_KINDS)})
        UNION ALL SELECT 'food_distributed' WHERE k.kind IN (${list(FOOD_KINDS)})
      ) f
      CROSS JOIN LATERAL (SELECT '' AS dim UNION ALL SELECT 'kind:' || k.kind) d
      WHERE k.value <> 0
      UNION ALL
      SELECT 'shelters_opened', d.dim, NULL, e.entity_id
      FROM (SELECT '' AS dim UNION ALL SELECT 'kind:' || coalesce(e.payload ->> 'shelterKind', 'unknown')) d
      WHERE e.action = 'shelter.activated'
      UNION ALL
      SELECT 'leads', d.dim, 1, NULL
      FROM (SELECT '' AS dim UNION ALL SELECT 'source:' || coalesce(e.payload ->> 'source', 'unknown')) d
      WHERE e.action = 'lead.received'
      UNION ALL
      SELECT 'lead_arrival_minutes', 'minutes:' || greatest(0, ${num("e.payload -> 'minutesFromLead'")}), 1, NULL
      WHERE e.action = 'lead.on_scene'
      UNION ALL
      SELECT 'discharged', d.dim, 1, NULL
      FROM (SELECT '' AS dim UNION ALL SELECT 'type:' || coalesce(e.payload ->> 'type', 'unknown')) d
      WHERE e.action = 'stay.discharged'
      UNION ALL
      SELECT 'escorted_home', '', 1, NULL WHERE e.action = 'stay.discharged' AND e.payload ->> 'type' = 'escort_home'
      UNION ALL
      SELECT 'placed', '', 1, NULL WHERE e.action = 'stay.discharged' AND e.payload ->> 'type' = 'placement'
      UNION ALL
      SELECT 'reunited', '', 1, NULL
      WHERE e.action = 'stay.discharged' AND e.payload -> 'identityUnknown' = 'true'::jsonb
        AND e.payload ->> 'type' IN (${list(REUNION_DISCHARGES)})
      UNION ALL
      SELECT 'lead_outcomes', d.dim, 1, NULL
      FROM (VALUES ('lead.resolved', 'resolved'), ('lead.not_found', 'not_found'), ('lead.closed', 'closed'),
                   ('lead.quarantined', 'spam'), ('lead.merged', 'duplicate')) o(action, outcome)
      CROSS JOIN LATERAL (SELECT '' AS dim UNION ALL SELECT 'outcome:' || o.outcome) d
      WHERE o.action = e.action
    ) r`;
}

/**
 * The region-tree levels a row counts at: its county, city, province and the nation
 * (deduplicated, so a city-level record is not counted twice as its own county).
 */
export const LEVELS = sql`(
  SELECT DISTINCT lvl FROM unnest(ARRAY[
    left(p.region_code, 6), left(p.region_code, 4) || '00', left(p.region_code, 2) || '0000', '000000'
  ]) lvl)`;
