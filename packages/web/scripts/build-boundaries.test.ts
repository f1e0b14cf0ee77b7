import { describe, expect, it } from 'vitest';
import {
  type BoundaryFeature,
  decodeCityFile,
  decodeRing,
  encodeRing,
  loadDivisions,
  type Position,
  readPackageFile,
} from './build-boundaries.ts';

const divisions = loadDivisions();

function allPoints(features: BoundaryFeature[]): Position[] {
  return features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2),
  );
}

describe('ECharts UTF8Encoding decoder', () => {
  it('round-trips a ring through encode and decode', () => {
    const ring: Position[] = [
      [113.5, 24.75],
      [113.6, 24.8],
      [113.45, 24.9],
      [113.5, 24.75],
    ];
    const { encoded, offset } = encodeRing(ring);
    const decoded = decodeRing(encoded, offset);
    expect(decoded).toHaveLength(4);
    decoded.forEach(([lng, lat], i) => {
      expect(lng).toBeCloseTo(ring[i]![0], 2);
      expect(lat).toBeCloseTo(ring[i]![1], 2);
    });
  });

  it('decodes an encoded city (Chongqing) into plausible coordinates', () => {
    const features = decodeCityFile(
      readPackageFile('shape-with-internal-borders/chongqing'),
      '重庆',
      divisions,
    );
    expect(features.length).toBeGreaterThan(30);
    for (const [lng, lat] of allPoints(features)) {
      expect(lng).toBeGreaterThan(105);
      expect(lng).toBeLessThan(110.5);
      expect(lat).toBeGreaterThan(28);
      expect(lat).toBeLessThan(32.5);
    }
    // 梁平县 (500228) became 梁平区 (500155); the current code wins.
    expect(features.find((f) => f.properties.code === '500155')?.properties.name).toBe('梁平区');
    // Reading and decoding the city's 2 MB file takes seconds on a busy machine.
  }, 30_000);
});

describe('Shaoguan 440200', () => {
  const features = decodeCityFile(
    readPackageFile('shape-with-internal-borders/guang3_dong1_shao2_guan1'),
    '韶关',
    divisions,
  );

  it('has its 10 counties with GB/T 2260 codes', () => {
    expect(features).toHaveLength(10);
    const byCode = Object.fromEntries(features.map((f) => [f.properties.code, f.properties.name]));
    expect(byCode['440204']).toBe('浈江区');
    expect(byCode['440203']).toBe('武江区');
    expect(features.every((f) => /^4402\d\d$/.test(f.properties.code))).toBe(true);
  });

  it('lies where Shaoguan is', () => {
    for (const [lng, lat] of allPoints(features)) {
      expect(lng).toBeGreaterThanOrEqual(112);
      expect(lng).toBeLessThanOrEqual(115);
      expect(lat).toBeGreaterThanOrEqual(23.5);
      expect(lat).toBeLessThanOrEqual(26);
    }
  });
});

describe('a file without ids (Cangzhou)', () => {
  it('is placed by city and county names', () => {
    const features = decodeCityFile(
      readPackageFile('shape-with-internal-borders/he2_bei3_cang1_zhou1'),
      '沧州',
      divisions,
    );
    expect(features.length).toBeGreaterThanOrEqual(15);
    expect(features.every((f) => f.properties.code.startsWith('1309'))).toBe(true);
  });
});
