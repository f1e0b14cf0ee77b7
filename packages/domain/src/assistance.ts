/**
 * 分类救助 (GLOSSARY `assistance`): when a patrol meets someone (an `encounter`), propose from
 * what it observes or is told how the person is helped, why, and what must follow. Pure; the
 * server stores the proposal, any override and its audit.
 *
 * Precedence — the first rule that matches decides the category (the table test shows each):
 *  1. medical_first — critically ill, then suspected mental disorder: life comes first
 *     (先救治后救助), whatever else is true and even if the person refuses the station.
 *  2. protective — a minor, or an adult without full civil capacity: their refusal is not a
 *     choice the law lets them make; escorted with the police, never left on the street.
 *  3. onsite_relief — anyone else who refuses the station: assistance is voluntary, so the help
 *     goes to where they stay — items, a help card, contact, and a re-check at that spot.
 *  4. assist_first — elderly, sick, injured or disabled (老弱病残) and cannot state who they are:
 *     help now, find out later.
 *  5. transitional — domestic-violence victim, theft/robbery victim, stranded job-seeker
 *     (in that order): emergency, transitional support with a referral.
 *  6. to_station — everyone else is persuaded to the station.
 * A fact outranked by a higher rule still brings its obligations: a minor in hospital keeps the
 * police escort, a job-seeker who refuses the station still gets the labour referral.
 */

export const assistanceCategories = [
  'medical_first',
  'protective',
  'onsite_relief',
  'assist_first',
  'transitional',
  'to_station',
] as const;
export type AssistanceCategory = (typeof assistanceCategories)[number];

export const assistanceCategoryLabels: Record<AssistanceCategory, { zh: string; en: string }> = {
  medical_first: { zh: '先救治后救助', en: 'Medical care first' },
  protective: { zh: '保护性救助', en: 'Protective assistance' },
  onsite_relief: { zh: '现场救助', en: 'Relief on the spot' },
  assist_first: { zh: '先行救助再查明情况', en: 'Help first, verify later' },
  transitional: { zh: '应急性、过渡性生活保障', en: 'Emergency, transitional support' },
  to_station: { zh: '劝导入站', en: 'To the station' },
};

/** What a patrol can see or be told. Order = form order. */
export const observedFacts = [
  'minor',
  'elderly',
  'critically_ill',
  'injured',
  'sick',
  'suspected_mental_disorder',
  'infectious_signs',
  'lacks_full_capacity',
  'disabled',
  'intoxicated',
  'thin_clothing',
  'cannot_state_identity',
  'refuses_station',
  'stranded_job_seeker',
  'theft_or_robbery_victim',
  'domestic_violence_victim',
] as const;
export type ObservedFact = (typeof observedFacts)[number];

export const observedFactLabels: Record<ObservedFact, { zh: string; en: string }> = {
  minor: { zh: '未成年人', en: 'Minor' },
  elderly: { zh: '老人', en: 'Elderly' },
  critically_ill: { zh: '危重病人', en: 'Critically ill' },
  injured: { zh: '受伤', en: 'Injured' },
  sick: { zh: '患病', en: 'Sick' },
  suspected_mental_disorder: { zh: '疑似精神障碍', en: 'Suspected mental disorder' },
  infectious_signs: { zh: '发热、咳嗽等传染病症状', en: 'Signs of infectious disease' },
  lacks_full_capacity: {
    zh: '无完全民事行为能力（智力残疾、失智等）',
    en: 'Lacks full civil capacity (intellectual disability, dementia)',
  },
  disabled: { zh: '残疾', en: 'Disabled' },
  intoxicated: { zh: '醉酒', en: 'Drunk' },
  thin_clothing: { zh: '衣着单薄', en: 'Thinly dressed' },
  cannot_state_identity: { zh: '无法提供个人信息', en: 'Cannot state identity' },
  refuses_station: { zh: '不愿入站', en: 'Refuses the station' },
  stranded_job_seeker: { zh: '务工不着', en: 'Stranded job-seeker' },
  theft_or_robbery_victim: { zh: '被盗被抢', en: 'Theft or robbery victim' },
  domestic_violence_victim: { zh: '遭受家暴', en: 'Domestic-violence victim' },
};

/** Age as a patrol guesses it; 60 is where the law on the elderly starts, 18 adulthood. */
export const ageBands = ['child', 'adolescent', 'young_adult', 'middle_aged', 'elderly'] as const;
export type AgeBand = (typeof ageBands)[number];

