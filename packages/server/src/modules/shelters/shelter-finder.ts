import {
  describeHours,
  rankShelters,
  type ShelterHostKind,
  type ShelterHours,
  type ShelterKind,
  type ShelterService,
  type ShelterStatus,
} from '@warmline/domain';
import gcoord from 'gcoord';
import type { Db } from '../../db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ShelterRow } from './shelter.repository.ts';
import type { PublicShelter, PublicShelterList } from './shelter.schema.ts';
import { createShelterFinderRepository } from './shelter-finder.repository.ts';

/** How many places the finder lists. */
const LISTED = 10;

/**
 * Walking directions in Amap's URI API (opens the app when installed, the web map otherwise).
 * Positions are stored in WGS-84 and Amap reads GCJ-02, so they are converted here, at the edge.
 */
export function amapRouteUrl(place: { lat: number; lng: number; name: string }): string {
  const [lng, lat] = gcoord.transform([place.lng, place.lat], gcoord.WGS84, gcoord.GCJ02);
  const to = `${lng.toFixed(6)},${lat.toFixed(6)},${encodeURIComponent(place.name)}`;
  return `https://uri.amap.com/navigation?to=${to}&mode=walk&coordinate=gaode&callnative=1&src=warmline`;
}

type Origin = NonNullable<PublicShelterList['origin']>;
type Candidate = { shelter: ShelterRow; regionName: string };

/**
 * 附近避寒点 for the public: the nearest open places to a GPS position, or to a place typed by name.
 * There is no geocoder offline, so a typed place is matched against what the database knows, in
 * this order: a district or township of the city whose name starts with it (曲江 → 曲江区: its
 * places), an open place's name or address (its position), a public institution with a position
 * (韶关市救助管理站), any region of the city containing it. Nothing matched: the city's places.
 */
export function createShelterFinder(deps: { db: Db; clock: Clock; publicRegionCode: string }) {
  const { clock, publicRegionCode: city } = deps;
  const repo = createShelterFinderRepository(deps.db);

  async function resolve(q: string): Promise<{ origin: Origin | null; candidates: Candidate[] }> {
    const district = await repo.regionStartingWith(city, q);
    if (district) return byRegion(district);
    const shelter = await repo.shelterMatching(q);
    const institution = shelter ? null : await repo.orgMatching(city, q);
    const place = shelter ?? institution;
    if (place?.lat != null && place.lng != null) {
      const at = { lat: place.lat, lng: place.lng };
      const kind = shelter ? 'shelter' : 'org';
      return { origin: { kind, label: place.name, ...at }, candidates: await repo.nearest(at) };
    }
    const area = await repo.regionMatching(city, q);
    return area ? byRegion(area) : { origin: null, candidates: await repo.inRegion(city) };
  }

  async function byRegion(r: { code: string; name: string }) {
    return {
      origin: { kind: 'region' as const, label: r.name, lat: null, lng: null },
      candidates: await repo.inRegion(r.code),
    };
  }

  return {
    async find(query: {
      lat?: number | undefined;
      lng?: number | undefined;
      q?: string | undefined;
    }): Promise<PublicShelterList> {
      const now = clock.now();
      let origin: Origin | null = null;
      let candidates: Candidate[];
      let unmatched = false;
      if (query.lat !== undefined && query.lng !== undefined) {
        origin = { kind: 'position', label: null, lat: query.lat, lng: query.lng };
        candidates = await repo.nearest(origin as { lat: number; lng: number });
      } else if (query.q) {
        ({ origin, candidates } = await resolve(query.q));
        unmatched = origin === null;
      } else {
        candidates = await repo.inRegion(city);
      }
      const from = origin?.lat != null && origin.lng != null ? { lat: origin.lat, lng: origin.lng } : null;
      const places = candidates.map((c) => ({
        ...c,
        name: c.shelter.name,
        lat: c.shelter.lat,
        lng: c.shelter.lng,
        status: c.shelter.status as ShelterStatus,
        hours: c.shelter.hours as ShelterHours,
      }));
      const items = rankShelters(places, from, now, LISTED).map(
        (p): PublicShelter => ({
          id: p.shelter.id,
          name: p.name,
          kind: p.shelter.kind as ShelterKind,
          hostKind: p.shelter.hostKind as ShelterHostKind,
          address: p.shelter.address,
          regionName: p.regionName,
          lat: p.lat,
          lng: p.lng,
          hours: p.hours,
          hoursText: describeHours(p.hours),
          services: p.shelter.services as ShelterService[],
          availability: p.availability,
          phone: p.shelter.publicPhone,
          distanceM: p.distanceM,
          routeUrl: amapRouteUrl(p),
        }),
      );
      return { origin, unmatched, items, at: now.toISOString() };
    },
  };
}
export type ShelterFinder = ReturnType<typeof createShelterFinder>;
