/**
 * The rescue station (救助管理站), by the 救助管理机构工作规程 (2014): triage before anything else,
 * zones by sex, age and health, the five basics, the 10-day stay limit and its exceptions, and
 * who may leave how. Pure rules; the server applies them in its transactions.
 */
import { parseResidentId } from './resident-id.ts';

/** How someone came in: handed over by a patrol, walked in, or brought by the police. */
export const arrivalKinds = ['handover', 'walk_in', 'police_delivery'] as const;
export type ArrivalKind = (typeof arrivalKinds)[number];

export const arrivalKindLabels: Record<ArrivalKind, { zh: string; en: string }> = {
  handover: { zh: '巡查转送', en: 'Handed over by a patrol' },
  walk_in: { zh: '主动求助', en: 'Walked in' },
  police_delivery: { zh: '公安护送', en: 'Brought by the police' },
};

/** What the intake triage looks for, before the security check. */
export const triageFacts = [
  'suspected_mental_disorder',
  'infectious_disease',
  'critical_illness',
  'visible_injury',
  'danger_to_others',
  'suspected_drug_use',
  'suspected_fugitive',
] as const;
export type TriageFact = (typeof triageFacts)[number];

export const triageFactLabels: Record<TriageFact, { zh: string; en: string }> = {
  suspected_mental_disorder: { zh: '疑似精神障碍', en: 'Suspected mental disorder' },
  infectious_disease: { zh: '疑似传染病', en: 'Suspected infectious disease' },
  critical_illness: { zh: '危重病', en: 'Critically ill' },
  visible_injury: { zh: '明显外伤', en: 'Visible injury' },
  danger_to_others: { zh: '有危害他人倾向', en: 'A danger to others' },
  suspected_drug_use: { zh: '疑似吸毒', en: 'Suspected drug use' },
  suspected_fugitive: { zh: '疑似在逃人员', en: 'Suspected fugitive' },
};

const MEDICAL: readonly TriageFact[] = [
  'suspected_mental_disorder',
  'infectious_disease',
  'critical_illness',
  'visible_injury',
];
const POLICE: readonly TriageFact[] = ['danger_to_others', 'suspected_drug_use', 'suspected_fugitive'];

export type TriageRoute = 'hospital' | 'police' | 'admit';

export interface Triage {
  route: TriageRoute;
  /** The police are told as well (a medical case with a police fact goes to hospital under escort). */
  notifyPolice: boolean;
  /** The facts that decided it, in `triageFacts` order. */
  reasons: TriageFact[];
}

/**
 * Medical facts send the person to hospital first (treatment before assistance); danger, drugs or
 * a warrant go to the police; both → hospital, and the police are told. Otherwise admit.
 */
export function triageIntake(facts: readonly TriageFact[]): Triage {
  const has = new Set(facts);
  const medical = MEDICAL.filter((f) => has.has(f));
  const police = POLICE.filter((f) => has.has(f));
  if (medical.length)
    return { route: 'hospital', notifyPolice: police.length > 0, reasons: [...medical, ...police] };
  if (police.length) return { route: 'police', notifyPolice: true, reasons: police };
  return { route: 'admit', notifyPolice: false, reasons: [] };
}

/** Bed zones (分区管理). */
export const zoneKinds = ['men', 'women', 'minors', 'medical'] as const;
export type ZoneKind = (typeof zoneKinds)[number];

export const zoneKindLabels: Record<ZoneKind, { zh: string; en: string }> = {
  men: { zh: '男宿区', en: 'Men' },
  women: { zh: '女宿区', en: 'Women' },
  minors: { zh: '未成年人区', en: 'Minors' },
  medical: { zh: '医疗观察区', en: 'Medical / observation' },
};

export interface StayPerson {
  sex: 'male' | 'female' | 'unknown';
  /** Years, when known (from the ID, told, or estimated). */
  age: number | null;
  disabled?: boolean;
  /** Mental or intellectual impairment, or otherwise without full civil capacity. */
  impaired?: boolean;
}

const isMinor = (p: Pick<StayPerson, 'age'>) => p.age !== null && p.age < 18;