export const ageBandLabels: Record<AgeBand, { zh: string; en: string }> = {
  child: { zh: '儿童（14 岁以下）', en: 'Child (under 14)' },
  adolescent: { zh: '少年（14–17 岁）', en: 'Adolescent (14–17)' },
  young_adult: { zh: '青年（18–44 岁）', en: 'Young adult (18–44)' },
  middle_aged: { zh: '中年（45–59 岁）', en: 'Middle-aged (45–59)' },
  elderly: { zh: '老年（60 岁及以上）', en: 'Elderly (60 and over)' },
};

export function ageBandOf(age: number): AgeBand {
  if (age < 14) return 'child';
  if (age < 18) return 'adolescent';
  if (age < 45) return 'young_adult';
  if (age < 60) return 'middle_aged';
  return 'elderly';
}

export interface EncounterObservation {
  facts: readonly ObservedFact[];
  /** Years, when told or read from a resident ID. */
  age?: number | null;
  ageBand?: AgeBand | null;
}

export interface AssistanceContext {
  now: Date;
  /** Tonight's forecast minimum, °C. Not a finite number → treated as the coldest band. */
  forecastMinTempC: number;
}

/**
 * The facts as the rules read them. A toggle, an age or an age band saying "minor" is enough:
 * when they disagree, the reading that protects more wins.
 */
function readFacts(o: EncounterObservation): (fact: ObservedFact) => boolean {
  const facts = new Set(o.facts);
  const band = o.ageBand ?? null;
  const age = o.age ?? null;
  if (band === 'child' || band === 'adolescent' || (age !== null && age < 18)) facts.add('minor');
  if (band === 'elderly' || (age !== null && age >= 60)) facts.add('elderly');
  return (fact) => facts.has(fact);
}

/** A minor by any reading (toggle or age band): their photos never appear on a list. */
export function isMinor(observation: EncounterObservation): boolean {
  return readFacts(observation)('minor');
}

export const assistanceReasons = [
  'critically_ill',
  'suspected_mental_disorder',
  'minor',
  'lacks_full_capacity',
  'refuses_station',
  'cannot_state_identity',
  'domestic_violence_victim',
  'theft_or_robbery_victim',
  'stranded_job_seeker',
  'no_special_circumstance',
] as const;
export type AssistanceReason = (typeof assistanceReasons)[number];

export const assistanceReasonLabels: Record<AssistanceReason, { zh: string; en: string }> = {
  critically_ill: { zh: '危重病人，先救治后救助', en: 'Critically ill: treatment comes first' },
  suspected_mental_disorder: {
    zh: '疑似精神障碍，会同公安、卫健送医诊治',
    en: 'Suspected mental disorder: to hospital with police and health staff',
  },
  minor: { zh: '未成年人，实施保护性救助', en: 'Minor: protective assistance' },
  lacks_full_capacity: {
    zh: '无完全民事行为能力的成年人，实施保护性救助',
    en: 'Adult without full civil capacity: protective assistance',
  },
  refuses_station: { zh: '不愿入站，予以现场救助', en: 'Refuses the station: relief on the spot' },
  cannot_state_identity: {
    zh: '因老弱病残无法提供个人信息，先行救助再查明情况',
    en: 'Elderly, sick or disabled and cannot state identity: help first, verify later',
  },
  domestic_violence_victim: { zh: '遭受家庭暴力，转介临时庇护', en: 'Domestic-violence victim: refuge' },
  theft_or_robbery_victim: {
    zh: '被盗被抢，提供应急性、过渡性生活保障',
    en: 'Theft or robbery victim: emergency, transitional support',
  },
  stranded_job_seeker: {
    zh: '务工不着，提供应急性、过渡性生活保障',
    en: 'Stranded job-seeker: emergency, transitional support',
  },
  no_special_circumstance: { zh: '劝导入站接受救助', en: 'Persuaded to the station' },
};

const frail = (has: (f: ObservedFact) => boolean) =>
  has('elderly') || has('sick') || has('injured') || has('disabled') || has('infectious_signs');

