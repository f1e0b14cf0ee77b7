import {
  capacityAt,
  maxOccupancy,
  type ShelterHostKind,
  type ShelterHours,
  type ShelterKind,
  type ShelterService,
  type ShelterStatus,
  shelterAvailability,
} from '@warmline/domain';
import type { ShelterListRow } from './shelter.repository.ts';
import type { ShelterView } from './shelter.schema.ts';

export type Keeper = { shelterId: string; id: string; displayName: string };

/** A place as staff see it at `now` (its capacity in force and what the finder says of it). */
export function presentShelter(
  { shelter: s, regionName, orgName }: ShelterListRow,
  keepers: Keeper[],
  now: Date,
) {
  const hours = s.hours as ShelterHours;
  const status = s.status as ShelterStatus;
  return {
    id: s.id,
    name: s.name,
    kind: s.kind as ShelterKind,
    hostKind: s.hostKind as ShelterHostKind,
    hostName: s.hostName,
    orgId: s.orgId,
    orgName,
    regionCode: s.regionCode,
    regionName,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    hours,
    capacityDay: s.capacityDay,
    capacityNight: s.capacityNight,
    capacityNow: capacityAt(s, now),
    maxOccupancy: maxOccupancy(s),
    services: s.services as ShelterService[],
    status,
    occupancy: s.occupancy,
    occupancyAt: s.occupancyAt?.toISOString() ?? null,
    availability: shelterAvailability({ ...s, status, hours }, now),
    publicPhone: s.publicPhone,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    notes: s.notes,
    statusChangedAt: s.statusChangedAt?.toISOString() ?? null,
    updatedAt: s.updatedAt.toISOString(),
    keepers: keepers.filter((k) => k.shelterId === s.id).map(({ id, displayName }) => ({ id, displayName })),
  } satisfies ShelterView;
}
