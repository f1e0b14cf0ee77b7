import { type ObservedFact, type SupplyKind, shiftTrips, suggestedItems } from '@warmline/domain';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';
import { shift, teamMember } from '../db/schema.ts';
import { encounterBodySchema } from '../modules/encounters/encounter.schema.ts';
import { createEventRecorder, type EventInput } from '../platform/events.ts';
import { counties } from './demo-city.ts';
import type { SeededTeam } from './demo-dispatches.ts';
import { demoPlaces } from './demo-leads.ts';
import { DAY, eveningOf, HOUR } from './demo-season-clock.ts';
import { newPerson, pick, type SeasonPerson } from './demo-season-people.ts';
import { arriveAtStation, stationFor } from './demo-season-station.ts';
import type { Season } from './demo-season-types.ts';
import { demoTeams } from './demo-teams.ts';

const MIN = 60_000;

/** Street encounters a night in each county at a mild night's pace (×busy in the cold). */
const pace: Record<string, number> = {
  '440204': 0.62,
  '440203': 0.52,
  '440205': 0.36,
  '440281': 0.22,
  '440282': 0.2,
  '440224': 0.16,
  '440222': 0.15,
  '440229': 0.16,
  '440232': 0.15,
  '440233': 0.15,
};

/** More places people are found, for the counties the fortnight's leads do not cover. */
const morePlaces = [
  { regionCode: '440224', address: '仁化县汽车客运站', lat: 25.0876, lng: 113.7498 },
  { regionCode: '440224', address: '仁化县丹霞大道天桥下', lat: 25.0839, lng: 113.7471 },
  { regionCode: '440229', address: '翁源县汽车站', lat: 24.3521, lng: 114.1316 },
  { regionCode: '440229', address: '翁源县龙仙镇翁江大桥桥底', lat: 24.3478, lng: 114.1281 },
  { regionCode: '440233', address: '新丰县汽车客运站', lat: 24.0612, lng: 114.2079 },
  { regionCode: '440233', address: '新丰县丰城街道人民公园', lat: 24.0581, lng: 114.2043 },
  { regionCode: '440232', address: '乳源县鹰峰公园', lat: 24.7748, lng: 113.2779 },
  { regionCode: '440222', address: '始兴县汽车站', lat: 24.9537, lng: 114.0602 },
  { regionCode: '440281', address: '乐昌火车站', lat: 25.1352, lng: 113.3561 },
  { regionCode: '440282', address: '南雄火车站', lat: 25.1098, lng: 114.3165 },
];
const places = [...demoPlaces, ...morePlaces];
export const placesIn = (county: string) => places.filter((p) => p.regionCode === county);

const notes: Record<string, string[]> = {
  onsite_relief: ['劝导入站不愿意，已发放御寒物资', '留下求助引导卡和队员电话', '不愿入站，约定明晚复查'],
  to_station: ['同意入站，护送至救助站', '劝导后同意入站'],
  transitional: ['已联系人社部门，告知站内临时食宿', '已报警，协助联系家属'],
  assist_first: ['先行救助，送站后比对走失人员信息'],
  protective: ['公安协助护送到站，联系家长'],
  medical_first: ['已拨打120送粤北人民医院', '送定点医院评估'],
};