/** Where they sleep: minors apart, observation for anyone who needs watching, else by sex. */
export function zoneFor(person: StayPerson, needsObservation = false): ZoneKind {
  if (isMinor(person)) return 'minors';
  if (needsObservation) return 'medical';
  return person.sex === 'female' ? 'women' : 'men';
}

/** In-station care: the five basics (五个一) and the day's other records. */
export const fiveBasics = ['bath', 'clothes', 'haircut', 'talk', 'education'] as const;
export const careKinds = [...fiveBasics, 'meal', 'health_check', 'incident', 'visitor'] as const;
export type CareKind = (typeof careKinds)[number];

export const careKindLabels: Record<CareKind, { zh: string; en: string }> = {
  bath: { zh: '洗一次澡', en: 'Bath' },
  clothes: { zh: '换一身衣服', en: 'Change of clothes' },
  haircut: { zh: '理一次发', en: 'Haircut' },
  talk: { zh: '谈一次心', en: 'A talk' },
  education: { zh: '上一堂教育课', en: 'An education session' },
  meal: { zh: '用餐', en: 'Meal' },
  health_check: { zh: '健康观察', en: 'Health observation' },
  incident: { zh: '突发情况', en: 'Incident' },
  visitor: { zh: '探访', en: 'Visitor' },
};

/** The normal limit for someone aged 16+ without mental or intellectual impairment (规程 第二十二条). */
export const STAY_LIMIT_DAYS = 10;

/** The limit that applies: null for under-16s and the impaired (they stay until placed or collected). */
export function stayLimitDays(person: StayPerson): number | null {
  if (person.age !== null && person.age < 16) return null;
  if (person.impaired || person.disabled) return null;
  return STAY_LIMIT_DAYS;
}

const DAY_MS = 86_400_000;
/** Beijing time has no daylight saving: a calendar day there is UTC+8 shifted. */
const BEIJING_MS = 8 * 3_600_000;
const beijingDay = (t: Date) => Math.floor((t.getTime() + BEIJING_MS) / DAY_MS);

/** Days in the station, counted as calendar days in Beijing time; the day of arrival is day 1. */
export function stayDays(admittedAt: Date, now: Date): number {
  return Math.max(1, beijingDay(now) - beijingDay(admittedAt) + 1);
}

/** The last day allowed (day number), the limit plus approved extensions; null = no limit. */
export function allowedDays(
  limitDays: number | null,
  extensions: readonly { days: number }[],
): number | null {
  if (limitDays === null) return null;
  return limitDays + extensions.reduce((n, e) => n + e.days, 0);
}

/** 滞留: past the normal 10 days (with or without an approved extension; the list shows which). */
export function isLongStay(admittedAt: Date, now: Date): boolean {
  return stayDays(admittedAt, now) > STAY_LIMIT_DAYS;
}

/** Over the allowed days and no approval covers it: the stay needs an extension or a discharge. */
export function isOverstay(admittedAt: Date, now: Date, allowed: number | null): boolean {
  return allowed !== null && stayDays(admittedAt, now) > allowed;
}

export const dischargeTypes = [
  'self_departure',
  'return_home_ticket',
  'escort_home',
  'family_collection',
  'referral_hospital',
  'referral_welfare',
  'outside_care',
  'placement',
  'left_without_notice',
  'assistance_ended',
  'death',
] as const;
export type DischargeType = (typeof dischargeTypes)[number];

export const dischargeTypeLabels: Record<DischargeType, { zh: string; en: string }> = {
  self_departure: { zh: '自行离站', en: 'Left of their own accord' },
  return_home_ticket: { zh: '乘车返乡（发放乘车凭证）', en: 'Home with a ticket' },
  escort_home: { zh: '护送返乡', en: 'Escorted home' },
  family_collection: { zh: '亲属接领', en: 'Collected by family' },
  referral_hospital: { zh: '转介医院', en: 'Referred to hospital' },
  referral_welfare: { zh: '转介福利机构', en: 'Referred to a welfare institution' },
  outside_care: { zh: '站外托养', en: 'Outside care' },
  placement: { zh: '落户安置', en: 'Placement (settled)' },
  left_without_notice: { zh: '不辞而别', en: 'Left without notice' },
  assistance_ended: { zh: '终止救助', en: 'Assistance ended' },
  death: { zh: '死亡', en: 'Death' },
};

