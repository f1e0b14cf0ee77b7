import {
  type LeadDescriptor,
  type LeadSource,
  TRACKING_CODE_ALPHABET,
  vulnerableDescriptors,
} from '@warmline/domain';
import { lead } from '../db/schema.ts';
import { shelterBodySchema } from '../modules/shelters/shelter.schema.ts';
import { createEventRecorder } from '../platform/events.ts';
import { counties } from './demo-city.ts';
import { demoDispatchTimes, type RecordAt, type SeededTeam, seedDemoDispatch } from './demo-dispatches.ts';
import { demoScreening } from './demo-screening.ts';
import { DAY, HOUR } from './demo-season-clock.ts';
import { pick, type SeasonPerson, weighted } from './demo-season-people.ts';
import { placesIn, type Street } from './demo-season-street.ts';
import type { Season } from './demo-season-types.ts';

const MIN = 60_000;

/** Who calls in the season: the hotline most, then 110 and the city grid, cameras, a drone now and then. */
const sources: [LeadSource, number][] = [
  ['hotline', 36],
  ['police_110', 26],
  ['city_grid', 18],
  ['video', 14],
  ['drone', 3],
  ['patrol', 3],
];

const falseAlarms = [
  '到场核实为附近居民夜间散步，已离开',
  '到场时人已自行离开，周边未见',
  '核实为拾荒人员，有住处，已告知求助电话',
];

function descriptorsOf(p: SeasonPerson): LeadDescriptor[] {
  const d: LeadDescriptor[] = [];
  if (p.facts.includes('elderly')) d.push('elderly');
  if (p.facts.includes('minor')) d.push('minor');
  if (p.facts.includes('critically_ill') || p.facts.includes('sick')) d.push('injured_or_ill');
  if (p.facts.includes('suspected_mental_disorder')) d.push('mental_distress');
  if (p.facts.includes('thin_clothing')) d.push('thin_clothing');
  if (p.facts.includes('intoxicated')) d.push('intoxicated');
  return d;
}

function describe(p: SeasonPerson, place: string): string {
  const who =
    p.age < 18 ? '一名少年' : p.age >= 60 ? '一位老人' : p.sex === 'female' ? '一名妇女' : '一名男子';
  const what = p.facts.includes('critically_ill')
    ? '躺在地上不动，叫不醒'
    : p.facts.includes('suspected_mental_disorder')
      ? '自言自语，衣着单薄'
      : p.facts.includes('thin_clothing')
        ? '穿得很少，冻得发抖'
        : '在这里过夜，天很冷';
  return `${place}有${who}${what}`;
}

/**
 * The season's leads: about a third of the people the patrols find were reported first — a lead
 * received, the county's team sent, accepted, on scene, the encounter recorded against the lead,
 * then resolved — and some calls are false alarms (误报, closed on scene). They are written the
 * way the fortnight's leads are (demo-dispatches.ts), in the county where the person was.
 */
