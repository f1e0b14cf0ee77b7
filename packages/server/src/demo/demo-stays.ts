import type { CareKind, DischargeType, TriageFact } from '@warmline/domain';
import type { Db, Tx } from '../db/pool.ts';
import { createStayService } from '../modules/stays/stay.service.ts';
import type { Actor } from '../platform/actor.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Zones of the three demo stations (beds as in demo-city: 114, 30 and 24). */
const zones = {
  'city-station': [
    { kind: 'men', name: '男宿区', capacity: 70, prefix: '男' },
    { kind: 'women', name: '女宿区', capacity: 24, prefix: '女' },
    { kind: 'minors', name: '未成年人区', capacity: 12, prefix: '未' },
    { kind: 'medical', name: '医疗观察区', capacity: 8, prefix: '医' },
  ],
  'station-440281': [
    { kind: 'men', name: '男宿区', capacity: 18, prefix: '男' },
    { kind: 'women', name: '女宿区', capacity: 8, prefix: '女' },
    { kind: 'minors', name: '未成年人区', capacity: 2, prefix: '未' },
    { kind: 'medical', name: '医疗观察区', capacity: 2, prefix: '医' },
  ],
  'station-440282': [
    { kind: 'men', name: '男宿区', capacity: 14, prefix: '男' },
    { kind: 'women', name: '女宿区', capacity: 6, prefix: '女' },
    { kind: 'minors', name: '未成年人区', capacity: 2, prefix: '未' },
    { kind: 'medical', name: '医疗观察区', capacity: 2, prefix: '医' },
  ],
} as const;

interface DemoStay {
  /** Days before now it began. */
  ago: number;
  arrival: 'walk_in' | 'police_delivery';
  name?: string;
  sex: 'male' | 'female';
  age: number;
  reason: string;
  triage?: TriageFact[];
  identityUnknown?: boolean;
  impaired?: boolean;
  belongings?: { item: string; quantity: number }[];
  care?: CareKind[];
  extension?: { days: number; reason: string };
  /** Left `left` days after arriving, this way. */
  discharge?: { after: number; type: DischargeType; details: Record<string, string | boolean | string[]> };
  /** Still at the door, waiting for the security check. */
  waiting?: boolean;
}

const basics: CareKind[] = ['bath', 'clothes', 'haircut', 'talk', 'education'];

const demoStays: DemoStay[] = [
  {
    ago: 3,
    arrival: 'walk_in',
    name: '陈国强',
    sex: 'male',
    age: 52,
    reason: '来韶务工未找到工作，钱花光了，想回湖南老家',
    belongings: [
      { item: '手机', quantity: 1 },
      { item: '现金（元）', quantity: 12 },
    ],
    care: ['bath', 'clothes', 'meal', 'talk'],
  },
  {
    ago: 13,
    arrival: 'police_delivery',
    sex: 'male',
    age: 70,
    reason: '老人在火车站徘徊，说不清家在哪里，公安护送来站',
    identityUnknown: true,
    impaired: true,
    care: [...basics, 'health_check', 'meal'],
  },
  {
    ago: 12,
    arrival: 'walk_in',
    name: '刘德明',
    sex: 'male',
    age: 45,
    reason: '身份证丢失，无法购票返乡',
    care: [...basics, 'meal'],
    extension: { days: 5, reason: '等待户籍地派出所开具身份证明' },
  },
  {
    ago: 1,
    arrival: 'police_delivery',
    name: '小杰',
    sex: 'male',
    age: 14,
    reason: '与家人争吵离家出走，夜间在网吧附近被民警发现',
    care: ['bath', 'meal', 'talk'],
  },
  {
    ago: 2,
    arrival: 'walk_in',
    name: '王秀英',
    sex: 'female',
    age: 38,
    reason: '遭受家庭暴力离家，暂无去处',
    belongings: [{ item: '行李包', quantity: 1 }],
    care: ['bath', 'clothes', 'talk'],
  },
  {
    ago: 0.1,
    arrival: 'walk_in',
    name: '赵建华',
    sex: 'male',
    age: 61,
    reason: '天冷无处住，主动到站求助',
    waiting: true,
  },
  {
    ago: 9,
    arrival: 'walk_in',
    name: '黄志勇',
    sex: 'male',
    age: 33,
    reason: '务工不着，想回江西',
    care: [...basics],
    discharge: {
      after: 2,
      type: 'return_home_ticket',
      details: { destination: '江西省赣州市', ticket: 'K1316 韶关—赣州' },
    },
  },
  {
    ago: 6,
    arrival: 'police_delivery',
    name: '李婷',
    sex: 'female',
    age: 15,
    reason: '离家出走，在韶关站被发现',
    care: ['bath', 'talk', 'meal'],
    discharge: {
      after: 1,
      type: 'family_collection',
      details: { collectorName: '李红梅', collectorResidentId: '11010519491231002X', relation: '母亲' },
    },
  },
  {
    ago: 5,
    arrival: 'walk_in',
    name: '孙强',
    sex: 'male',
    age: 41,
    reason: '钱包被偷，暂住一晚',
    discharge: { after: 1, type: 'self_departure', details: { declarationSigned: true } },
  },
  {
    ago: 14,
    arrival: 'walk_in',
    name: '罗永福',
    sex: 'male',
    age: 67,
    reason: '江西老人，在韶关站滞留，无力返乡',
    care: [...basics],
    discharge: {
      after: 3,
      type: 'escort_home',
      details: { destination: '江西省赣州市南康区', escorts: ['张伟', '刘建国'] },
    },
  },
  {
    ago: 12,
    arrival: 'police_delivery',
    sex: 'male',
    age: 50,
    reason: '夜间在桥下发现，体温低、意识模糊',
    identityUnknown: true,
    care: ['health_check'],
    discharge: { after: 0.3, type: 'referral_hospital', details: { institution: '韶关市第一人民医院' } },
  },
  {
    ago: 11,
    arrival: 'police_delivery',
    name: '何阿婆',
    sex: 'female',
    age: 84,
    reason: '独居老人冬夜外出走失，家属无力照料',
    impaired: true,
    care: [...basics, 'health_check'],
    discharge: { after: 4, type: 'referral_welfare', details: { institution: '韶关市社会福利院' } },
  },
  {
    ago: 10,
    arrival: 'police_delivery',
    sex: 'male',
    age: 35,
    reason: '智力障碍，无法说清来历',
    identityUnknown: true,
    impaired: true,
    care: [...basics],
    discharge: { after: 5, type: 'outside_care', details: { institution: '曲江区颐康托养中心' } },
  },
  {
    ago: 13.5,
    arrival: 'police_delivery',
    name: '马长顺',
    sex: 'male',
    age: 72,
    reason: '多年流浪，经公安多方查询无户籍信息',
    care: [...basics],
    discharge: {
      after: 6,
      type: 'placement',
      details: { note: '经公安查询无果，报民政局审批落户安置至市社会福利院' },
    },
  },
  {
    ago: 8,
    arrival: 'walk_in',
    name: '杨建军',
    sex: 'male',
    age: 39,
    reason: '务工不着，暂住',
    care: ['bath', 'meal'],
    discharge: { after: 1.5, type: 'left_without_notice', details: { noticedAt: '早点名时发现不在' } },
  },
  {
    ago: 7,
    arrival: 'walk_in',
    name: '钱志强',
    sex: 'male',
    age: 44,
    reason: '酒后求助',
    care: ['meal'],
    discharge: {
      after: 1,
      type: 'assistance_ended',
      details: { reason: '多次酗酒滋事，经劝阻无效，依规终止救助' },
    },
  },
  {
    ago: 9.5,
    arrival: 'police_delivery',
    sex: 'male',
    age: 78,
    reason: '冬夜在公园发现，送站后转医院救治',
    identityUnknown: true,
    impaired: true,
    care: ['health_check'],
    discharge: {
      after: 3,
      type: 'death',
      details: { at: '住院第三天', cause: '医院诊断：多器官功能衰竭，已报公安备案' },
    },
  },
  {
    ago: 4,
    arrival: 'walk_in',
    name: '周大海',
    sex: 'male',
    age: 58,
    reason: '腿部外伤，行走困难',
    triage: ['visible_injury'],
  },
];