/** What a discharge records, named once for the form, the printed record and the API. */
export const dischargeDetailLabels = {
  declarationSigned: { zh: '已签署自行离站声明书', en: 'Self-departure declaration signed' },
  destination: { zh: '目的地', en: 'Destination' },
  ticket: { zh: '车次 / 乘车凭证', en: 'Train / ticket' },
  escorts: { zh: '护送人员', en: 'Escorts' },
  collectorName: { zh: '接领人姓名', en: "Collector's name" },
  collectorResidentId: { zh: '接领人身份证号', en: "Collector's ID number" },
  relation: { zh: '与受助人关系', en: 'Relation' },
  institution: { zh: '接收机构', en: 'Receiving institution' },
  note: { zh: '说明', en: 'Note' },
  noticedAt: { zh: '发现离开的时间', en: 'Noticed gone at' },
  reason: { zh: '终止原因', en: 'Reason' },
  at: { zh: '时间', en: 'Time' },
  cause: { zh: '原因', en: 'Cause' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type DischargeDetail = keyof typeof dischargeDetailLabels;

/** The fields each discharge must carry (the 在站服务及离站登记表 prints them). */
export const dischargeRequired: Record<DischargeType, readonly DischargeDetail[]> = {
  self_departure: ['declarationSigned'],
  return_home_ticket: ['destination', 'ticket'],
  escort_home: ['destination', 'escorts'],
  family_collection: ['collectorName', 'collectorResidentId', 'relation'],
  referral_hospital: ['institution'],
  referral_welfare: ['institution'],
  outside_care: ['institution'],
  placement: ['note'],
  left_without_notice: ['noticedAt'],
  assistance_ended: ['reason'],
  death: ['at', 'cause'],
};

export type DischargeRefusal =
  | 'minor_self_discharge'
  | 'impaired_self_discharge'
  | 'missing_detail'
  | 'collector_id';

export const dischargeRefusalLabels: Record<DischargeRefusal, { zh: string; en: string }> = {
  minor_self_discharge: {
    zh: '未满 16 周岁的受助人员不得自行离站，须由亲属接领或护送返乡',
    en: 'Under-16s never leave on their own: family collects them or they are escorted home',
  },
  impaired_self_discharge: {
    zh: '残疾人或无完全民事行为能力人不得自行离站',
    en: 'A disabled person or one without full capacity never leaves on their own',
  },
  missing_detail: { zh: '离站信息不完整', en: 'The discharge is missing a detail' },
  collector_id: { zh: '接领人身份证号无效', en: "The collector's ID number is not valid" },
};

export type DischargeCheck = { ok: true } | { ok: false; refusal: DischargeRefusal; field?: string };

/**
 * May this person leave this way, with these details? Under-16s and the disabled or impaired are
 * never self-discharged; each type needs its fields; a collector's ID must pass its check digit.
 */
export function checkDischarge(
  type: DischargeType,
  person: StayPerson,
  details: Record<string, unknown>,
  today: Date,
): DischargeCheck {
  if (type === 'self_departure') {
    // Without an age (even an estimated one) nobody can tell whether the rule for under-16s applies.
    if (person.age === null) return { ok: false, refusal: 'missing_detail', field: 'age' };
    if (person.age < 16) return { ok: false, refusal: 'minor_self_discharge' };
    if (person.disabled || person.impaired) return { ok: false, refusal: 'impaired_self_discharge' };
  }
  for (const field of dischargeRequired[type]) {
    const v = details[field];
    const empty = v === undefined || v === null || v === false || (typeof v === 'string' && !v.trim());
    if (empty || (Array.isArray(v) && v.length === 0)) return { ok: false, refusal: 'missing_detail', field };
  }
  if (type === 'family_collection' && !parseResidentId(String(details.collectorResidentId), today).ok)
    return { ok: false, refusal: 'collector_id', field: 'collectorResidentId' };
  return { ok: true };
}

/** Lifecycle of a stay: registered at the door, then triaged away or admitted, then discharged. */
export const stayStates = ['arrived', 'referred_out', 'admitted', 'discharged'] as const;
export type StayState = (typeof stayStates)[number];
