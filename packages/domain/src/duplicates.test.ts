import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descriptorsCompatible, distanceMeters, duplicateScore, type Sighting } from './duplicates.ts';

const base: Sighting = {
  lat: 24.8044,
  lng: 113.6111,
  address: '浈江区风度路桥洞',
  descriptors: ['elderly', 'thin_clothing'],
  receivedAt: new Date('2026-12-15T20:00:00+08:00'),
};
const later = (ms: number) => new Date(base.receivedAt.getTime() + ms);

describe('duplicate suggestions', () => {
  it('measures distance like a map does', () => {
    // 0.001° of latitude is about 111 m.
    expect(distanceMeters({ lat: 24.8, lng: 113.6 }, { lat: 24.801, lng: 113.6 })).toBeCloseTo(111.2, 0);
  });

  it('suggests a report 100 m away an hour later, not one 300 m away or 4 hours later', () => {
    expect(duplicateScore(base, { ...base, lat: 24.8053, receivedAt: later(3_600_000) })).toBeGreaterThan(
      0.3,
    );
    expect(duplicateScore(base, { ...base, lat: 24.8071 })).toBeNull();
    expect(duplicateScore(base, { ...base, receivedAt: later(4 * 3_600_000) })).toBeNull();
  });

  it('never pairs a child with an old man, unless a group was seen', () => {
    expect(descriptorsCompatible(['minor'], ['elderly'])).toBe(false);
    expect(descriptorsCompatible(['minor', 'group'], ['elderly'])).toBe(true);
    expect(duplicateScore(base, { ...base, descriptors: ['minor'] })).toBeNull();
  });

  it('falls back to the same address when there is no GPS', () => {
    expect(
      duplicateScore(
        { ...base, lat: null, lng: null },
        { ...base, lat: null, lng: null, address: '浈江区 风度路桥洞' },
      ),
    ).toBe(0.9);
    expect(
      duplicateScore({ ...base, lat: null, lng: null }, { ...base, lat: null, lng: null, address: '武江区' }),
    ).toBeNull();
  });

  it('is symmetric and between 0 and 1', () => {
    const sighting = fc.record({
      lat: fc.double({ min: 24.79, max: 24.82, noNaN: true }),
      lng: fc.double({ min: 113.6, max: 113.62, noNaN: true }),
      minutes: fc.integer({ min: 0, max: 240 }),
      elderly: fc.boolean(),
    });
    fc.assert(
      fc.property(sighting, sighting, (x, y) => {
        const toSighting = (s: typeof x): Sighting => ({
          lat: s.lat,
          lng: s.lng,
          address: null,
          descriptors: s.elderly ? ['elderly'] : ['thin_clothing'],
          receivedAt: later(s.minutes * 60_000),
        });
        const ab = duplicateScore(toSighting(x), toSighting(y));
        const ba = duplicateScore(toSighting(y), toSighting(x));
        return ab === ba && (ab === null || (ab >= 0 && ab <= 1));
      }),
    );
  });
});
