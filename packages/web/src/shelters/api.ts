/**
 * The finder's one endpoint (public, no cookies): the nearest open places to a position or to a
 * typed place. As on /report, "no answer" is told apart from "the server said no".
 */
import type { ShelterAvailability, ShelterHostKind, ShelterKind, ShelterService } from '@warmline/domain';
import { type ApiResult, call } from '../report/api.ts';

export interface FinderPlace {
  id: string;
  name: string;
  kind: ShelterKind;
  hostKind: ShelterHostKind;
  address: string;
  regionName: string;
  lat: number;
  lng: number;
  hoursText: string;
  services: ShelterService[];
  availability: ShelterAvailability;
  phone: string | null;
  distanceM: number | null;
  routeUrl: string;
}

export interface FinderAnswer {
  origin: { kind: 'position' | 'shelter' | 'org' | 'region'; label: string | null } | null;
  unmatched: boolean;
  items: FinderPlace[];
  at: string;
}

export type FinderQuery = { lat: number; lng: number } | { q: string } | null;

export function findShelters(query: FinderQuery): Promise<ApiResult<FinderAnswer>> {
  const params = new URLSearchParams();
  if (query && 'q' in query) params.set('q', query.q);
  else if (query) {
    params.set('lat', String(query.lat));
    params.set('lng', String(query.lng));
  }
  const qs = params.toString();
  return call('GET', `/api/public/shelters${qs ? `?${qs}` : ''}`);
}
