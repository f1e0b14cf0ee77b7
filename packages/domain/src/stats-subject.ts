/**
 * The facts about a person that campaign figures are broken down by (the Henan monthly form:
 * sex, age band, health, province of origin, special groups). They are fixed into the event
 * when the person is helped, so a figure is a pure function of the event log: a later edit
 * of the person's record does not rewrite last month's report.
 */
import type { AgeBand } from './assistance.ts';

export const statSexes = ['male', 'female', 'unknown'] as const;
export type StatSex = (typeof statSexes)[number];

/** The form's bands: under 16 (the station's protective rules), 16–59, 60 and over. */
export const ageGroups = ['under16', '16to59', '60plus', 'unknown'] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** One value per person, by precedence, so the breakdown adds up to the total. */
export const healthStates = ['mental', 'sick', 'disabled', 'healthy'] as const;
export type HealthState = (typeof healthStates)[number];

/** Special groups overlap (a disabled minor is in two), so they do not add up to the total. */
export const specialGroups = ['minor', 'elderly', 'disabled', 'mental_disorder'] as const;
export type SpecialGroup = (typeof specialGroups)[number];

/** GB/T 2260 provinces, by the first two digits. */
export const provinces: Record<string, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};

/**
 * The home province: the resident ID's first two digits when there is one, else a province
 * name at the start of the home address as told ("湖南省郴州市", "广西南宁"), else unknown.
 */
export function homeProvinceOf(residentId?: string | null, homeRegion?: string | null): string | null {
  if (residentId && /^\d{17}[\dX]$/.test(residentId) && provinces[residentId.slice(0, 2)])
    return residentId.slice(0, 2);
  const text = homeRegion?.trim();
  if (!text) return null;
  for (const [code, name] of Object.entries(provinces)) if (text.startsWith(name)) return code;
  return null;
}

export interface SubjectInput {
  personId: string;
  sex?: string | null;
  /** Years, when known: it wins over the band a patrol guessed. */
  age?: number | null;
  ageBand?: AgeBand | null;
  /** Observed facts (encounters) or triage facts (stations), as their codes. */
  facts?: readonly string[];
  disabled?: boolean;
  /** Mental or intellectual impairment (the station's reading). */
  impaired?: boolean;
  residentId?: string | null;
  homeRegion?: string | null;
}

/** What figures are broken down by, for one person helped once. */
export interface SubjectFacts {
  personId: string;
  sex: StatSex;
  ageGroup: AgeGroup;
  health: HealthState;
  homeProvince: string | null;
  groups: SpecialGroup[];
}

// Observed facts (encounters) and triage facts (stations) that mean ill health.
const SICK = new Set([
  'critically_ill',
  'injured',
  'sick',
  'infectious_signs',
  'infectious_disease',
  'critical_illness',
  'visible_injury',
]);
const MENTAL = new Set(['suspected_mental_disorder']);

/**
 * An adolescent (14–17) whose exact age nobody knows is counted under 16: the protective
 * reading, the one the station's rules for under-16s would apply.
 */
function ageGroupOf(age: number | null | undefined, band: AgeBand | null | undefined): AgeGroup {
  if (typeof age === 'number') return age < 16 ? 'under16' : age < 60 ? '16to59' : '60plus';
  switch (band) {
    case 'child':
    case 'adolescent':
      return 'under16';
    case 'young_adult':
    case 'middle_aged':
      return '16to59';
    case 'elderly':
      return '60plus';
    default:
      return 'unknown';
  }
}

export function subjectFacts(input: SubjectInput): SubjectFacts {
  const facts = new Set(input.facts ?? []);
  const ageGroup = ageGroupOf(input.age, input.ageBand);
  const mental = input.impaired || [...facts].some((f) => MENTAL.has(f));
  const disabled = !!input.disabled || facts.has('disabled');
  const sick = [...facts].some((f) => SICK.has(f));
  const minor =
    typeof input.age === 'number'
      ? input.age < 18
      : facts.has('minor') || input.ageBand === 'child' || input.ageBand === 'adolescent';
  const elderly = ageGroup === '60plus' || (typeof input.age !== 'number' && facts.has('elderly'));
  const groups: SpecialGroup[] = [];
  if (minor) groups.push('minor');
  if (elderly) groups.push('elderly');
  if (disabled) groups.push('disabled');
  if (mental) groups.push('mental_disorder');
  return {
    personId: input.personId,
    sex: input.sex === 'male' || input.sex === 'female' ? input.sex : 'unknown',
    ageGroup,
    health: mental ? 'mental' : sick ? 'sick' : disabled ? 'disabled' : 'healthy',
    homeProvince: homeProvinceOf(input.residentId, input.homeRegion),
    groups,
  };
}
