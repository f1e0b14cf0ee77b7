import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgeBand,
  type AssistanceCategory,
  type AssistanceProposal,
  type AssistanceReason,
  ageBands,
  assistanceCategories,
  assistanceCategoryLabels,
  assistancePrecedence,
  checkOverride,
  type EncounterObservation,
  followUpDue,
  type ObservedFact,
  type OverrideRefusal,
  obligationCodes,
  obligationLabels,
  observedFacts,
  proposeAssistance,
  suggestedItems,
  vulnerabilityLevel,
} from './assistance.ts';

const now = new Date('2026-12-15T22:00:00+08:00');
const cold = { now, forecastMinTempC: -12 };
const observe = (...facts: ObservedFact[]): EncounterObservation => ({ facts });
/** Obligations as short strings: `referral:refuge`, `schedule_follow_up+60`, `hand_out_items[…]`. */
const duties = (p: AssistanceProposal) =>
  p.obligations.map((o) => {
    if (o.code === 'referral') return `referral:${o.kind}`;
    if (o.code === 'schedule_follow_up')
      return `schedule_follow_up+${(o.dueAt.getTime() - now.getTime()) / 60_000}`;
    if (o.code === 'hand_out_items') return `hand_out_items[${o.items.join(',')}]`;
    return o.code;
  });
const onsite = ['hand_out_items[warmth_kit,coat,quilt,food,water]', 'help_card', 'leave_contact'];

describe('labels', () => {
  it('names every category and obligation in Chinese first', () => {
    expect(assistanceCategories.map((c) => assistanceCategoryLabels[c].zh)).toEqual([
      '先救治后救助',
      '保护性救助',
      '现场救助',
      '先行救助再查明情况',
      '应急性、过渡性生活保障',
      '劝导入站',
    ]);
    for (const code of obligationCodes) expect(obligationLabels[code].zh).toMatch(/\p{Script=Han}/u);
  });
});

describe('proposeAssistance: each rule on its own', () => {
  const rows: [ObservedFact[], AssistanceCategory, AssistanceReason, string[]][] = [
    [
      ['critically_ill'],
      'medical_first',
      'critically_ill',
      ['call_120', 'designated_hospital', 'hospital_referral', 'never_leave_on_street'],
    ],
    [
      ['suspected_mental_disorder'],
      'medical_first',
      'suspected_mental_disorder',
      ['designated_hospital', 'hospital_referral', 'police_escort'],
    ],
    [
      ['minor'],
      'protective',
      'minor',
      ['police_escort', 'never_leave_on_street', 'pending_arrival_at_station'],
    ],
    [
      ['lacks_full_capacity'],
      'protective',
      'lacks_full_capacity',
      ['police_escort', 'never_leave_on_street', 'pending_arrival_at_station'],
    ],
    [['refuses_station'], 'onsite_relief', 'refuses_station', [...onsite, 'schedule_follow_up+120']],
    [
      ['elderly', 'cannot_state_identity'],
      'assist_first',
      'cannot_state_identity',
      ['pending_arrival_at_station', 'tracing'],
    ],
    [
      ['sick', 'cannot_state_identity'],
      'assist_first',
      'cannot_state_identity',
      ['pending_arrival_at_station', 'tracing'],
    ],
    [
      ['disabled', 'cannot_state_identity'],
      'assist_first',
      'cannot_state_identity',
      ['police_escort', 'pending_arrival_at_station', 'tracing'],
    ],
    [['domestic_violence_victim'], 'transitional', 'domestic_violence_victim', ['referral:refuge']],
    [
      ['theft_or_robbery_victim'],
      'transitional',
      'theft_or_robbery_victim',
      ['referral:police', 'referral:station'],
    ],
    [['stranded_job_seeker'], 'transitional', 'stranded_job_seeker', ['referral:labour', 'referral:station']],
    [[], 'to_station', 'no_special_circumstance', ['pending_arrival_at_station']],
    [['elderly'], 'to_station', 'no_special_circumstance', ['pending_arrival_at_station']],
    [['disabled'], 'to_station', 'no_special_circumstance', ['police_escort', 'pending_arrival_at_station']],
    [
      ['cannot_state_identity'],
      'to_station',
      'no_special_circumstance',
      ['pending_arrival_at_station', 'tracing'],
    ],
  ];
  it.each(rows)('%j → %s (%s)', (facts, category, reason, obligations) => {
    const p = proposeAssistance(observe(...facts), cold);
    expect([p.category, p.reason.code]).toEqual([category, reason]);
    expect(duties(p)).toEqual(obligations);
  });
});