/** The precedence above, as data: the first match decides. */
const rules: readonly {
  reason: AssistanceReason;
  category: AssistanceCategory;
  when: (has: (f: ObservedFact) => boolean) => boolean;
}[] = [
  { reason: 'critically_ill', category: 'medical_first', when: (has) => has('critically_ill') },
  {
    reason: 'suspected_mental_disorder',
    category: 'medical_first',
    when: (has) => has('suspected_mental_disorder'),
  },
  { reason: 'minor', category: 'protective', when: (has) => has('minor') },
  { reason: 'lacks_full_capacity', category: 'protective', when: (has) => has('lacks_full_capacity') },
  { reason: 'refuses_station', category: 'onsite_relief', when: (has) => has('refuses_station') },
  {
    reason: 'cannot_state_identity',
    category: 'assist_first',
    when: (has) => has('cannot_state_identity') && frail(has),
  },
  {
    reason: 'domestic_violence_victim',
    category: 'transitional',
    when: (has) => has('domestic_violence_victim'),
  },
  {
    reason: 'theft_or_robbery_victim',
    category: 'transitional',
    when: (has) => has('theft_or_robbery_victim'),
  },
  { reason: 'stranded_job_seeker', category: 'transitional', when: (has) => has('stranded_job_seeker') },
  { reason: 'no_special_circumstance', category: 'to_station', when: () => true },
];

/** The reasons in precedence order (what the module comment documents). */
export const assistancePrecedence: readonly AssistanceReason[] = rules.map((r) => r.reason);

export const obligationCodes = [
  'call_120',
  'designated_hospital',
  'hospital_referral',
  'police_escort',
  'never_leave_on_street',
  'pending_arrival_at_station',
  'first_aid',
  'infection_control',
  'notify_police',
  'hand_out_items',
  'help_card',
  'leave_contact',
  'schedule_follow_up',
  'referral',
  'tracing',
] as const;
export type ObligationCode = (typeof obligationCodes)[number];

export const obligationLabels: Record<ObligationCode, { zh: string; en: string }> = {
  call_120: { zh: '拨打 120 急救', en: 'Call 120' },
  designated_hospital: { zh: '送定点医院救治', en: 'To a designated hospital' },
  hospital_referral: { zh: '办理送医转介', en: 'Hospital referral' },
  police_escort: { zh: '会同公安护送', en: 'Escorted with the police' },
  never_leave_on_street: {
    zh: '不得留置街面，陪护至交接完成',
    en: 'Never left on the street; stay until handed over',
  },
  pending_arrival_at_station: { zh: '通知救助管理站待入站', en: 'Pending arrival at the station' },
  first_aid: { zh: '现场简单救护', en: 'First aid on the spot' },
  infection_control: {
    zh: '佩戴口罩防护，告知接收方分区安置',
    en: 'Masks on; tell the receiving place (medical zone)',
  },
  notify_police: { zh: '通知公安（醉酒者由公安采取保护性措施）', en: 'Notify the police (drunk person)' },
  hand_out_items: { zh: '发放御寒物资', en: 'Hand out items' },
  help_card: { zh: '发放求助引导卡', en: 'Give a help card' },
  leave_contact: { zh: '留下求助方式', en: 'Leave contact details' },
  schedule_follow_up: { zh: '安排原地回访复查', en: 'Schedule a follow-up re-check at the spot' },
  referral: { zh: '转介', en: 'Referral' },
  tracing: { zh: '查明身份、寻亲', en: 'Identify and trace family' },
};

export const referralKinds = ['refuge', 'police', 'labour', 'station'] as const;
export type ReferralKind = (typeof referralKinds)[number];

export const referralKindLabels: Record<ReferralKind, { zh: string; en: string }> = {
  refuge: { zh: '家庭暴力受害人庇护中心', en: 'Domestic-violence refuge' },
  police: { zh: '公安机关报案', en: 'Report to the police' },
  labour: { zh: '人社部门、困境农民工救助', en: 'Labour services for stranded workers' },
  station: { zh: '救助管理站（临时食宿、返乡）', en: 'Station (food, bed, ticket home)' },
};

/** Supply items (GLOSSARY `supply`); a suggestion names kinds, the team's stock decides counts. */
export const supplyKinds = ['warmth_kit', 'coat', 'quilt', 'shoes', 'food', 'water', 'medicine'] as const;
export type SupplyKind = (typeof supplyKinds)[number];

export const supplyKindLabels: Record<SupplyKind, { zh: string; en: string }> = {
  warmth_kit: { zh: '温暖包', en: 'Warmth kit' },
  coat: { zh: '棉衣', en: 'Coat' },
  quilt: { zh: '棉被', en: 'Quilt' },
  shoes: { zh: '棉鞋', en: 'Shoes' },
  food: { zh: '食物', en: 'Food' },
  water: { zh: '饮用水', en: 'Water' },
  medicine: { zh: '药品', en: 'Medicine' },
};

