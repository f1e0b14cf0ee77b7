import { describe, expect, it } from 'vitest';
import { hotspotsLeft, shiftTrips } from './shift.ts';

describe('shiftTrips', () => {
  it('counts each member once and each distinct vehicle once', () => {
    expect(shiftTrips({ members: ['张伟', '李振华', '黄志明'], vehicles: ['粤F·J1206'] })).toEqual({
      staffTrips: 3,
      vehicleTrips: 1,
    });
    expect(shiftTrips({ members: ['a'], vehicles: [] })).toEqual({ staffTrips: 1, vehicleTrips: 0 });
    expect(shiftTrips({ members: [], vehicles: ['粤F·1', '粤F·1', '粤F·2'] }).vehicleTrips).toBe(2);
  });
});

describe('hotspotsLeft', () => {
  it('keeps the planned order and drops the visited', () => {
    expect(hotspotsLeft(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c']);
    expect(hotspotsLeft([], new Set(['b']))).toEqual([]);
  });
});