describe('proposeAssistance: precedence between rules', () => {
  it('follows the documented order', () => {
    expect(assistancePrecedence).toEqual([
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
    ]);
  });

  // The facts that trigger each rule; any two together, the earlier rule wins.
  const trigger: Record<AssistanceReason, ObservedFact[]> = {
    critically_ill: ['critically_ill'],
    suspected_mental_disorder: ['suspected_mental_disorder'],
    minor: ['minor'],
    lacks_full_capacity: ['lacks_full_capacity'],
    refuses_station: ['refuses_station'],
    cannot_state_identity: ['elderly', 'cannot_state_identity'],
    domestic_violence_victim: ['domestic_violence_victim'],
    theft_or_robbery_victim: ['theft_or_robbery_victim'],
    stranded_job_seeker: ['stranded_job_seeker'],
    no_special_circumstance: [],
  };
  const pairs = assistancePrecedence.flatMap((higher, i) =>
    assistancePrecedence.slice(i + 1).map((lower) => [higher, lower] as const),
  );
  it.each(pairs)('%s outranks %s', (higher, lower) => {
    const p = proposeAssistance(observe(...trigger[higher], ...trigger[lower]), cold);
    expect(p.reason.code).toBe(higher);
  });

  const rows: [ObservedFact[], AssistanceCategory, string[]][] = [
    [
      ['critically_ill', 'minor', 'refuses_station'],
      'medical_first',
      ['call_120', 'designated_hospital', 'hospital_referral', 'police_escort', 'never_leave_on_street'],
    ],
    [
      ['suspected_mental_disorder', 'refuses_station'],
      'medical_first',
      ['designated_hospital', 'hospital_referral', 'police_escort'],
    ],
    [
      ['minor', 'refuses_station', 'domestic_violence_victim'],
      'protective',
      ['police_escort', 'never_leave_on_street', 'pending_arrival_at_station', 'referral:refuge'],
    ],
    [
      ['refuses_station', 'stranded_job_seeker'],
      'onsite_relief',
      [...onsite, 'schedule_follow_up+120', 'referral:labour'],
    ],
    [
      ['refuses_station', 'elderly', 'cannot_state_identity'],
      'onsite_relief',
      [...onsite, 'schedule_follow_up+60'],
    ],
    [
      ['elderly', 'cannot_state_identity', 'theft_or_robbery_victim'],
      'assist_first',
      ['pending_arrival_at_station', 'referral:police', 'tracing'],
    ],
    [
      ['domestic_violence_victim', 'theft_or_robbery_victim', 'stranded_job_seeker'],
      'transitional',
      ['referral:refuge', 'referral:police', 'referral:labour', 'referral:station'],
    ],
  ];
  it.each(rows)('%j → %s, keeping what the outranked facts bring', (facts, category, obligations) => {
    const p = proposeAssistance(observe(...facts), cold);
    expect(p.category).toBe(category);
    expect(duties(p)).toEqual(obligations);
  });

  it('adds first aid, infection control and the police for the drunk to any category', () => {
    expect(duties(proposeAssistance(observe('injured', 'infectious_signs', 'intoxicated'), cold))).toEqual([
      'pending_arrival_at_station',
      'first_aid',
      'infection_control',
      'notify_police',
    ]);
    // Police already escorting: no second call; the hospital treats the injury.
    expect(
      duties(proposeAssistance(observe('critically_ill', 'injured', 'intoxicated', 'minor'), cold)),
    ).toEqual([
      'call_120',
      'designated_hospital',
      'hospital_referral',
      'police_escort',
      'never_leave_on_street',
    ]);
  });

  it('reads "minor" and "elderly" from the age or the age band too', () => {
    const refusing = (o: Partial<EncounterObservation>) =>
      proposeAssistance({ facts: ['refuses_station'], ...o }, cold).category;
    expect(refusing({ age: 16 })).toBe('protective');
    expect(refusing({ ageBand: 'adolescent' })).toBe('protective');
    expect(refusing({ age: 30, ageBand: 'child' })).toBe('protective'); // disagreement: protect
    expect(refusing({ age: 18 })).toBe('onsite_relief');
    expect(proposeAssistance({ facts: ['cannot_state_identity'], age: 72 }, cold).category).toBe(
      'assist_first',
    );
  });
});

