import { describe, expect, it } from 'vitest';
import {
  activeColours,
  isActive,
  type Warning,
  warningColourOf,
  warningCriteria,
  warningKindOf,
} from './weather.ts';

const w = (over: Partial<Warning>): Warning => ({
  id: 'x',
  identifier: 'x',
  kind: 'cold_wave',
  colour: 'blue',
  regionCodes: ['440204'],
  activeFrom: new Date('2026-12-01T08:00:00+08:00'),
  expires: new Date('2026-12-03T08:00:00+08:00'),
  endedAt: null,
  ...over,
});
const now = new Date('2026-12-02T02:00:00+08:00');

describe('weather warnings', () => {
  it('reads the kind and the colour from the signal name', () => {
    expect(warningKindOf('韶关市气象台发布寒潮橙色预警信号')).toBe('cold_wave');
    expect(warningKindOf('暴雪黄色预警')).toBe('blizzard');
    expect(warningKindOf('道路结冰红色预警信号')).toBe('road_icing');
    expect(warningKindOf('寒冷黄色预警信号')).toBe('low_temperature');
    expect(warningKindOf('暴雨蓝色预警')).toBeNull();
    expect(warningColourOf('寒潮橙色预警信号')).toBe('orange');
    expect(warningColourOf('寒潮预警')).toBeNull();
    expect(warningColourOf('将寒潮红色预警信号降级为橙色')).toBe('orange');
    expect(warningColourOf('寒潮黄色预警升级为红色预警')).toBe('red');
    expect(warningColourOf('红色和橙色')).toBeNull();
  });

  it('is active from effective until expires, unless replaced or cancelled', () => {
    expect(isActive(w({}), now)).toBe(true);
    expect(isActive(w({ activeFrom: new Date('2026-12-02T06:00:00+08:00') }), now)).toBe(false);
    expect(isActive(w({ expires: new Date('2026-12-02T01:00:00+08:00') }), now)).toBe(false);
    expect(isActive(w({ endedAt: new Date('2026-12-02T01:00:00+08:00') }), now)).toBe(false);
    expect(isActive(w({ expires: null }), now)).toBe(true);
  });

  it('keeps the highest colour of each kind per region', () => {
    const m = activeColours(
      [
        w({ colour: 'yellow', regionCodes: ['440204', '440203'] }),
        w({ colour: 'red', regionCodes: ['440204'] }),
        w({ kind: 'blizzard', colour: 'blue', regionCodes: ['440203'] }),
        w({ colour: 'red', regionCodes: ['440203'], endedAt: now }),
      ],
      now,
    );
    expect(m.get('440204')).toEqual({ cold_wave: 'red' });
    expect(m.get('440203')).toEqual({ cold_wave: 'yellow', blizzard: 'blue' });
  });

  it('has reference criteria for every colour a kind is issued in', () => {
    expect(Object.keys(warningCriteria.cold_wave)).toEqual(['blue', 'yellow', 'orange', 'red']);
    expect(warningCriteria.cold_wave.red).toContain('16℃');
    expect(warningCriteria.road_icing.blue).toBeUndefined();
  });
});