export function seedSeasonLeads(season: Season, street: Street) {
  const { tx, ids, random, refs } = season;
  let at = season.now;
  const recordAt = createEventRecorder({ clock: { now: () => at }, ids });
  const record: RecordAt = async (when, actorId, input) => {
    at = when;
    await recordAt(tx, { actorId, requestId: refs.requestId }, input);
  };
  const dispatcherId = refs.userIds.get('dispatcher')!;
  const hotlineId = refs.userIds.get('hotline')!;
  const code = () => Array.from({ length: 8 }, () => pick(random, [...TRACKING_CODE_ALPHABET])).join('');

  async function receive(
    receivedAt: Date,
    team: SeededTeam,
    sighting: {
      descriptors: LeadDescriptor[];
      description: string;
      address: string;
      lat: number;
      lng: number;
    },
    outcome: 'helped' | 'false_alarm',
  ) {
    const source = weighted(random, sources);
    const { columns: screening, intake } = demoScreening(source, sighting);
    const id = ids.next();
    const regionCode = team.regionCode;
    const times = demoDispatchTimes(receivedAt, random);
    const note = outcome === 'helped' ? '已找到并救助' : pick(random, falseAlarms);
    await tx.insert(lead).values({
      id,
      trackingCode: code(),
      source,
      state: outcome === 'helped' ? 'resolved' : 'closed',
      descriptors: sighting.descriptors,
      description: sighting.description,
      address: sighting.address,
      lat: sighting.lat,
      lng: sighting.lng,
      regionCode,
      reporterPhone: source === 'hotline' ? `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}` : null,
      callBack: source === 'hotline',
      outcomeNote: note,
      ...screening,
      receivedAt,
      updatedAt: times.endedAt,
      createdBy: source === 'hotline' ? hotlineId : null,
    });
    const vulnerable = sighting.descriptors.some((d) => vulnerableDescriptors.includes(d));
    await record(receivedAt, source === 'hotline' ? hotlineId : null, {
      action: 'lead.received',
      entityType: 'lead',
      entityId: id,
      regionCode,
      payload: { source, descriptors: sighting.descriptors, vulnerable, ...intake },
    });
    // Held by the screening, yet a real report: the dispatcher restores it before sending a team.
    if (intake.state === 'spam')
      await record(new Date(receivedAt.getTime() + 2 * MIN), dispatcherId, {
        action: 'lead.restored',
        entityType: 'lead',
        entityId: id,
        regionCode,
        payload: { from: 'spam', to: 'new', source },
      });
    await seedDemoDispatch(tx, ids, record, {
      lead: { id, regionCode, source, vulnerable, receivedAt },
      team,
      dispatcherId,
      outcome,
      note,
      times,
    });
    return { id, arrivedAt: times.arrivedAt };
  }

  season.fromLead = (found, team, p) => {
    const place = pick(random, placesIn(team.regionCode));
    const receivedAt = new Date(found.getTime() - 35 * MIN);
    season.timeline.add(receivedAt, async () => {
      const l = await receive(
        receivedAt,
        team,
        { descriptors: descriptorsOf(p), description: describe(p, place.address), ...place },
        'helped',
      );
      street.meet(new Date(l.arrivedAt.getTime() + (2 + random() * 6) * MIN), team, p, l.id);
    });
  };

  // False alarms: a few a week in the city, fewer in the counties.
  for (const evening of street.evenings)
    for (const [county] of counties) {
      const crews = street.out(county, evening);
      const places = placesIn(county);
      if (!crews.length || !places.length) continue;
      const mean = (county === '440204' || county === '440203' ? 0.12 : 0.04) * season.busyOn(evening);
      if (random() >= mean) continue;
      const place = pick(random, places);
      const receivedAt = new Date(evening.getTime() + (40 + Math.floor(random() * 600)) * MIN);
      const team = pick(random, crews);
      season.timeline.add(receivedAt, async () => {
        await receive(
          receivedAt,
          team,
          { descriptors: [], description: `${place.address}好像有人睡在外面`, ...place },
          'false_alarm',
        );
      });
    }
}

/** The rural counties' cold shelters and help points: registered a month ago, opened in the cold wave. */
const ruralShelters = [
  [
    '440222',
    '始兴县社会福利服务中心临时避寒场所',
    'community_centre',
    '始兴县太平镇兴平路社会福利服务中心',
    24.9531,
    114.0629,
  ],
  [
    '440224',
    '仁化县新时代文明实践中心临时避寒场所',
    'civic_centre',
    '仁化县丹霞街道新时代文明实践中心一楼',
    25.0861,
    113.7483,
  ],
  [
    '440229',
    '翁源县龙仙镇临时避寒场所',
    'community_centre',
    '翁源县龙仙镇建设路社区服务中心',
    24.3512,
    114.1297,
  ],
  [
    '440232',
    '乳源县福彩销售点求助引导点',
    'lottery_outlet',
    '乳源县乳城镇鹰峰东路福利彩票销售点',
    24.7769,
    113.2766,
  ],
  [
    '440233',
    '新丰县丰城街道临时避寒场所',
    'community_centre',
    '新丰县丰城街道人民东路社区服务中心',
    24.0603,
    114.2057,
  ],
] as const;

export async function seedSeasonShelters(season: Season) {
  const { now, services, timeline } = season;
  const ctx = season.ctx(season.actors.bureau);
  const registeredAt = new Date(now.getTime() - 30 * DAY);
  const openedAt = new Date(now.getTime() - 2 * DAY - 3 * HOUR);
  for (const [i, [regionCode, name, hostKind, address, lat, lng]] of ruralShelters.entries()) {
    const helpPoint = hostKind === 'lottery_outlet';
    let id: string | null = null;
    timeline.add(registeredAt, async () => {
      const made = await services.shelters.create(
        ctx,
        shelterBodySchema.parse({
          name,
          kind: helpPoint ? 'help_point' : 'cold_shelter',
          hostKind,
          regionCode,
          address,
          lat,
          lng,
          hours: helpPoint ? { allDay: false, opens: '09:00', closes: '21:00' } : { allDay: true },
          capacityDay: helpPoint ? 4 : 20,
          capacityNight: helpPoint ? 0 : 12,
          services: helpPoint ? ['warm_room', 'hot_food'] : ['warm_room', 'hot_food', 'quilts', 'first_aid'],
          publicPhone: `0751-${6281200 + i}`,
          notes: '寒潮期间启用',
        }),
      );
      id = made.id;
    });
    timeline.add(openedAt, async () => {
      if (!id) return;
      await services.shelters.act(
        ctx,
        id,
        'activate',
        helpPoint ? { allDay: false, opens: '08:00', closes: '22:00' } : { allDay: true },
      );
    });
  }
}
