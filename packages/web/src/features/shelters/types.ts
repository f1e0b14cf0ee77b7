/** Shapes of the shelter API's answers (see the server's shelter.schema.ts). */
import type {
  ShelterAvailability,
  ShelterHostKind,
  ShelterHours,
  ShelterKind,
  ShelterService,
  ShelterStatus,
} from '@warmline/domain';

export interface Shelter {
  id: string;
  name: string;
  kind: ShelterKind;
  hostKind: ShelterHostKind;
  hostName: string | null;
  orgId: string | null;
  orgName: string | null;
  regionCode: string;
  regionName: string;
  address: string;
  lat: number;
  lng: number;
  hours: ShelterHours;
  capacityDay: number;
  capacityNight: number;
  capacityNow: number;
  maxOccupancy: number;
  services: ShelterService[];
  status: ShelterStatus;
  occupancy: number;
  occupancyAt: string | null;
  availability: ShelterAvailability | null;
  publicPhone: string | null;
  contactName: string | null;
  contactPhone: string | null;
  notes: string | null;
  statusChangedAt: string | null;
  updatedAt: string;
  keepers: { id: string; displayName: string }[];
}

export interface ShelterDetail extends Shelter {
  /** Newest first, the last 20. */
  counts: { clientId: string; count: number; at: string; userName: string | null }[];
}

/** What POST and PUT /api/shelters take. */
export interface ShelterInput {
  name: string;
  kind: ShelterKind;
  hostKind: ShelterHostKind;
  hostName: string | null;
  orgId: string | null;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  hours: ShelterHours;
  capacityDay: number;
  capacityNight: number;
  services: ShelterService[];
  publicPhone: string | null;
  contactName: string | null;
  contactPhone: string | null;
  notes: string | null;
  keeperIds: string[];
}
