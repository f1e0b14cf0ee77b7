import {
  type AgeBand,
  type ObservedFact,
  parseResidentId,
  proposeAssistance,
  type SupplyKind,
  subjectFacts,
  suggestedItems,
} from '@warmline/domain';
import type { Tx } from '../db/pool.ts';
import { encounter, handover, person } from '../db/schema.ts';
import { namePinyin } from '../modules/persons/pinyin.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import type { SeededTeam } from './demo-dispatches.ts';
import { demoHotspots } from './demo-hotspots.ts';

/**
 * A week of street encounters in the demo city, one of each category, decided by the same rules
 * the phone uses (nothing typed in): 老周 under 五里亭桥 refused the station three nights running
 * and is due a re-check tonight; a runaway boy at the station went protective; a man at 韶关东站
 * whose wages were stolen got a transitional referral; and so on.
 */
interface DemoPerson {
  key: string;
  name?: string;
  residentId?: string;
  sex: 'male' | 'female' | 'unknown';
  ageBand: AgeBand;
  homeRegion?: string;
  dialect?: string;
  features: string;
}
interface DemoEncounter {
  person: string;
  hotspot: string;
  hoursAgo: number;
  facts: ObservedFact[];
  clothing?: string;
  condition?: string;
  note?: string;
}

const people: DemoPerson[] = [
  {
    key: 'zhou',
    name: '老周',
    sex: 'male',
    ageBand: 'elderly',
    dialect: '湖南话',
    features: '花白胡子，灰色旧军大衣，推一辆装满纸板的三轮车',
  },
  { key: 'boy', sex: 'male', ageBand: 'adolescent', features: '十五六岁，校服外套，背黑色书包' },
  {
    key: 'wang',
    name: '王建国',
    residentId: '11010519491231002X',
    sex: 'male',
    ageBand: 'elderly',
    homeRegion: '北京市朝阳区',
    features: '戴毛线帽，说要去广州找儿子',
  },
  {
    key: 'worker',
    name: '刘海',
    sex: 'male',
    ageBand: 'young_adult',
    homeRegion: '广西玉林',
    features: '工地迷彩服，手机和工钱被偷',
  },
  { key: 'grandma', sex: 'female', ageBand: 'elderly', features: '八十岁左右，说不清家在哪，手上有住院手环' },
  { key: 'drunk', sex: 'male', ageBand: 'middle_aged', features: '满身酒气，黑色夹克' },
  { key: 'ill', sex: 'male', ageBand: 'middle_aged', features: '蜷在通道口，呼吸急促' },
  { key: 'woman', sex: 'female', ageBand: 'young_adult', features: '自言自语，赤脚' },
];

const encounters: DemoEncounter[] = [
  {
    person: 'zhou',
    hotspot: '五里亭桥下',
    hoursAgo: 74,
    facts: ['refuses_station', 'elderly', 'thin_clothing'],
    clothing: '单层军大衣',
    note: '劝导入站不愿意，说桥下住惯了',
  },
  {
    person: 'zhou',
    hotspot: '五里亭桥下',
    hoursAgo: 50,
    facts: ['refuses_station', 'elderly'],
    note: '复查：精神尚可，已换上新棉被',
  },
  {
    person: 'zhou',
    hotspot: '五里亭桥下',
    hoursAgo: 3,
    facts: ['refuses_station', 'elderly', 'sick'],
    condition: '有些咳嗽',
    note: '留下求助引导卡和队员电话',
  },
  {
    person: 'boy',
    hotspot: '韶关站站前广场',
    hoursAgo: 30,
    facts: ['minor', 'refuses_station'],
    note: '与父母吵架离家，公安协助联系家长',
  },
  {
    person: 'wang',
    hotspot: '韶关站站前广场',
    hoursAgo: 26,
    facts: ['elderly'],
    note: '同意入站，已联系北京家属',
  },
  {
    person: 'worker',
    hotspot: '韶关东站出站口',
    hoursAgo: 20,
    facts: ['theft_or_robbery_victim', 'stranded_job_seeker'],
    note: '已报警，转介人社部门讨薪',
  },
  {
    person: 'grandma',
    hotspot: '东堤路地下通道',
    hoursAgo: 12,
    facts: ['elderly', 'cannot_state_identity'],
    note: '先行救助，送站后比对走失人员信息',
  },
  {
    person: 'drunk',
    hotspot: '沙洲尾公园',
    hoursAgo: 9,
    facts: ['intoxicated', 'refuses_station', 'thin_clothing'],
    note: '醒后不愿入站，已给温暖包',
  },
  {
    person: 'ill',
    hotspot: '东堤路地下通道',
    hoursAgo: 40,
    facts: ['critically_ill'],
    condition: '呼吸困难，意识模糊',
    note: '已拨打120送粤北人民医院',
  },
  {
    person: 'woman',
    hotspot: '西河桥桥洞',
    hoursAgo: 16,
    facts: ['suspected_mental_disorder', 'thin_clothing'],
    note: '送定点医院评估',
  },
];

/** The demo's night forecast, as FORECAST_MIN_TEMP_C's default says until forecasts arrive. */
const DEMO_FORECAST_C = 0;

