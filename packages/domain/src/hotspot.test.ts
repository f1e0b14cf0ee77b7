import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCoverage, HOTSPOT_VISIT_HOURS, hotspotCoverage, hotspotRisks } from './hotspot.ts';

const now = new Date('2026-12-01T22:00:00+08:00');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('hotspotCoverage', () => {
  it.each([
    ['high', null, 'never', null],
    ['high', 2, 'ok', 2],
    ['high', 9.5, 'due_soon', 9],
    ['high', 12, 'due_soon', 12],
    ['high', 13, 'overdue', 13],
    ['medium', 13, 'ok', 13],
    ['medium', 19, 'due_soon', 19],
    ['medium', 25, 'overdue', 25],
    ['low', 25, 'ok', 25],
    ['low', 60, 'due_soon', 60],
    ['low', 73, 'overdue', 73],
  ] as const)('%s risk, last visited %s h ago → %s', (risk, ago, state, hours) => {
    const c = hotspotCoverage(risk, ago === null ? null : hoursAgo(ago), now);
    expect(c.state).toBe(state);
    expect(c.hoursSince).toBe(hours);
  });

  it('is due one interval after the visit, and a visit "in the future" (clock skew) counts as now', () => {
    expect(hotspotCoverage('high', hoursAgo(2), now).dueAt).toEqual(hoursAgo(2 - HOTSPOT_VISIT_HOURS.high));
    expect(hotspotCoverage('low', hoursAgo(-1), now)).toMatchObject({ state: 'ok', hoursSince: 0 });
  });

  it('never gets better with time: a later look is never less urgent', () => {
    const rank = { ok: 0, due_soon: 1, overdue: 2, never: 3 };
    fc.assert(
      fc.property(fc.constantFrom(...hotspotRisks), fc.nat(200), fc.nat(200), (risk, a, b) => {
        const [early, late] = [Math.min(a, b), Math.max(a, b)];
        const at = (h: number) =>
          rank[hotspotCoverage(risk, hoursAgo(0), new Date(now.getTime() + h * 3_600_000)).state];
        expect(at(late)).toBeGreaterThanOrEqual(at(early));
      }),
    );
  });
});

describe('compareCoverage', () => {
  it('puts never visited, then overdue, high risk first, then the longest unseen', () => {
    const spots = [
      { name: 'ok', risk: 'high', coverage: hotspotCoverage('high', hoursAgo(1), now) },
      { name: 'overdue-low', risk: 'low', coverage: hotspotCoverage('low', hoursAgo(100), now) },
      { name: 'overdue-high-long', risk: 'high', coverage: hotspotCoverage('high', hoursAgo(40), now) },
      { name: 'overdue-high', risk: 'high', coverage: hotspotCoverage('high', hoursAgo(20), now) },
      { name: 'never', risk: 'low', coverage: hotspotCoverage('low', null, now) },
    ] as const;
    expect([...spots].sort(compareCoverage).map((s) => s.name)).toEqual([
      'never',
      'overdue-high-long',
      'overdue-high',
      'overdue-low',
      'ok',
    ]);
  });
});
