import { describe, expect, it } from 'vitest';
import { createOutlines } from './outlines.ts';

const outlines = createOutlines();

describe('county outlines for warnings’ shapes', () => {
  it('places a polygon over 南雄’s northern hills in 南雄 (and only where its outline reaches)', async () => {
    const hit = await outlines.countiesMeeting({
      polygon: [
        [25.3, 114.2],
        [25.3, 114.5],
        [25.05, 114.5],
        [25.05, 114.2],
        [25.3, 114.2],
      ],
    });
    expect(hit).toContain('440282');
    expect(hit.every((c) => c.startsWith('44') || c.startsWith('36'))).toBe(true);
  }, 60_000);

  it('places a circle around 韶关 city centre in its urban districts, none far away', async () => {
    const hit = await outlines.countiesMeeting({ circle: { lat: 24.81, lng: 113.6, radiusKm: 3 } });
    expect(hit).toContain('440204');
    expect(hit.every((c) => c.startsWith('4402'))).toBe(true);
  });

  it('places a shape at sea nowhere', async () => {
    expect(await outlines.countiesMeeting({ circle: { lat: 20, lng: 120, radiusKm: 5 } })).toEqual([]);
  });
});