export type Obligation =
  | { code: Exclude<ObligationCode, 'hand_out_items' | 'schedule_follow_up' | 'referral'> }
  | { code: 'hand_out_items'; items: SupplyKind[] }
  | { code: 'schedule_follow_up'; dueAt: Date }
  | { code: 'referral'; kind: ReferralKind };

/** Facts that bind any override (see `checkOverride`). */
export type Protection = 'critically_ill' | 'minor' | 'lacks_full_capacity';

export interface AssistanceProposal {
  category: AssistanceCategory;
  reason: { code: AssistanceReason; zh: string; en: string };
  obligations: Obligation[];
  protections: Protection[];
}

/**
 * How vulnerable someone staying out is: 0, 1, or 2 for two or more of elderly, sick (or signs
 * of infection), injured, disabled, drunk — each one shortens the time a body holds out in cold.
 */
export function vulnerabilityLevel(observation: EncounterObservation): 0 | 1 | 2 {
  const has = readFacts(observation);
  const count = [
    has('elderly'),
    has('sick') || has('infectious_signs'),
    has('injured'),
    has('disabled'),
    has('intoxicated'),
  ].filter(Boolean).length;
  return count >= 2 ? 2 : (count as 0 | 1);
}

/**
 * Re-check intervals (minutes) after onsite relief, by tonight's forecast minimum (rows, coldest
 * first, each "at or below") and vulnerability 0/1/2 (columns). At −10 °C someone sleeping out
 * can become hypothermic within hours; a vulnerable person faster. Mild nights wait for the next
 * shift (12 h).
 */
export const followUpMinutes: readonly { atOrBelowC: number; minutes: readonly [number, number, number] }[] =
  [
    { atOrBelowC: -10, minutes: [120, 60, 30] },
    { atOrBelowC: 0, minutes: [240, 120, 60] },
    { atOrBelowC: 5, minutes: [480, 240, 120] },
    { atOrBelowC: Number.POSITIVE_INFINITY, minutes: [720, 480, 240] },
  ];

/** A missing or broken forecast must never make a re-check later, so it reads as the coldest. */
const temperature = (c: number) => (Number.isFinite(c) ? c : Number.NEGATIVE_INFINITY);

/** When the follow-up re-check at the spot is due: sooner the colder and the more vulnerable. */
export function followUpDue(now: Date, forecastMinTempC: number, vulnerability: 0 | 1 | 2): Date {
  const t = temperature(forecastMinTempC);
  const row = followUpMinutes.find((r) => t <= r.atOrBelowC)!;
  return new Date(now.getTime() + row.minutes[vulnerability] * 60_000);
}

/** What to hand out on the spot: always a warmth kit, food and water; a coat and quilt as it gets cold. */
export function suggestedItems(observation: EncounterObservation, forecastMinTempC: number): SupplyKind[] {
  const t = temperature(forecastMinTempC);
  const items: SupplyKind[] = ['warmth_kit'];
  if (readFacts(observation)('thin_clothing') || t <= 0) items.push('coat');
  if (t <= 5) items.push('quilt');
  items.push('food', 'water');
  return items;
}

/**
 * The obligations of a category for this person — also what follows a staff override, so the
 * chosen category gets its own duties.
 */
export function assistanceObligations(
  category: AssistanceCategory,
  observation: EncounterObservation,
  context: AssistanceContext,
): Obligation[] {
  const has = readFacts(observation);
  const codes = new Set<ObligationCode>();
  const referrals = new Set<ReferralKind>();
  const isProtected = has('minor') || has('lacks_full_capacity');
  const takenIn = category === 'to_station' || category === 'assist_first' || category === 'transitional';

  if (category === 'medical_first') {
    codes.add('designated_hospital').add('hospital_referral');
    if (has('critically_ill')) codes.add('call_120').add('never_leave_on_street');
    if (has('suspected_mental_disorder')) codes.add('police_escort');
  }
  // The handover: these three end with the person arriving at a station.
  if (category === 'protective' || category === 'to_station' || category === 'assist_first')
    codes.add('pending_arrival_at_station');
  // Protection follows the person into any category (a minor in hospital is still a minor).
  if (isProtected) codes.add('police_escort').add('never_leave_on_street');
  // Seeds: minors and disabled people are escorted to the station together with the police.
  if (has('disabled') && takenIn) codes.add('police_escort');
  if (category === 'onsite_relief')
    codes.add('hand_out_items').add('help_card').add('leave_contact').add('schedule_follow_up');
  if (has('injured') && category !== 'medical_first') codes.add('first_aid');
  if (has('infectious_signs')) codes.add('infection_control');
  if (has('intoxicated') && !codes.has('police_escort')) codes.add('notify_police');
  if (has('cannot_state_identity') && category !== 'onsite_relief') codes.add('tracing');

  if (has('domestic_violence_victim')) referrals.add('refuge');
  if (has('theft_or_robbery_victim')) referrals.add('police');
  if (has('stranded_job_seeker')) referrals.add('labour');
  // Transitional support itself (food, a bed, a ticket home) is the station's to give.
  if (category === 'transitional' && (has('theft_or_robbery_victim') || has('stranded_job_seeker')))
    referrals.add('station');
  if (referrals.size > 0) codes.add('referral');

  const out: Obligation[] = [];
  for (const code of obligationCodes) {
    if (!codes.has(code)) continue;
    if (code === 'hand_out_items')
      out.push({ code, items: suggestedItems(observation, context.forecastMinTempC) });
    else if (code === 'schedule_follow_up')
      out.push({
        code,
        dueAt: followUpDue(context.now, context.forecastMinTempC, vulnerabilityLevel(observation)),
      });
    else if (code === 'referral') {
      for (const kind of referralKinds) if (referrals.has(kind)) out.push({ code, kind });
    } else out.push({ code });
  }
  return out;
}

