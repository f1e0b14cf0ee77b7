import type { Db, Tx } from '../db/pool.ts';
import type { Ids } from '../platform/ids.ts';
import { DEMO_CITY } from './demo-city.ts';
import { DAY, seasonStart, Timeline } from './demo-season-clock.ts';
import { seedSeasonLeads, seedSeasonShelters } from './demo-season-leads.ts';
import { demoResponses } from './demo-season-response.ts';
import { seasonServices } from './demo-season-services.ts';
import { openShiftAt, seedSeasonStreet } from './demo-season-street.ts';
import { seasonSupplies } from './demo-season-supplies.ts';
import type { Season, SeasonRefs } from './demo-season-types.ts';
import { playDemoWeather, seedDemoForecasts } from './demo-season-weather.ts';
import { seededRandom } from './random.ts';

/**
 * The demo season (寒冬送温暖, from 15 October to today) across all ten districts and counties of
 * 韶关市, written through the services the API uses — encounters
 * recorded (the person's facts fixed in the event as the figures read them), hand-overs received
 * at the stations, admissions, care and discharges by the rules, supplies issued to the vehicles
 * and handed out on the street and at the station, shelters opened in the cold wave, leads worked
 * by the teams — each with the clock set back to the moment it happened. The nights' shifts and
 * the leads are written the way the rest of the demo writes them (rows and the same events). A seeded random makes
 * every demo database tell the same story; the campaign dashboard's figures come out of it.
 *
 * Busier in the city districts than in the rural counties, and far busier in the cold: the nights
 * cool from ~17 °C to ~9 °C over the season, with a cold snap in mid-November and the cold wave
 * of seed 004 in the last week (down to −1 °C the last three nights). The observatories' warnings
 * of that winter are played on the same timeline, and each county's forecast minimum is kept for
 * every night (demo-season-weather.ts).
 */

export async function seedDemoSeason(tx: Tx, ids: Ids, now: Date, refs: SeasonRefs): Promise<void> {
  const start = seasonStart(now);
  if (now.getTime() - start.getTime() < 3 * DAY) return;
  const random = seededRandom(20261015);
  let at = now;
  const clock = { now: () => at };
  const length = (now.getTime() - start.getTime()) / DAY;
  const noise = Array.from({ length: Math.ceil(length) + 2 }, () => random() * 3 - 1.5);
  const tempOn = (when: Date) => {
    const daysLeft = (now.getTime() - when.getTime()) / DAY;
    if (daysLeft <= 3) return -1;
    if (daysLeft <= 8) return 4;
    const i = Math.floor((when.getTime() - start.getTime()) / DAY);
    // The mid-November cold snap: four nights around the 25th day of the season.
    const snap = i >= 24 && i <= 27 ? -6 : 0;
    return Math.round(17 - (8 * i) / Math.max(length, 1) + snap + (noise[i] ?? 0));
  };
  const busyOn = (when: Date) => Math.min(4, Math.max(0.6, 1 + (14 - tempOn(when)) / 5));
  let forecast = tempOn(now);
  const db = tx as unknown as Db;
  const user = (name: string) => refs.userIds.get(name)!;
  const season: Season = {
    tx,
    ids,
    now,
    start,
    random,
    timeline: new Timeline(now),
    refs,
    tempOn,
    busyOn,
    ctx: (actor) => ({ actor, requestId: refs.requestId }),
    actors: {
      station: {
        id: user('station1'),
        role: 'station_staff',
        regionCode: DEMO_CITY,
        orgId: refs.orgIds.get('city-station')!,
      },
      keeper: { id: user('keeper1'), role: 'supplies_keeper', regionCode: DEMO_CITY },
      bureau: { id: user('shaoguan'), role: 'bureau_admin', regionCode: DEMO_CITY },
      patrol: (team) => ({ id: team.memberId!, role: 'patrol_member', regionCode: team.regionCode }),
    },
    services: seasonServices(
      db,
      clock,
      ids,
      () => forecast,
      (teamId) => openShiftAt(db, teamId, clock.now()),
    ),
  };
  // The winter's forecasts and warnings (demo-season-weather.ts), the warnings on the timeline.
  await seedDemoForecasts(tx, now, start);
  const responses = demoResponses(season);
  season.timeline.add(start, responses.setUp);
  playDemoWeather({
    now,
    start,
    warnings: season.services.warnings,
    afterEach: responses.afterWarning,
    schedule: (when, run) => season.timeline.add(when, run),
    ctx: season.ctx({
      id: user('dispatcher'),
      role: 'dispatcher',
      regionCode: DEMO_CITY,
      orgId: refs.orgIds.get('city-station')!,
    }),
  });
  await seedSeasonShelters(season);
  await seasonSupplies(season);
  const street = seedSeasonStreet(season);
  seedSeasonLeads(season, street);
  street.plan();
  await season.timeline.run((when) => {
    at = when;
    forecast = tempOn(when);
  });
  at = now;
}
