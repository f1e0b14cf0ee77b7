/**
 * Emergency response levels (应急响应 IV → I) from weather warnings. No national standard fixes
 * the mapping, so each bureau configures a table of rules; a rule is a conjunction of thresholds
 * (a kind at or above a colour, tonight's forecast at or below a temperature) and the level is
 * the highest any matching rule gives. Thresholds only, joined by AND, maxed over rules: a
 * stronger warning can never lower the level (the property test checks it for random tables).
 */
import { colourRank, type WarningColour, type WarningKind } from './weather.ts';

/** Lowest first. */
export const responseLevels = ['IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = (typeof responseLevels)[number];

export const responseLevelLabels: Record<ResponseLevel, { zh: string; en: string }> = {
  IV: { zh: 'Ⅳ级响应', en: 'Level IV' },
  III: { zh: 'Ⅲ级响应', en: 'Level III' },
  II: { zh: 'Ⅱ级响应', en: 'Level II' },
  I: { zh: 'Ⅰ级响应', en: 'Level I' },
};

export const levelRank = (l: ResponseLevel | null): number => (l ? responseLevels.indexOf(l) + 1 : 0);

export type ResponseCondition =
  | { kind: WarningKind; atLeast: WarningColour }
  | { forecastAtOrBelowC: number };

export interface ResponseRule {
  level: ResponseLevel;
  /** All must hold. */
  when: readonly ResponseCondition[];
}

/** What holds in a region tonight: the highest colour of each kind, the forecast minimum. */
export interface ResponseInput {
  colours: Partial<Record<WarningKind, WarningColour>>;
  forecastMinC: number | null;
}

/**
 * The default table (a bureau changes it): yellow cold wave or low temperature, or a forecast
 * at or below 0 ℃ → IV; orange → III; red → II; a red cold wave with a blizzard → I.
 */
export const defaultResponseTable: readonly ResponseRule[] = [
  { level: 'IV', when: [{ kind: 'cold_wave', atLeast: 'yellow' }] },
  { level: 'IV', when: [{ kind: 'low_temperature', atLeast: 'yellow' }] },
  { level: 'IV', when: [{ kind: 'blizzard', atLeast: 'yellow' }] },
  { level: 'IV', when: [{ kind: 'road_icing', atLeast: 'orange' }] },
  { level: 'IV', when: [{ forecastAtOrBelowC: 0 }] },
  { level: 'III', when: [{ kind: 'cold_wave', atLeast: 'orange' }] },
  { level: 'III', when: [{ kind: 'low_temperature', atLeast: 'orange' }] },
  { level: 'III', when: [{ kind: 'blizzard', atLeast: 'orange' }] },
  { level: 'II', when: [{ kind: 'cold_wave', atLeast: 'red' }] },
  { level: 'II', when: [{ kind: 'low_temperature', atLeast: 'red' }] },
  { level: 'II', when: [{ kind: 'blizzard', atLeast: 'red' }] },
  {
    level: 'I',
    when: [
      { kind: 'cold_wave', atLeast: 'red' },
      { kind: 'blizzard', atLeast: 'yellow' },
    ],
  },
];

function holds(c: ResponseCondition, input: ResponseInput): boolean {
  if ('forecastAtOrBelowC' in c)
    return input.forecastMinC !== null && input.forecastMinC <= c.forecastAtOrBelowC;
  const colour = input.colours[c.kind];
  return colour !== undefined && colourRank(colour) >= colourRank(c.atLeast);
}

/** The level the table gives, or null (no response). A rule with no conditions never matches. */
export function levelFor(table: readonly ResponseRule[], input: ResponseInput): ResponseLevel | null {
  let best: ResponseLevel | null = null;
  for (const rule of table)
    if (
      rule.when.length &&
      rule.when.every((c) => holds(c, input)) &&
      levelRank(rule.level) > levelRank(best)
    )
      best = rule.level;
  return best;
}

export type ResponseProposal = 'activate' | 'escalate' | 'lower' | 'deactivate';

/** What to put to the duty leader, given the level in force and the one the warnings call for. */
export function proposalFor(
  current: ResponseLevel | null,
  target: ResponseLevel | null,
): ResponseProposal | null {
  if (levelRank(current) === levelRank(target)) return null;
  if (!current) return 'activate';
  if (!target) return 'deactivate';
  return levelRank(target) > levelRank(current) ? 'escalate' : 'lower';
}

export const responseProposalLabels: Record<ResponseProposal, { zh: string; en: string }> = {
  activate: { zh: '建议启动应急响应', en: 'Activate a response' },
  escalate: { zh: '建议提升响应级别', en: 'Raise the level' },
  lower: { zh: '建议降低响应级别', en: 'Lower the level' },
  deactivate: { zh: '预警已解除，建议终止应急响应', en: 'Warnings over: end the response' },
};

/**
 * How a level tightens the rules the other capabilities already have: re-check intervals of
 * people left on the street, hotspot visit intervals at night, the dispatch clocks.
 */
export interface Tightening {
  /** Multiplies the follow-up re-check interval (assistance.ts `followUpMinutes`). */
  recheckFactor: number;
  /** A hotspot is overdue after this many hours at night (0 = the risk's own interval). */
  hotspotIntervalHours: number;
  acceptMinutes: number;
  arriveMinutes: number;
  minTeamsOnDuty: number;
}

export const tighteningByLevel: Record<ResponseLevel | 'none', Tightening> = {
  none: { recheckFactor: 1, hotspotIntervalHours: 0, acceptMinutes: 5, arriveMinutes: 30, minTeamsOnDuty: 1 },
  IV: { recheckFactor: 1, hotspotIntervalHours: 4, acceptMinutes: 5, arriveMinutes: 30, minTeamsOnDuty: 2 },
  III: {
    recheckFactor: 0.75,
    hotspotIntervalHours: 3,
    acceptMinutes: 4,
    arriveMinutes: 25,
    minTeamsOnDuty: 3,
  },
  II: { recheckFactor: 0.5, hotspotIntervalHours: 2, acceptMinutes: 3, arriveMinutes: 20, minTeamsOnDuty: 4 },
  I: { recheckFactor: 0.5, hotspotIntervalHours: 1, acceptMinutes: 2, arriveMinutes: 15, minTeamsOnDuty: 6 },
};

/** A measure of a level's plan (应急预案), made a task with an owner and a deadline on activation. */
export interface PlanMeasure {
  code:
    | 'leader_on_duty'
    | 'raise_patrols'
    | 'teams_on_duty'
    | 'open_standby_shelters'
    | 'move_supplies'
    | 'notify_sentinels'
    | 'check_shelters';
  zh: string;
  en: string;
  /** Who does it: a role of the bureau. */
  owner: 'bureau_admin' | 'dispatcher' | 'supplies_keeper' | 'shelter_keeper';
  /** Due this many hours after activation. */
  dueHours: number;
}

const m = (
  code: PlanMeasure['code'],
  zh: string,
  en: string,
  owner: PlanMeasure['owner'],
  dueHours: number,
): PlanMeasure => ({
  code,
  zh,
  en,
  owner,
  dueHours,
});

/** The default plan per level; each level adds to the one below. */
export function planFor(level: ResponseLevel): PlanMeasure[] {
  const t = tighteningByLevel[level];
  const base = [
    m(
      'leader_on_duty',
      '确认领导带班、24 小时值班到岗',
      'Leader on duty and 24-hour duty confirmed',
      'bureau_admin',
      1,
    ),
    m('notify_sentinels', '通知信息哨点留意街面遇困人员', 'Tell the sentinels to watch out', 'dispatcher', 2),
    m(
      'raise_patrols',
      `夜间重点区域巡查加密至每 ${t.hotspotIntervalHours} 小时一次`,
      `Night hotspot patrols every ${t.hotspotIntervalHours} h`,
      'dispatcher',
      2,
    ),
    m(
      'teams_on_duty',
      `在岗巡查队不少于 ${t.minTeamsOnDuty} 支`,
      `At least ${t.minTeamsOnDuty} teams on duty`,
      'dispatcher',
      3,
    ),
    m(
      'check_shelters',
      '检查已开放避寒场所的取暖、被褥和热水',
      'Check the open shelters: heating, bedding, hot water',
      'shelter_keeper',
      4,
    ),
  ];
  if (level === 'IV') return base;
  return [
    ...base,
    m(
      'open_standby_shelters',
      '启用备用避寒场所并延长开放时间',
      'Open the standby shelters, longer hours',
      'dispatcher',
      3,
    ),
    m(
      'move_supplies',
      '按库存和预报调配物资至避寒场所和巡查车',
      'Move supplies to shelters and team vehicles',
      'supplies_keeper',
      6,
    ),
  ];
}

/**
 * Supplies to move for a night: per person expected (the shelters' night places in force plus
 * the people patrols met last night), colder nights need more; never more than the stock.
 */
export function suggestedQuantity(
  expectedPeople: number,
  forecastMinC: number | null,
  stock: number,
): number {
  const cold = forecastMinC === null ? 1 : forecastMinC <= -5 ? 1.5 : forecastMinC <= 0 ? 1.25 : 1;
  return Math.max(0, Math.min(stock, Math.ceil(expectedPeople * cold)));
}

/**
 * The dispatch clocks under a level: never looser than the configured ones. The vulnerable
 * arrival cap is the level's, the others' fifteen minutes more (no response: 30 and 45, the
 * defaults).
 */
export function tightenSla<
  P extends { acceptMinutes: number; arrivalMinutes: number; arrivalMinutesVulnerable: number },
>(policy: P, level: ResponseLevel | null): P {
  if (!level) return policy;
  const t = tighteningByLevel[level];
  return {
    ...policy,
    acceptMinutes: Math.min(policy.acceptMinutes, t.acceptMinutes),
    arrivalMinutesVulnerable: Math.min(policy.arrivalMinutesVulnerable, t.arriveMinutes),
    arrivalMinutes: Math.min(policy.arrivalMinutes, t.arriveMinutes + 15),
  };
}

/** A re-check of someone left on the street comes sooner under a level (never later). */
export function tightenFollowUp(now: Date, dueAt: Date, level: ResponseLevel | null): Date {
  const factor = tighteningByLevel[level ?? 'none'].recheckFactor;
  return new Date(now.getTime() + Math.max(0, dueAt.getTime() - now.getTime()) * Math.min(1, factor));
}

/** Night in Beijing (18:00–08:00), whatever the server's zone: when hotspot patrols tighten. */
const isNight = (at: Date) => {
  const hour = (at.getUTCHours() + 8) % 24;
  return hour >= 18 || hour < 8;
};

/** A hotspot's visit interval now: at night under a level, no longer than the level's. */
export function hotspotIntervalUnder(baseHours: number, level: ResponseLevel | null, at: Date): number {
  const h = tighteningByLevel[level ?? 'none'].hotspotIntervalHours;
  return h > 0 && isNight(at) ? Math.min(baseHours, h) : baseHours;
}