/**
 * Proposes the category for an encounter, with its reason and obligations.
 *
 * @example proposeAssistance({ facts: ['refuses_station', 'elderly'] }, { now, forecastMinTempC: -12 })
 * // { category: 'onsite_relief', reason: { code: 'refuses_station', … }, obligations: [… schedule_follow_up in 1 h …] }
 */
export function proposeAssistance(
  observation: EncounterObservation,
  context: AssistanceContext,
): AssistanceProposal {
  const has = readFacts(observation);
  const rule = rules.find((r) => r.when(has))!;
  const protections = (['critically_ill', 'minor', 'lacks_full_capacity'] as const).filter(has);
  return {
    category: rule.category,
    reason: { code: rule.reason, ...assistanceReasonLabels[rule.reason] },
    obligations: assistanceObligations(rule.category, observation, context),
    protections,
  };
}

export const overrideRefusals = [
  'reason_required',
  'critically_ill_medical_first_only',
  'protected_never_onsite_relief',
  'protected_protective_only',
] as const;
export type OverrideRefusal = (typeof overrideRefusals)[number];

export const overrideRefusalLabels: Record<OverrideRefusal, { zh: string; en: string }> = {
  reason_required: { zh: '更改救助类别须填写理由', en: 'A reason is required to change the category' },
  critically_ill_medical_first_only: {
    zh: '危重病人只能先救治后救助',
    en: 'A critically ill person can only get medical care first',
  },
  protected_never_onsite_relief: {
    zh: '未成年人和无完全民事行为能力的成年人不得现场救助后留置街面',
    en: 'A minor or an adult without full capacity is never left on the street',
  },
  protected_protective_only: {
    zh: '未成年人和无完全民事行为能力的成年人只能保护性救助或先救治',
    en: 'A minor or an adult without full capacity gets protective assistance (or medical care first)',
  },
};

/** Shortest reason taken: two characters (误判, 已醒) say something; one does not. */
export const OVERRIDE_REASON_MIN_CHARS = 2;

export type OverrideCheck = { ok: true; overridden: boolean } | { ok: false; refusal: OverrideRefusal };

/**
 * May staff record `chosen` instead of the proposed category? Keeping the proposal needs no
 * reason. A forbidden choice is refused before a missing reason: no reason would make it allowed.
 * Suspected mental disorder is a judgement, so leaving medical_first for it is allowed with a reason.
 */
export function checkOverride(
  proposal: Pick<AssistanceProposal, 'category' | 'protections'>,
  chosen: AssistanceCategory,
  reason: string | null,
): OverrideCheck {
  if (chosen === proposal.category) return { ok: true, overridden: false };
  const p = proposal.protections;
  if (p.includes('critically_ill')) return { ok: false, refusal: 'critically_ill_medical_first_only' };
  if (p.includes('minor') || p.includes('lacks_full_capacity')) {
    if (chosen === 'onsite_relief') return { ok: false, refusal: 'protected_never_onsite_relief' };
    if (chosen !== 'protective' && chosen !== 'medical_first')
      return { ok: false, refusal: 'protected_protective_only' };
  }
  if ([...(reason ?? '').trim()].length < OVERRIDE_REASON_MIN_CHARS)
    return { ok: false, refusal: 'reason_required' };
  return { ok: true, overridden: true };
}
