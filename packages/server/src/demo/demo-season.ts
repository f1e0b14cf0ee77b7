import type { Db, Tx } from '../db/pool.ts';
import { createEncounterService } from '../modules/encounters/encounter.service.ts';
import { createRegionService } from '../modules/regions/region.service.ts';
import { createShelterService } from '../modules/shelters/shelter.service.ts';
import { createStayService } from '../modules/stays/stay.service.ts';
import { createHandOut } from '../modules/supplies/hand-out.ts';
import { createMovementService } from '../modules/supplies/movement.service.ts';
import { createTeamService, type TeamService } from '../modules/teams/team.service.ts';
import type { Actor, Ctx } from '../platform/actor.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { DEMO_CITY } from './demo-city.ts';
import type { SeededTeam } from './demo-dispatches.ts';
import { DAY, seasonStart, Timeline } from './demo-season-clock.ts';
import { seedSeasonLeads, seedSeasonShelters } from './demo-season-leads.ts';
import type { Random, SeasonPerson } from './demo-season-people.ts';
import { openShiftAt, seedSeasonStreet } from './demo-season-street.ts';
import { seasonSupplies } from './demo-season-supplies.ts';
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
 * of seed 004 in the last week (down to −1 °C the last three nights).
 */

export interface SeasonRefs {
  requestId: string;
  teams: SeededTeam[];
  orgIds: Map<string, string>;
  userIds: Map<string, string>;
}

export interface Season {
  tx: Tx;
  ids: Ids;
  now: Date;
  start: Date;
  random: Random;
  timeline: Timeline;
  refs: SeasonRefs;
  /** The night's forecast minimum (°C) for the evening of `day`. */
  tempOn(at: Date): number;
  /** How much busier than a mild night: 0.6 on a warm October night, 4 in the cold wave. */
  busyOn(at: Date): number;
  ctx(actor: Actor): Ctx;
  actors: { station: Actor; keeper: Actor; bureau: Actor; patrol(team: SeededTeam): Actor };
  services: ReturnType<typeof services>;
  /** Set by the leads: someone found because a lead came in (the team sent, then the encounter). */
  fromLead?: (at: Date, team: SeededTeam, p: SeasonPerson) => void;
}

function services(db: Db, clock: { now: () => Date }, ids: Ids, forecast: () => number) {
  const recordEvent = createEventRecorder({ clock, ids });
  const regions = createRegionService({ db });
  const teams = cachedTeams(createTeamService({ db, clock, ids, recordEvent, regions }));
  const deps = { db, clock, ids, recordEvent };
  return {
    teams,
    encounters: createEncounterService({
      ...deps,
      teams,
      // The shift open when it happened (the week's shifts were written before this season).
      shifts: { openShiftId: (teamId) => openShiftAt(db, teamId, clock.now()) },
      forecastMinTempC: forecast,
      supplies: { distributeInTx: createHandOut({ clock, ids, recordEvent }) },
    }),
    stays: createStayService(deps),
    movements: createMovementService(deps),
    shelters: createShelterService({ ...deps, regions }),
    recordEvent,
  };
}

/**
 * The team answers the patrol services ask for on every act (whose team, its crew, its vehicle):
 * fixed for the season, so asked once per team — a few thousand fewer queries at start-up.
 */
function cachedTeams(teams: TeamService): TeamService {
  const memo = <A extends unknown[], R>(f: (...a: A) => Promise<R>, key: (...a: A) => string) => {
    const known = new Map<string, Promise<R>>();
    return (...a: A) => {
      const k = key(...a);
      if (!known.has(k)) known.set(k, f(...a));
      return known.get(k)!;
    };
  };
  return {
    ...teams,
    teamOfUser: memo(teams.teamOfUser, (u) => u),
    memberTeam: memo(teams.memberTeam, (u) => u),
    get: memo(teams.get, (actor, id) => `${actor.regionCode}|${id}`),
  };
}

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
    services: services(db, clock, ids, () => forecast),
  };
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
