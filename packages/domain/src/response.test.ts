import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultResponseTable,
  hotspotIntervalUnder,
  levelFor,
  levelRank,
  planFor,
  proposalFor,
  type ResponseInput,
  type ResponseRule,
  responseLevels,
  suggestedQuantity,
  tightenFollowUp,
  tighteningByLevel,
  tightenSla,
} from './response.ts';
import { colourRank, type WarningColour, warningColours, warningKinds } from './weather.ts';

const colours = fc.dictionary(fc.constantFrom(...warningKinds), fc.constantFrom(...warningColours), {
  maxKeys: 4,
});
const input: fc.Arbitrary<ResponseInput> = fc.record({
  colours,
  forecastMinC: fc.option(fc.integer({ min: -20, max: 15 }), { nil: null }),
});
const condition = fc.oneof(
  fc.record({ kind: fc.constantFrom(...warningKinds), atLeast: fc.constantFrom(...warningColours) }),
  fc.record({ forecastAtOrBelowC: fc.integer({ min: -10, max: 10 }) }),
);
const table: fc.Arbitrary<ResponseRule[]> = fc.array(
  fc.record({
    level: fc.constantFrom(...responseLevels),
    when: fc.array(condition, { minLength: 1, maxLength: 3 }),
  }),
  { maxLength: 12 },
);

/** `b` is at least as bad as `a`: every warning as strong or stronger, more kinds, a colder night. */
const stronger = (a: ResponseInput) =>
  fc
    .record({
      extra: colours,
      raise: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
      colder: fc.nat(10),
    })
    .map(({ extra, raise, colder }) => {
      const c = { ...extra, ...a.colours };
      for (const [i, k] of warningKinds.entries()) {
        const had = a.colours[k];
        if (had) c[k] = warningColours[Math.min(3, colourRank(had) + raise[i]!)] as WarningColour;
      }
      return { colours: c, forecastMinC: a.forecastMinC === null ? null : a.forecastMinC - colder };
    });

describe('response levels from warnings', () => {
  it('follows the default table: yellow → IV, orange → III, red → II, red cold wave with blizzard → I', () => {
    const at = (colours: ResponseInput['colours'], forecastMinC: number | null = null) =>
      levelFor(defaultResponseTable, { colours, forecastMinC });
    expect(at({})).toBeNull();
    expect(at({ cold_wave: 'blue' })).toBeNull();
    expect(at({}, 0)).toBe('IV');
    expect(at({}, 1)).toBeNull();
    expect(at({ cold_wave: 'yellow' })).toBe('IV');
    expect(at({ cold_wave: 'orange' })).toBe('III');
    expect(at({ cold_wave: 'red' })).toBe('II');
    expect(at({ cold_wave: 'red', blizzard: 'yellow' })).toBe('I');
    expect(at({ road_icing: 'yellow' })).toBeNull();
  });

  it('is monotone for any table a bureau configures: a stronger warning never lowers the level', () => {
    fc.assert(
      fc.property(
        table,
        input.chain((a) => fc.tuple(fc.constant(a), stronger(a))),
        (t, [a, b]) => {
          expect(levelRank(levelFor(t, b))).toBeGreaterThanOrEqual(levelRank(levelFor(t, a)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('proposes to activate, raise, lower or end, and nothing when the level holds', () => {
    expect(proposalFor(null, 'II')).toBe('activate');
    expect(proposalFor('III', 'II')).toBe('escalate');
    expect(proposalFor('II', 'IV')).toBe('lower');
    expect(proposalFor('II', null)).toBe('deactivate');
    expect(proposalFor('II', 'II')).toBeNull();
    expect(proposalFor(null, null)).toBeNull();
  });

  it('plans more at a higher level, each measure with an owner and a deadline', () => {
    for (const [i, level] of responseLevels.entries()) {
      const plan = planFor(level);
      expect(plan.every((p) => p.dueHours > 0 && p.owner)).toBe(true);
      if (i > 0) expect(plan.length).toBeGreaterThanOrEqual(planFor(responseLevels[i - 1]!).length);
    }
    expect(planFor('II').map((p) => p.code)).toContain('open_standby_shelters');
    expect(planFor('II').find((p) => p.code === 'raise_patrols')?.zh).toContain('每 2 小时');
  });

  it('suggests supplies by the people expected and the cold, never beyond the stock', () => {
    expect(suggestedQuantity(40, 3, 100)).toBe(40);
    expect(suggestedQuantity(40, -2, 100)).toBe(50);
    expect(suggestedQuantity(40, -8, 100)).toBe(60);
    expect(suggestedQuantity(40, -8, 30)).toBe(30);
  });
});

describe('a level tightens the other rules, never loosens them', () => {
  const policy = { dispatchMinutes: 15, acceptMinutes: 5, arrivalMinutes: 45, arrivalMinutesVulnerable: 30 };
  it('shortens the dispatch clocks with the level, and leaves a stricter configuration alone', () => {
    expect(tightenSla(policy, null)).toEqual(policy);
    expect(tightenSla(policy, 'IV')).toMatchObject({
      acceptMinutes: 5,
      arrivalMinutes: 45,
      arrivalMinutesVulnerable: 30,
    });
    expect(tightenSla(policy, 'II')).toMatchObject({
      acceptMinutes: 3,
      arrivalMinutes: 35,
      arrivalMinutesVulnerable: 20,
    });
    expect(tightenSla({ ...policy, acceptMinutes: 1 }, 'I').acceptMinutes).toBe(1);
  });
  it('brings re-checks forward and hotspot visits closer together at night only', () => {
    const now = new Date('2026-12-15T22:00:00+08:00');
    const due = new Date('2026-12-16T02:00:00+08:00');
    expect(tightenFollowUp(now, due, null)).toEqual(due);
    expect(tightenFollowUp(now, due, 'II')).toEqual(new Date('2026-12-16T00:00:00+08:00'));
    expect(hotspotIntervalUnder(12, 'II', now)).toBe(2);
    expect(hotspotIntervalUnder(12, 'II', new Date('2026-12-15T12:00:00+08:00'))).toBe(12);
    expect(hotspotIntervalUnder(12, null, now)).toBe(12);
    expect(hotspotIntervalUnder(1, 'IV', now)).toBe(1);
  });
  it('is monotone: a higher level is never looser', () => {
    fc.assert(
      fc.property(fc.constantFrom(...responseLevels), fc.constantFrom(...responseLevels), (a, b) => {
        if (levelRank(a) > levelRank(b)) [a, b] = [b, a];
        const [pa, pb] = [tightenSla(policy, a), tightenSla(policy, b)];
        return (
          pb.acceptMinutes <= pa.acceptMinutes &&
          pb.arrivalMinutes <= pa.arrivalMinutes &&
          tighteningByLevel[b].recheckFactor <= tighteningByLevel[a].recheckFactor
        );
      }),
    );
  });
});
