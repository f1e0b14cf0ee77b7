/**
 * County outlines come from static files made at build time (scripts/build-boundaries.ts):
 * /boundaries/<city code>.json per prefecture-level city and /boundaries/index.json.
 * A region needs its city's file; a province needs each of its cities' files.
 */
import { regionLevel } from '@warmline/domain';

export interface BoundaryProperties {
  code: string;
  name: string;
}
export type BoundaryCollection = GeoJSON.FeatureCollection<
  GeoJSON.Polygon | GeoJSON.MultiPolygon,
  BoundaryProperties
>;

interface BoundaryIndex {
  cities: Record<string, { name: string; counties: number }>;
}

async function getJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url);
  // A city the package has no outline for is not an error: the map shows points only.
  // The SPA fallback may answer a missing file with index.html, hence the content-type check.
  if (response.status === 404 || !response.headers.get('content-type')?.includes('json')) return null;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Above this many cities the outlines cost more to download than they help. */
const MAX_CONTEXT_CITIES = 8;

/**
 * The city files that cover a region. The whole country is too much to draw, so a national
 * view gets the cities its points lie in (`contextRegions`), which is where the work is.
 */
export async function cityCodesFor(regionCode: string, contextRegions: string[] = []): Promise<string[]> {
  const level = regionLevel(regionCode);
  if (level === 'national') {
    const cities = new Set(contextRegions.map((code) => cityFileOf(code)).filter((c) => c !== null));
    return [...cities].sort().slice(0, MAX_CONTEXT_CITIES);
  }
  if (level === 'province') {
    const index = await getJson<BoundaryIndex>('/boundaries/index.json');
    return Object.keys(index?.cities ?? {}).filter((code) => code.startsWith(regionCode.slice(0, 2)));
  }
  return [cityFileOf(regionCode) ?? `${regionCode.slice(0, 4)}00`];
}

/** The file a city-or-lower region's outlines live in; null for province and above. */
function cityFileOf(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'national' || level === 'province') return null;
  // Hong Kong and Macau are filed under their province-level code.
  if (code.startsWith('81') || code.startsWith('82')) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

export async function loadBoundaries(
  regionCode: string,
  contextRegions: string[] = [],
): Promise<BoundaryCollection[]> {
  const codes = await cityCodesFor(regionCode, contextRegions);
  const files = await Promise.all(
    codes.map((code) => getJson<BoundaryCollection>(`/boundaries/${code}.json`)),
  );
  return files.filter((file): file is BoundaryCollection => file !== null);
}

/** The county a region lies in (a township's county), or null above county level. */
export function focusCountyOf(regionCode: string): string | null {
  const level = regionLevel(regionCode);
  return level === 'county' || level === 'township' ? regionCode.slice(0, 6) : null;
}
