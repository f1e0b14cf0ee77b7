import type { Db } from '../db/pool.ts';
import { createDutyLookup } from '../modules/duty/duty-lookup.ts';
import { createEncounterService } from '../modules/encounters/encounter.service.ts';
import { createNotifier } from '../modules/notifications/notifier.ts';
import { createRegionService } from '../modules/regions/region.service.ts';
import { createResponseService } from '../modules/response/response.service.ts';
import { createResponseTasks, type ResponseDeps } from '../modules/response/response-tasks.ts';
import { createShelterService } from '../modules/shelters/shelter.service.ts';
import { createStayService } from '../modules/stays/stay.service.ts';
import { createHandOut } from '../modules/supplies/hand-out.ts';
import { createMovementService } from '../modules/supplies/movement.service.ts';
import { createTeamService, type TeamService } from '../modules/teams/team.service.ts';
import { createWarningService } from '../modules/weather/warning.service.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { DEMO_CITY } from './demo-city.ts';

/** The API's own services, for the season's acts; `openShiftId` finds the shift open at the act's moment. */
export function seasonServices(
  db: Db,
  clock: { now: () => Date },
  ids: Ids,
  forecast: () => number,
  openShiftId: (teamId: string | null) => Promise<string | null>,
) {
  const recordEvent = createEventRecorder({ clock, ids });
  const regions = createRegionService({ db });
  const teams = cachedTeams(createTeamService({ db, clock, ids, recordEvent, regions }));
  const deps = { db, clock, ids, recordEvent };
  // No timers before pg-boss runs: each task's deadline is checked on the timeline instead, and
  // the minute sweep catches any left open once the server is up.
  const response: ResponseDeps = {
    ...deps,
    scheduler: { at: async () => {} },
    notifier: createNotifier({ clock, ids }),
    duty: createDutyLookup(db),
  };
  return {
    teams,
    responses: createResponseService(response),
    responseTasks: createResponseTasks(response),
    encounters: createEncounterService({
      ...deps,
      teams,
      // The shift open when it happened (the week's shifts were written before this season).
      shifts: { openShiftId },
      forecastMinTempC: forecast,
      supplies: { distributeInTx: createHandOut({ clock, ids, recordEvent }) },
    }),
    stays: createStayService(deps),
    movements: createMovementService(deps),
    shelters: createShelterService({ ...deps, regions }),
    // Geocodes only in the demo's warnings: no outlines to decode at start-up.
    warnings: createWarningService({ ...deps, outlines: null, fallbackRegion: DEMO_CITY }),
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
