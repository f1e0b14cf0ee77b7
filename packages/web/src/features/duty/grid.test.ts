import { describe, expect, it } from 'vitest';
import { gridCells, gridRows, isOpenGap, mondayOf, rangeDays } from './grid.ts';

describe('duty grid', () => {
  const slots = [
    { code: 'night', start: '00:00', end: '08:00' },
    { code: 'day', start: '08:00', end: '16:00' },
  ];

  it('puts the leader first for a bureau, none for a station', () => {
    expect(gridRows({ slots, hasLeader: true })).toEqual(['leader', 'night', 'day']);
    expect(gridRows({ slots, hasLeader: false })).toEqual(['night', 'day']);
  });

  it('files people and gaps under their cell', () => {
    const cells = gridCells({
      assignments: [
        { id: 'a', day: '2026-12-14', slot: 'day', userId: 'u', displayName: '王芳', note: null },
      ],
      gaps: [
        { day: '2026-12-14', slot: 'night', start: '2026-12-13T16:00:00Z', end: '2026-12-14T00:00:00Z' },
      ],
    });
    expect(cells.get('2026-12-14|day')?.people.map((p) => p.displayName)).toEqual(['王芳']);
    expect(cells.get('2026-12-14|night')?.gap?.slot).toBe('night');
  });

  it('reds only gaps still to come, and counts weeks in Beijing time', () => {
    const gap = {
      day: '2026-12-14',
      slot: 'night',
      start: '2026-12-13T16:00:00Z',
      end: '2026-12-14T00:00:00Z',
    };
    expect(isOpenGap(gap, new Date('2026-12-13T20:00:00Z'))).toBe(true);
    expect(isOpenGap(gap, new Date('2026-12-14T01:00:00Z'))).toBe(false);
    expect(mondayOf(new Date('2026-12-20T16:30:00Z'))).toBe('2026-12-21');
    expect(rangeDays('2026-12-30', '2027-01-01')).toHaveLength(3);
  });
});
