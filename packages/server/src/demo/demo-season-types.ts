import type { Tx } from '../db/pool.ts';
import type { Actor, Ctx } from '../platform/actor.ts';
import type { Ids } from '../platform/ids.ts';
import type { SeededTeam } from './demo-dispatches.ts';
import type { Timeline } from './demo-season-clock.ts';
import type { Random, SeasonPerson } from './demo-season-people.ts';
import type { seasonServices } from './demo-season-services.ts';

/** What the rest of the demo seed hands the season: the teams, orgs and users it made. */
export interface SeasonRefs {
  requestId: string;
  teams: SeededTeam[];
  orgIds: Map<string, string>;
  userIds: Map<string, string>;
}

/**
 * What every part of the season is handed, in its own file so the parts (street, station, leads,
 * supplies) and the season that calls them do not import each other.
 */
export interface Season {
  tx: Tx;
  ids: Ids;
  now: Date;
  start: Date;
  random: Random;
  timeline: Timeline;
  refs: SeasonRefs;
  /** The forecast minimum (°C) of the night `at` falls in. */
  tempOn(at: Date): number;
  /** How much busier than a mild night: 0.6 on a warm October night, 4 in the cold wave. */
  busyOn(at: Date): number;
  ctx(actor: Actor): Ctx;
  actors: { station: Actor; keeper: Actor; bureau: Actor; patrol(team: SeededTeam): Actor };
  services: ReturnType<typeof seasonServices>;
  /** Set by the leads: someone found because a lead came in (the team sent, then the encounter). */
  fromLead?: (at: Date, team: SeededTeam, p: SeasonPerson) => void;
}
