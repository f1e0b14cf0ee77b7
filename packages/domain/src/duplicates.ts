import type { LeadDescriptor } from './lead.ts';

/**
 * Likely duplicates: two reports of the same person come from near the same place within a
 * few hours, and do not describe different people (a child and an old man are two cases).
 * The command centre is shown candidates for a one-click merge; nothing merges by itself.
 */
export const DUPLICATE_RADIUS_M = 150;
export const DUPLICATE_WINDOW_MS = 3 * 3_600_000;

export interface Sighting {
  lat: number | null;
  lng: number | null;
  address: string | null;
  descriptors: readonly LeadDescriptor[];
  receivedAt: Date;
}

/** Great-circle distance in metres (haversine; WGS-84 mean radius). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A minor and an elderly person are different people unless a group was reported. */
export function descriptorsCompatible(a: readonly LeadDescriptor[], b: readonly LeadDescriptor[]): boolean {
  if (a.includes('group') || b.includes('group')) return true;
  const age = (d: readonly LeadDescriptor[]) =>
    d.includes('minor') ? 'minor' : d.includes('elderly') ? 'elderly' : null;
  const [x, y] = [age(a), age(b)];
  return x === null || y === null || x === y;
}

const normaliseAddress = (s: string) => s.replace(/[\s,，。.、()（）-]/g, '');

/**
 * How likely `b` reports the same case as `a`, from 0 to 1, or null when it is not a
 * candidate at all (too far, too long apart, or describing someone else).
 */
export function duplicateScore(a: Sighting, b: Sighting): number | null {
  const apart = Math.abs(a.receivedAt.getTime() - b.receivedAt.getTime());
  if (apart > DUPLICATE_WINDOW_MS || !descriptorsCompatible(a.descriptors, b.descriptors)) return null;
  let closeness: number;
  if (a.lat !== null && a.lng !== null && b.lat !== null && b.lng !== null) {
    const d = distanceMeters({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng });
    if (d > DUPLICATE_RADIUS_M) return null;
    closeness = 1 - d / DUPLICATE_RADIUS_M;
  } else if (a.address && b.address && normaliseAddress(a.address) === normaliseAddress(b.address)) {
    closeness = 0.8;
  } else {
    return null;
  }
  const shared = a.descriptors.filter((d) => b.descriptors.includes(d)).length;
  const union = new Set([...a.descriptors, ...b.descriptors]).size;
  const likeness = union === 0 ? 0.5 : shared / union;
  const recency = 1 - apart / DUPLICATE_WINDOW_MS;
  return Math.round((0.5 * closeness + 0.3 * recency + 0.2 * likeness) * 100) / 100;
}
