import { describe, expect, it } from 'vitest';
import { parseCap } from '../modules/weather/cap.ts';
import { seasonStart } from './demo-season-clock.ts';
import { demoForecastMin, demoWarnings } from './demo-season-weather.ts';

const now = new Date('2026-12-02T12:40:00+08:00');

describe('the demo winter’s warnings', () => {
  it('are CAP 1.2 documents that parse, in time order, all before now', () => {
    const list = demoWarnings(now, seasonStart(now));
    expect(list.length).toBe(9);
    for (const [i, w] of list.entries()) {
      if (i) expect(w.sent.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.sent.getTime());
      expect(w.sent < now).toBe(true);
      if (w.source === 'manual') continue;
      const r = parseCap(w.xml);
      expect(r.ok, `${w.headline}: ${r.ok ? '' : r.reason}`).toBe(true);
    }
    const updates = list.flatMap((w) => (w.source !== 'manual' ? [parseCap(w.xml)] : []));
    // Each update or cancel references a document sent before it.
    for (const r of updates)
      if (r.ok)
        for (const ref of r.alert.references)
          expect(updates.some((u) => u.ok && u.alert.identifier === ref.identifier)).toBe(true);
  });

  it('leaves the November snap out of a season too short to have one', () => {
    const early = new Date('2026-11-01T12:00:00+08:00');
    const list = demoWarnings(early, seasonStart(early));
    expect(list.some((w) => w.headline.includes('蓝色'))).toBe(false);
  });

  it('forecasts the mountains colder than the city and the cold wave down below zero', () => {
    expect(demoForecastMin('440282', 40, 48, 2, 0)).toBeLessThan(demoForecastMin('440204', 40, 48, 2, 0));
    expect(demoForecastMin('440204', 46, 48, 2, 0)).toBe(-1);
    expect(demoForecastMin('440204', 5, 48, 43, 0)).toBeGreaterThanOrEqual(8);
    expect(demoForecastMin('440204', 5, 48, 43, 0)).toBeLessThanOrEqual(13);
  });
});
