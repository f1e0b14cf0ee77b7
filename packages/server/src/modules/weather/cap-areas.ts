/**
 * Where a warning holds: a CAP area's geocodes (GB/T 2260 codes, as China's feeds give them)
 * name regions directly; its polygons and circles are matched against the county outlines the
 * map has (`Outlines`). What resolves to no known region is kept as it came and flagged for
 * review — a warning is never dropped for an area nobody could place.
 */
import type { CapArea } from './cap.ts';

/** Counties whose outline meets a shape; null when no outlines are loaded. */
export interface Outlines {
  countiesMeeting(
    shape: { polygon: [number, number][] } | { circle: CapArea['circles'][number] },
  ): Promise<string[]>;
}

export interface AreaMapping {
  regionCodes: string[];
  unresolved: {
    areaDesc: string;
    reason: 'unknown_code' | 'no_outline_match' | 'no_outlines' | 'nothing_to_place';
    detail?: string;
  }[];
}

const CODE_NAME = /2260|adcode|区划|region|行政|admin/i;

export async function mapAreas(
  areas: readonly CapArea[],
  deps: { knownRegions: (codes: string[]) => Promise<Set<string>>; outlines: Outlines | null },
): Promise<AreaMapping> {
  const codes = new Set<string>();
  const unresolved: AreaMapping['unresolved'] = [];
  const candidates = areas.flatMap((a) =>
    a.geocodes
      .filter((g) => CODE_NAME.test(g.valueName) || /^\d{6}(\d{3})?$/.test(g.value))
      .map((g) => ({ area: a, value: g.value.trim() })),
  );
  const known = await deps.knownRegions([...new Set(candidates.map((c) => c.value))]);
  for (const a of areas) {
    let placed = false;
    for (const c of candidates.filter((x) => x.area === a)) {
      if (known.has(c.value)) {
        codes.add(c.value);
        placed = true;
      } else unresolved.push({ areaDesc: a.areaDesc, reason: 'unknown_code', detail: c.value });
    }
    const shapes = [
      ...a.polygons.map((polygon) => ({ polygon })),
      ...a.circles.map((circle) => ({ circle })),
    ];
    if (shapes.length && !deps.outlines) {
      if (!placed) unresolved.push({ areaDesc: a.areaDesc, reason: 'no_outlines' });
      continue;
    }
    let met = false;
    for (const shape of shapes) {
      const hit = (await deps.outlines?.countiesMeeting(shape)) ?? [];
      for (const h of hit) codes.add(h);
      if (hit.length) met = true;
    }
    if (shapes.length && !met && !placed)
      unresolved.push({ areaDesc: a.areaDesc, reason: 'no_outline_match' });
    if (!shapes.length && !candidates.some((x) => x.area === a))
      unresolved.push({ areaDesc: a.areaDesc, reason: 'nothing_to_place' });
  }
  return { regionCodes: [...codes].sort(), unresolved };
}

/** The lowest region holding all of these: a county, its city, its province, or the nation. */
export function commonRegion(codes: readonly string[], fallback: string): string {
  if (!codes.length) return fallback;
  const six = codes.map((c) => c.slice(0, 6));
  if (six.every((c) => c === six[0])) return six[0]!;
  if (six.every((c) => c.slice(0, 4) === six[0]!.slice(0, 4))) return `${six[0]!.slice(0, 4)}00`;
  if (six.every((c) => c.slice(0, 2) === six[0]!.slice(0, 2))) return `${six[0]!.slice(0, 2)}0000`;
  return '000000';
}
