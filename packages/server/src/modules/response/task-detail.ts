/**
 * What two plan tasks show live: how many teams are on duty against the level's minimum, and
 * which open shelters and team vehicles need warm items tonight, with quantities suggested from
 * their places, the night's forecast and what the region's warehouses and stations hold
 * (the domain's `suggestedQuantity`, handed out greedily in order until the stock runs out).
 */
import {
  type ResponseLevel,
  regionPrefix,
  suggestedQuantity,
  tighteningByLevel,
  WARM_KINDS,
} from '@warmline/domain';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';

/** A patrol vehicle carries warm items for this many people a night. */
const VEHICLE_PEOPLE = 10;
const warm = sql.join(
  WARM_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

export async function teamsOnDuty(db: DbOrTx, regionCode: string, level: ResponseLevel) {
  const { rows } = await db.execute(sql`
    SELECT count(*)::int AS n FROM team
    WHERE region_code LIKE ${`${regionPrefix(regionCode)}%`} AND status <> 'off_duty'`);
  return { onDuty: Number((rows[0] as { n: number }).n), minimum: tighteningByLevel[level].minTeamsOnDuty };
}

export async function suppliesToMove(db: DbOrTx, regionCode: string, forecastMinC: number | null) {
  const like = `${regionPrefix(regionCode)}%`;
  const places = (
    await db.execute(sql`
      SELECT p.kind, p.name, s.name AS shelter_name, s.capacity_night, t.name AS team_name,
        coalesce(sum(st.quantity) FILTER (WHERE i.supply_kind IN (${warm})), 0)::int AS have
      FROM supply_place p
      LEFT JOIN shelter s ON s.id = p.shelter_id
      LEFT JOIN team t ON t.id = p.team_id
      LEFT JOIN supply_stock st ON st.place_id = p.id
      LEFT JOIN supply_item i ON i.id = st.item_id
      WHERE p.region_code LIKE ${like}
        AND (p.kind IN ('warehouse', 'station')
             OR (p.kind = 'shelter' AND s.status IN ('open', 'full'))
             OR (p.kind = 'team_vehicle' AND t.status <> 'off_duty'))
      GROUP BY p.id, p.kind, p.name, s.name, s.capacity_night, t.name
      ORDER BY p.kind, p.name`)
  ).rows as {
    kind: string;
    name: string;
    shelter_name: string | null;
    capacity_night: number | null;
    team_name: string | null;
    have: number;
  }[];
  let available = places
    .filter((p) => p.kind === 'warehouse' || p.kind === 'station')
    .reduce((n, p) => n + Number(p.have), 0);
  const stock = available;
  const targets = places
    .filter((p) => p.kind === 'shelter' || p.kind === 'team_vehicle')
    .map((p) => {
      const expected = p.kind === 'shelter' ? Number(p.capacity_night ?? 0) : VEHICLE_PEOPLE;
      const have = Number(p.have);
      const need = Math.max(0, suggestedQuantity(expected, forecastMinC, Number.MAX_SAFE_INTEGER) - have);
      const suggested = Math.min(need, available);
      available -= suggested;
      return {
        kind: p.kind as 'shelter' | 'team_vehicle',
        name: p.shelter_name ?? p.team_name ?? p.name,
        expected,
        have,
        suggested,
      };
    })
    .filter((t) => t.expected > 0);
  return { forecastMinC, available: stock, targets };
}