/** The shift of a team open at `at` (the one an encounter then is filed under). */
export async function openShiftAt(db: Db, teamId: string | null, at: Date): Promise<string | null> {
  if (!teamId) return null;
  const [row] = await db
    .select({ id: shift.id })
    .from(shift)
    .where(
      and(
        eq(shift.teamId, teamId),
        lte(shift.startedAt, at),
        or(isNull(shift.endedAt), gt(shift.endedAt, at)),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

function poisson(random: () => number, mean: number) {
  const l = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > l; p *= random()) k++;
  return k;
}

export interface Street {
  /** The teams out on the night beginning at `evening` in a county. */
  out(county: string, evening: Date): SeededTeam[];
  /** Records an encounter with `p` at `at` by `team` (a lead's when `leadId`), then what follows. */
  meet(at: Date, team: SeededTeam, p: SeasonPerson, leadId?: string): void;
  /** The nights of the season, each evening at 19:00 Beijing. */
  evenings: Date[];
  /** Puts the season's shifts and the nights' encounters on the timeline. */
  plan(): void;
}

export function seedSeasonStreet(season: Season): Street {
  const { random, now, timeline, services, refs } = season;
  const teams = refs.teams;
  const byCounty = new Map(counties.map(([code]) => [code, teams.filter((t) => t.regionCode === code)]));
  // The week of shifts demo-shifts.ts wrote: every team out each of those nights (same formula).
  const lastEvening = Math.floor((now.getTime() - 11 * HOUR) / DAY) * DAY + 11 * HOUR - DAY;
  const written = new Set(Array.from({ length: 7 }, (_, k) => lastEvening - k * DAY));
  const evenings: Date[] = [];
  for (let e = eveningOf(Math.floor((season.start.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR); ; ) {
    if (e.getTime() + 12 * HOUR > now.getTime()) break;
    evenings.push(e);
    e = new Date(e.getTime() + DAY);
  }
  const outOn = new Map<string, SeededTeam[]>();
  const out = (county: string, evening: Date) => {
    const key = `${county}|${evening.getTime()}`;
    const cached = outOn.get(key);
    if (cached) return cached;
    const all = byCounty.get(county) ?? [];
    let chosen: SeededTeam[];
    if (written.has(evening.getTime())) chosen = all;
    else if (all.length > 1) {
      // 浈江: 一队 and 二队 take turns, the station's night team joins when it is cold.
      const n = Math.round(evening.getTime() / DAY);
      chosen = [all[n % 2]!, ...(season.busyOn(evening) >= 2 ? all.slice(2) : [])];
    } else if (pace[county]! < 0.2 && season.busyOn(evening) < 2.5)
      // The rural counties patrol every other night, nightly in the cold wave.
      chosen = Math.round(evening.getTime() / DAY) % 2 ? all : [];
    else chosen = all;
    outOn.set(key, chosen);
    return chosen;
  };

  const people = new Map<string, SeasonPerson[]>();
  let eventAt = now;
  const recorder = createEventRecorder({ clock: { now: () => eventAt }, ids: season.ids });
  const recordAt = (when: Date, ctx: { actorId: string | null; requestId: string }, input: EventInput) => {
    eventAt = when;
    return recorder(season.tx, ctx, input);
  };
  return { out, meet, evenings, plan };

  function plan() {
    // The nights the week of shifts does not cover: each team's shift written as demo-shifts.ts
    // writes its week (the row and its shift.started / shift.ended events at their times, the trips
    // counted by the domain's shiftTrips). Not through the shift service: its answer re-reads the
    // team and the shift's activity, twice per shift — some 500 shifts cost more start-up time
    // than the whole demo had, for nothing the figures or screens read.
    const crews = new Map<
      string,
      Promise<{ displayName: string; department: string; userId: string | null; isLeader: boolean }[]>
    >();
    const crewOf = (teamId: string) => {
      if (!crews.has(teamId))
        crews.set(
          teamId,
          season.tx
            .select({
              displayName: teamMember.displayName,
              department: teamMember.department,
              userId: teamMember.userId,
              isLeader: teamMember.isLeader,
            })
            .from(teamMember)
            .where(eq(teamMember.teamId, teamId)),
        );
      return crews.get(teamId)!;
    };
    for (const evening of evenings) {
      if (written.has(evening.getTime())) continue;
      for (const [county] of counties)
        for (const team of out(county, evening)) {
          const startedAt = new Date(evening.getTime() + Math.floor(random() * 20) * MIN);
          const endedAt = new Date(evening.getTime() + 11 * HOUR + (45 + Math.floor(random() * 25)) * MIN);
          const dropOne = random() < 0.2;
          const vehicle = demoTeams[teams.indexOf(team)]?.vehicle;
          timeline.add(startedAt, async () => {
            const members = await crewOf(team.id);
            const crew = (
              dropOne && members.length >= 3 ? members.filter((m, i) => m.isLeader || i > 1) : members
            ).map(({ isLeader: _, ...m }) => m);
            const vehicles = vehicle ? [vehicle] : [];
            const id = season.ids.next();
            await season.tx.insert(shift).values({
              id,
              teamId: team.id,
              regionCode: team.regionCode,
              members: crew,
              vehicles,
              plannedHotspotIds: [],
              startedAt,
              startedBy: team.memberId,
              endedAt,
              endedBy: team.memberId,
            });
            const ctx = { actorId: team.memberId, requestId: refs.requestId };
            const entity = { entityType: 'shift', entityId: id, regionCode: team.regionCode } as const;
            await recordAt(startedAt, ctx, {
              ...entity,
              action: 'shift.started',
              payload: { teamId: team.id, ...shiftTrips({ members: crew, vehicles }) },
            });
            await recordAt(endedAt, ctx, { ...entity, action: 'shift.ended', payload: { teamId: team.id } });
          });
        }
    }

    // The night's encounters: new people, and now and then someone met before.
    for (const evening of evenings)
      for (const [county] of counties) {
        const crews = out(county, evening);
        if (!crews.length) continue;
        // Out every other night, a rural team finds about what two nights left on the street.
        const alternate = pace[county]! < 0.2 && season.busyOn(evening) < 2.5 ? 1.6 : 1;
        const n = poisson(random, pace[county]! * season.busyOn(evening) * alternate);
        for (let i = 0; i < n; i++) {
          const at = new Date(evening.getTime() + (30 + Math.floor(random() * 640)) * MIN);
          const known = (people.get(county) ?? []).filter((p) => p.where === 'street' && p.met < 3);
          const again = known.length > 0 && random() < 0.12;
          const p = again ? pick(random, known) : newPerson(random, county, now);
          if (!again) people.set(county, [...(people.get(county) ?? []), p]);
          const team = pick(random, crews);
          // About a third of the people found came from a lead (worked in demo-season-leads.ts).
          if (!again && random() < 0.33) season.fromLead?.(at, team, p);
          else meet(at, team, p);
        }
      }
  }

  function meet(at: Date, team: SeededTeam, p: SeasonPerson, leadId?: string) {
    const place = pick(random, placesIn(team.regionCode).length ? placesIn(team.regionCode) : places);
    const jitter = () => (random() - 0.5) / 1500;
    const persuaded = p.met > 0 && p.facts.includes('refuses_station') && random() < 0.25;
    const withinShift = timeline.add(at, async () => {
      // Taken in, gone home, or met three times this season already (the plan could not know).
      if (p.where !== 'street' || p.met >= 3) return;
      const facts: ObservedFact[] = persuaded ? p.facts.filter((f) => f !== 'refuses_station') : p.facts;
      const forecast = season.tempOn(at);
      const observation = { facts, ageBand: p.ageBand };
      const onsite = facts.includes('refuses_station') && !facts.includes('minor');
      const items: SupplyKind[] = onsite
        ? suggestedItems(observation, forecast)
        : random() < 0.4
          ? ['water', 'food']
          : [];
      const county = team.regionCode;
      const input = encounterBodySchema.parse({
        clientId: season.ids.next(),
        lat: place.lat + jitter(),
        lng: place.lng + jitter(),
        regionCode: county,
        ...(leadId ? { leadId } : {}),
        ...(p.personId
          ? { personId: p.personId, followUpOf: p.lastEncounterId }
          : {
              identity: {
                name: p.name ?? null,
                residentId: p.residentId ?? null,
                homeRegion: p.homeRegion ?? null,
                dialect: p.dialect ?? null,
              },
            }),
        facts,
        sex: p.sex,
        ageBand: p.ageBand,
        clothing: p.clothing ?? null,
        condition: p.condition ?? null,
        itemsGiven: items.map((kind) => ({ kind, quantity: kind === 'food' && random() < 0.5 ? 2 : 1 })),
        handoverOrgId: facts.some((f) => f === 'critically_ill' || f === 'suspected_mental_disorder')
          ? refs.orgIds.get('hospital')
          : refs.orgIds.get(stationFor(county, p)),
        note: pick(random, notes[categoryHint(facts)] ?? notes.to_station!),
      });
      const { encounter: e } = await services.encounters.record(
        season.ctx(season.actors.patrol(team)),
        input,
      );
      p.personId = e.person.id;
      p.lastEncounterId = e.id;
      p.met += 1;
      if (e.handover) {
        p.where = 'station';
        const hospital = e.handover.kind === 'hospital_referral';
        // From the hospital once treated; from the street within the hour or two.
        const arrival = new Date(
          at.getTime() + (hospital ? (1 + random() * 2) * DAY : (40 + random() * 60) * MIN),
        );
        arriveAtStation(season, p, {
          at: arrival,
          orgId: hospital ? refs.orgIds.get('city-station')! : e.handover.orgId!,
          handoverId: e.handover.id,
          reason: hospital ? '经定点医院救治后转送入站' : '巡查队街面劝导，护送入站',
        });
      } else if (e.category === 'transitional') {
        // Half come to the station the next morning for a bed and a ticket home.
        if (random() < 0.5) {
          p.where = 'station';
          const morning = new Date(at.getTime() + (8 + random() * 4) * HOUR);
          arriveAtStation(season, p, {
            at: morning,
            orgId: refs.orgIds.get(stationFor(county, p))!,
            walkIn: true,
            reason: facts.includes('domestic_violence_victim')
              ? '遭受家庭暴力离家，经巡查队指引到站求助'
              : '务工不着、身无分文，经巡查队指引到站求助',
          });
        } else p.where = 'gone';
      } else if (e.followUpDueAt && p.met < 3 && random() < 0.55) {
        // The re-check the rules asked for, on the next night a team is out there.
        const due = new Date(e.followUpDueAt);
        const night = evenings.find(
          (ev) => ev.getTime() + 11 * HOUR > due.getTime() && out(county, ev).length,
        );
        if (night) {
          const when = new Date(Math.max(due.getTime(), night.getTime() + 30 * MIN) + random() * 90 * MIN);
          if (when.getTime() < night.getTime() + 10.5 * HOUR) meet(when, pick(random, out(county, night)), p);
        }
      }
    });
    if (!withinShift) p.where = 'gone';
  }
}

/** The category the facts lead to, for the note only (the service decides the real one). */
function categoryHint(facts: ObservedFact[]): string {
  if (facts.includes('critically_ill') || facts.includes('suspected_mental_disorder')) return 'medical_first';
  if (facts.includes('minor')) return 'protective';
  if (facts.includes('cannot_state_identity')) return 'assist_first';
  if (facts.includes('refuses_station')) return 'onsite_relief';
  if (facts.some((f) => f.endsWith('victim') || f === 'stranded_job_seeker')) return 'transitional';
  return 'to_station';
}