/**
 * The stations' season so far, written through the stay service itself (the same rules and
 * events as a live intake): zones and beds, people in the station now — one waiting at the door,
 * a boy in the minors' zone, a man past 10 days on an approved extension, an old man of unknown
 * identity with tracing open — and the fortnight's discharges and a referral at triage.
 */
export async function seedDemoStays(tx: Tx, ids: Ids, now: Date, orgIds: Map<string, string>, staff: Actor) {
  let at = now;
  const clock = { now: () => at };
  const stays = createStayService({
    db: tx as unknown as Db,
    clock,
    ids,
    recordEvent: createEventRecorder({ clock, ids }),
  });
  const ctx = { actor: staff, requestId: 'demo-seed' };
  const bureau = { ...ctx, actor: { ...staff, role: 'bureau_admin' as const } };
  for (const [key, list] of Object.entries(zones)) {
    at = new Date(now.getTime() - 30 * DAY);
    await stays.configureZones(
      bureau,
      orgIds.get(key)!,
      list.map((z) => ({ ...z })),
    );
  }
  const orgId = orgIds.get('city-station')!;
  for (const d of demoStays) {
    at = new Date(now.getTime() - d.ago * DAY);
    const arrived = await stays.arrive(ctx, {
      orgId,
      arrivalKind: d.arrival,
      name: d.name,
      sex: d.sex,
      age: d.age,
      triageFacts: d.triage ?? [],
      reasonForHelp: d.reason,
    });
    if (d.waiting || arrived.state !== 'arrived') continue;
    at = new Date(at.getTime() + 0.5 * HOUR);
    await stays.admit(ctx, arrived.id, {
      sex: d.sex,
      age: d.age,
      name: d.name,
      disabled: false,
      impaired: d.impaired ?? false,
      identityUnknown: d.identityUnknown ?? false,
      reasonForHelp: d.reason,
      photoTaken: true,
      fingerprintTaken: d.identityUnknown ?? false,
      belongings: d.belongings ?? [],
      refusedItems: [],
      needsObservation: false,
    });
    for (const [i, kind] of (d.care ?? []).entries()) {
      at = new Date(now.getTime() - d.ago * DAY + (2 + i * 5) * HOUR);
      if (at < now) await stays.care(ctx, arrived.id, { kind });
    }
    if (d.extension) {
      at = new Date(now.getTime() - (d.ago - 9) * DAY);
      await stays.extend(bureau, arrived.id, d.extension);
    }
    if (d.discharge) {
      at = new Date(now.getTime() - (d.ago - d.discharge.after) * DAY);
      await stays.discharge(ctx, arrived.id, d.discharge);
    }
  }
}