/** Where the demo teams take people: the city station, and the designated hospital first. */
export interface DemoDestinations {
  station: string;
  hospital: string;
}

export async function seedDemoEncounters(
  tx: Tx,
  ids: Ids,
  now: Date,
  teams: SeededTeam[],
  requestId: string,
  destinations: DemoDestinations,
): Promise<void> {
  let at = now;
  const recordAt = createEventRecorder({ clock: { now: () => at }, ids });
  const personIds = new Map<string, string>();
  const last = new Map<string, string>();
  for (const e of [...encounters].sort((a, b) => b.hoursAgo - a.hoursAgo)) {
    const p = people.find((x) => x.key === e.person)!;
    const spot = demoHotspots.find((h) => h.name === e.hotspot)!;
    const team = teams.find((t) => t.regionCode === spot.regionCode)!;
    at = new Date(now.getTime() - e.hoursAgo * 3_600_000);
    const ctx = { actorId: team.memberId, requestId };
    let personId = personIds.get(p.key);
    if (!personId) {
      personId = ids.next();
      personIds.set(p.key, personId);
      const id = p.residentId ? parseResidentId(p.residentId, now) : null;
      await tx.insert(person).values({
        id: personId,
        tempNumber: `LS-${spot.regionCode}-DEMO${String(personIds.size).padStart(4, '0')}`,
        regionCode: spot.regionCode,
        name: p.name ?? null,
        sex: p.sex,
        ageBand: p.ageBand,
        birthDate: id?.ok ? id.birthDate : null,
        residentId: id?.ok ? id.id : null,
        homeRegion: p.homeRegion ?? null,
        dialect: p.dialect ?? null,
        features: p.features,
        namePinyin: namePinyin(p.name).full,
        nameInitials: namePinyin(p.name).initials,
        createdAt: at,
      });
      await recordAt(tx, ctx, {
        action: 'person.created',
        entityType: 'person',
        entityId: personId,
        regionCode: spot.regionCode,
        payload: { identified: !!id?.ok, named: !!p.name },
      });
    }
    const observation = { facts: e.facts, ageBand: p.ageBand };
    const proposal = proposeAssistance(observation, { now: at, forecastMinTempC: DEMO_FORECAST_C });
    const items: SupplyKind[] =
      proposal.category === 'onsite_relief' ? suggestedItems(observation, DEMO_FORECAST_C) : [];
    const followUp = proposal.obligations.find((o) => o.code === 'schedule_follow_up');
    const id = ids.next();
    await tx.insert(encounter).values({
      id,
      clientId: ids.next(),
      personId,
      teamId: team.id,
      userId: team.memberId,
      regionCode: spot.regionCode,
      lat: spot.lat + 0.0003,
      lng: spot.lng + 0.0002,
      at,
      facts: e.facts,
      sex: p.sex,
      ageBand: p.ageBand,
      clothing: e.clothing ?? null,
      condition: e.condition ?? null,
      proposedCategory: proposal.category,
      category: proposal.category,
      obligations: proposal.obligations.map((o) =>
        'dueAt' in o ? { ...o, dueAt: o.dueAt.toISOString() } : o,
      ),
      itemsGiven: items.map((kind) => ({ kind, quantity: 1 })),
      forecastMinTempC: DEMO_FORECAST_C,
      followUpDueAt: followUp && 'dueAt' in followUp ? followUp.dueAt : null,
      // A person's next encounter at the same place is the re-check of the last one.
      followUpOf: last.get(p.key) ?? null,
      note: e.note ?? null,
      createdAt: at,
    });
    last.set(p.key, id);
    const handoverKind = proposal.obligations.some((o) => o.code === 'hospital_referral')
      ? 'hospital_referral'
      : proposal.obligations.some((o) => o.code === 'pending_arrival_at_station')
        ? 'station_arrival'
        : null;
    if (handoverKind) {
      const handoverId = ids.next();
      const orgId = handoverKind === 'hospital_referral' ? destinations.hospital : destinations.station;
      await tx.insert(handover).values({
        id: handoverId,
        encounterId: id,
        personId,
        kind: handoverKind,
        orgId,
        regionCode: spot.regionCode,
        state: 'pending',
        createdAt: at,
      });
      await recordAt(tx, ctx, {
        action: 'handover.requested',
        entityType: 'handover',
        entityId: handoverId,
        regionCode: spot.regionCode,
        payload: { encounterId: id, kind: handoverKind, orgId },
      });
    }
    await recordAt(tx, ctx, {
      action: 'encounter.recorded',
      entityType: 'encounter',
      entityId: id,
      regionCode: spot.regionCode,
      payload: {
        personId,
        category: proposal.category,
        proposed: proposal.category,
        items,
        teamId: team.id,
        occurredAt: at.toISOString(),
        // What the campaign figures break down by, as the encounter service fixes it.
        subject: subjectFacts({
          personId,
          sex: p.sex,
          ageBand: p.ageBand,
          facts: e.facts,
          residentId: p.residentId ?? null,
          homeRegion: p.homeRegion ?? null,
        }),
      },
    });
  }
}
