import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrivalDeadline,
  defaultSlaPolicy,
  dispatchDeadline,
  leadPriority,
  recommendTeams,
  slaStatus,
  straightLineEstimator,
  type TeamCandidate,
} from './dispatch.ts';

const station = { lat: 24.8131, lng: 113.6047 }; // 韶关站
const team = (id: string, dLat: number, status: TeamCandidate['status'] = 'available'): TeamCandidate => ({
  id,
  lat: station.lat + dLat,
  lng: station.lng,
  status,
});

describe('recommendTeams', () => {
  it('ranks available teams by estimated arrival, at most five, skipping busy and off-duty ones', () => {
    const teams = [
      team('far', 0.05),
      team('near', 0.002),
      team('off', 0.0001, 'off_duty'),
      team('busy', 0.0002, 'en_route'),
      team('mid', 0.01),
      team('a', 0.02),
      team('b', 0.03),
      team('c', 0.04),
    ];
    const ranked = recommendTeams(station, teams);
    expect(ranked.map((r) => r.teamId)).toEqual(['near', 'mid', 'a', 'b', 'c']);
    expect(ranked[0]!.distanceM).toBeGreaterThan(200);
    expect(ranked[0]!.distanceM).toBeLessThan(250);
  });

  it('estimates ~2 minutes to set off plus the road distance at 25 km/h', () => {
    // 0.1° of latitude ≈ 11.1 km straight, ×1.4 road ≈ 15.6 km ≈ 37 min + 2.
    const eta = straightLineEstimator.etaMinutes(station, { lat: station.lat + 0.1, lng: station.lng });
    expect(eta).toBeGreaterThanOrEqual(38);
    expect(eta).toBeLessThanOrEqual(40);
  });

  it('never ranks a farther team before a nearer one, and orders ties by id (property)', () => {
    const candidate = fc.record({
      id: fc.uuid(),
      lat: fc.double({ min: 24.6, max: 25.0, noNaN: true }),
      lng: fc.double({ min: 113.4, max: 113.8, noNaN: true }),
      status: fc.constantFrom('available', 'off_duty', 'en_route', 'on_scene') as fc.Arbitrary<
        TeamCandidate['status']
      >,
    });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 40 }), (teams) => {
        const ranked = recommendTeams(station, teams);
        const available = teams.filter((t) => t.status === 'available');
        expect(ranked).toHaveLength(Math.min(5, available.length));
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(a.etaMinutes <= b.etaMinutes).toBe(true);
          if (a.etaMinutes === b.etaMinutes) expect(a.distanceM <= b.distanceM).toBe(true);
        }
        // Nobody left out arrives sooner than the last one chosen.
        const last = ranked.at(-1);
        if (last)
          for (const t of available)
            if (!ranked.some((r) => r.teamId === t.id))
              expect(straightLineEstimator.etaMinutes(t, station)).toBeGreaterThanOrEqual(last.etaMinutes);
      }),
    );
  });
});

describe('queue priority', () => {
  it.each([
    [['minor', 'elderly'], 0],
    [['injured_or_ill'], 1],
    [['mental_distress', 'thin_clothing'], 1],
    [['elderly', 'thin_clothing'], 2],
    [['intoxicated'], 3],
    [[], 3],
  ])('%j → tier %i', (descriptors, tier) => {
    expect(leadPriority(descriptors)).toBe(tier);
  });
});

describe('SLA clocks', () => {
  const at = new Date('2026-12-15T22:00:00+08:00');
  const minutes = (d: Date) => (d.getTime() - at.getTime()) / 60_000;

  it('dispatch: 5 minutes for the vulnerable, 15 otherwise', () => {
    expect(minutes(dispatchDeadline(at, true))).toBe(5);
    expect(minutes(dispatchDeadline(at, false))).toBe(15);
  });

  it('arrival: the estimate + 10 minutes, capped at 30 (vulnerable) or 45; the cap when unknown', () => {
    expect(minutes(arrivalDeadline(at, 8, false))).toBe(18);
    expect(minutes(arrivalDeadline(at, 25, true))).toBe(30);
    expect(minutes(arrivalDeadline(at, 60, false))).toBe(45);
    expect(minutes(arrivalDeadline(at, null, true))).toBe(defaultSlaPolicy.arrivalMinutesVulnerable);
  });

  it('reads ok, soon in the last fifth, overdue after the deadline', () => {
    const deadline = new Date(at.getTime() + 10 * 60_000);
    expect(slaStatus(at, deadline, new Date(at.getTime() + 7 * 60_000))).toBe('ok');
    expect(slaStatus(at, deadline, new Date(at.getTime() + 9 * 60_000))).toBe('soon');
    expect(slaStatus(at, deadline, new Date(at.getTime() + 11 * 60_000))).toBe('overdue');
  });
});
