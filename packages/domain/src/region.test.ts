import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinRegion, parentRegionCode, regionLevel, regionPrefix } from './region.ts';

describe('region codes', () => {
  it('knows each level', () => {
    expect(regionLevel('000000')).toBe('national');
    expect(regionLevel('440000')).toBe('province');
    expect(regionLevel('440200')).toBe('city');
    expect(regionLevel('440204')).toBe('county');
    expect(regionLevel('440204001')).toBe('township');
    expect(() => regionLevel('4402')).toThrow(RangeError);
  });

  it('puts a county inside its city but not inside its sibling', () => {
    expect(isWithinRegion('440204', '440200')).toBe(true);
    expect(isWithinRegion('440204001', '440204')).toBe(true);
    expect(isWithinRegion('440203', '440204')).toBe(false);
    expect(isWithinRegion('440200', '440204')).toBe(false);
    expect(isWithinRegion('110101', '000000')).toBe(true);
    expect(regionPrefix('440200')).toBe('4402');
  });

  it('every region lies within each of its ancestors', () => {
    const township = fc
      .tuple(
        fc.integer({ min: 11, max: 65 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 499 }),
      )
      .map(
        ([p, c, a, t]) =>
          `${p}${String(c).padStart(2, '0')}${String(a).padStart(2, '0')}${String(t).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(township, (code) => {
        let ancestor = parentRegionCode(code);
        while (ancestor !== null) {
          if (!isWithinRegion(code, ancestor)) return false;
          ancestor = parentRegionCode(ancestor);
        }
        return true;
      }),
    );
  });
});