describe('proposeAssistance: every combination of facts', () => {
  // An independent statement of the rules, checked against all 2^16 sets of facts.
  const expectedCategory = (has: (f: ObservedFact) => boolean): AssistanceCategory => {
    if (has('critically_ill') || has('suspected_mental_disorder')) return 'medical_first';
    if (has('minor') || has('lacks_full_capacity')) return 'protective';
    if (has('refuses_station')) return 'onsite_relief';
    const frail = ['elderly', 'sick', 'injured', 'disabled', 'infectious_signs'] as const;
    if (has('cannot_state_identity') && frail.some(has)) return 'assist_first';
    if (has('domestic_violence_victim') || has('theft_or_robbery_victim') || has('stranded_job_seeker'))
      return 'transitional';
    return 'to_station';
  };

  it('matches the rules and their obligations', () => {
    const failures: string[] = [];
    for (let mask = 0; mask < 2 ** observedFacts.length; mask++) {
      const facts = observedFacts.filter((_, i) => mask & (1 << i));
      const has = (f: ObservedFact) => facts.includes(f);
      const p = proposeAssistance({ facts }, cold);
      const d = new Set(duties(p).map((s) => s.replace(/[+[].*$/, '')));
      const category = expectedCategory(has);
      const checks: [string, boolean][] = [
        ['category', p.category === category],
        [
          'protected stay protected',
          !(has('minor') || has('lacks_full_capacity')) || d.has('never_leave_on_street'),
        ],
        ['120 for the critically ill', has('critically_ill') === d.has('call_120')],
        ['hospital iff medical_first', (category === 'medical_first') === d.has('hospital_referral')],
        ['re-check iff onsite_relief', (category === 'onsite_relief') === d.has('schedule_follow_up')],
        ['items iff onsite_relief', (category === 'onsite_relief') === d.has('hand_out_items')],
        [
          'station handover',
          ['to_station', 'protective', 'assist_first'].includes(category) ===
            d.has('pending_arrival_at_station'),
        ],
        ['refuge', has('domestic_violence_victim') === d.has('referral:refuge')],
        ['police report', has('theft_or_robbery_victim') === d.has('referral:police')],
        ['labour', has('stranded_job_seeker') === d.has('referral:labour')],
        ['tracing', (has('cannot_state_identity') && category !== 'onsite_relief') === d.has('tracing')],
        ['no duplicates', d.size === p.obligations.length],
      ];
      for (const [name, ok] of checks) if (!ok) failures.push(`${facts.join('+') || '∅'}: ${name}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

describe('proposeAssistance (properties)', () => {
  const observation = fc.record({
    facts: fc.subarray([...observedFacts]),
    age: fc.option(fc.integer({ min: 0, max: 110 })),
    ageBand: fc.option(fc.constantFrom(...ageBands)),
  });
  const context = fc.record({
    now: fc.date({ min: new Date('2026-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
    forecastMinTempC: fc.double({ min: -45, max: 30, noNaN: true }),
  });
  const isMinor = (o: { facts: ObservedFact[]; age: number | null; ageBand: AgeBand | null }) =>
    o.facts.includes('minor') ||
    (o.age !== null && o.age < 18) ||
    o.ageBand === 'child' ||
    o.ageBand === 'adolescent';

  it('a minor is never onsite_relief, never left, and cannot be overridden there', () => {
    fc.assert(
      fc.property(observation, context, fc.string(), (o, ctx, reason) => {
        fc.pre(isMinor(o));
        const p = proposeAssistance(o, ctx);
        expect(['protective', 'medical_first']).toContain(p.category);
        expect(p.obligations.map((x) => x.code)).toContain('never_leave_on_street');
        expect(checkOverride(p, 'onsite_relief', reason).ok).toBe(false);
      }),
    );
  });

  it('a critically ill person is always medical_first, with 120', () => {
    fc.assert(
      fc.property(observation, context, (o, ctx) => {
        const p = proposeAssistance({ ...o, facts: [...o.facts, 'critically_ill'] }, ctx);
        expect(p.category).toBe('medical_first');
        expect(p.obligations.map((x) => x.code)).toContain('call_120');
      }),
    );
  });
});

describe('followUpDue', () => {
  const minutes = (t: number, v: 0 | 1 | 2) => (followUpDue(now, t, v).getTime() - now.getTime()) / 60_000;
  const table: [number, number, number, number][] = [
    // forecast min °C → minutes for vulnerability 0, 1, 2
    [-25, 120, 60, 30],
    [-10, 120, 60, 30],
    [-9.9, 240, 120, 60],
    [0, 240, 120, 60],
    [0.1, 480, 240, 120],
    [5, 480, 240, 120],
    [5.1, 720, 480, 240],
    [15, 720, 480, 240],
    [Number.NaN, 120, 60, 30], // no forecast: assume the worst
  ];
  it.each(table)('%f °C → %i / %i / %i min', (t, v0, v1, v2) => {
    expect([minutes(t, 0), minutes(t, 1), minutes(t, 2)]).toEqual([v0, v1, v2]);
  });

  it('colder never gives a later re-check, nor does more vulnerability (property)', () => {
    const temp = fc.double({ min: -50, max: 40, noNaN: true });
    const level = fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>;
    fc.assert(
      fc.property(temp, temp, level, level, (a, b, v, w) => {
        const [colder, warmer] = a <= b ? [a, b] : [b, a];
        const [more, less] = v >= w ? [v, w] : [w, v];
        expect(followUpDue(now, colder, v).getTime()).toBeLessThanOrEqual(
          followUpDue(now, warmer, v).getTime(),
        );
        expect(followUpDue(now, a, more).getTime()).toBeLessThanOrEqual(followUpDue(now, a, less).getTime());
      }),
    );
  });

  it.each([
    [[], 0],
    [['thin_clothing', 'refuses_station'], 0],
    [['elderly'], 1],
    [['sick', 'infectious_signs'], 1],
    [['intoxicated'], 1],
    [['elderly', 'sick'], 2],
    [['disabled', 'injured', 'intoxicated'], 2],
  ] as [ObservedFact[], number][])('vulnerability of %j is %i', (facts, level) => {
    expect(vulnerabilityLevel({ facts })).toBe(level);
  });

  it('schedules the re-check from the encounter: −12 °C and elderly and sick → 30 min', () => {
    const p = proposeAssistance(observe('refuses_station', 'sick', 'elderly'), cold);
    expect(duties(p)).toContain('schedule_follow_up+30');
  });
});

describe('suggestedItems', () => {
  it.each([
    [[], 10, ['warmth_kit', 'food', 'water']],
    [['thin_clothing'], 10, ['warmth_kit', 'coat', 'food', 'water']],
    [[], 3, ['warmth_kit', 'quilt', 'food', 'water']],
    [[], -5, ['warmth_kit', 'coat', 'quilt', 'food', 'water']],
  ] as [ObservedFact[], number, string[]][])('%j at %f °C → %j', (facts, t, items) => {
    expect(suggestedItems({ facts }, t)).toEqual(items);
  });
});

describe('checkOverride', () => {
  const proposal = (...facts: ObservedFact[]) => proposeAssistance(observe(...facts), cold);
  const rows: [string, AssistanceProposal, AssistanceCategory, string | null, true | OverrideRefusal][] = [
    ['keeping the proposal needs no reason', proposal('refuses_station'), 'onsite_relief', null, true],
    ['persuaded after all', proposal('refuses_station'), 'to_station', '劝导后同意入站', true],
    ['no reason', proposal('refuses_station'), 'to_station', null, 'reason_required'],
    ['blank reason', proposal('refuses_station'), 'to_station', '   ', 'reason_required'],
    ['one character', proposal('refuses_station'), 'to_station', '好', 'reason_required'],
    ['two characters', proposal(), 'transitional', '被盗', true],
    [
      'minor left on the street',
      proposal('minor'),
      'onsite_relief',
      '本人拒绝',
      'protected_never_onsite_relief',
    ],
    [
      'minor to the station unescorted',
      proposal('minor'),
      'to_station',
      '已联系家长',
      'protected_protective_only',
    ],
    ['minor to hospital', proposal('minor'), 'medical_first', '发现高烧', true],
    [
      'no capacity left on the street',
      proposal('lacks_full_capacity', 'refuses_station'),
      'onsite_relief',
      '坚决拒绝',
      'protected_never_onsite_relief',
    ],
    [
      'critically ill to the station',
      proposal('critically_ill'),
      'to_station',
      '已好转',
      'critically_ill_medical_first_only',
    ],
    [
      'a minor in hospital back to protective',
      proposal('minor', 'sick', 'critically_ill'),
      'protective',
      '已好转',
      'critically_ill_medical_first_only',
    ],
    [
      'suspected disorder was a misjudgement',
      proposal('suspected_mental_disorder'),
      'to_station',
      '误判，已清醒',
      true,
    ],
  ];
  it.each(rows)('%s', (_why, p, chosen, reason, expected) => {
    const result = checkOverride(p, chosen, reason);
    if (expected === true) expect(result).toEqual({ ok: true, overridden: chosen !== p.category });
    else expect(result).toEqual({ ok: false, refusal: expected });
  });
});
