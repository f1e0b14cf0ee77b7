/** Shapes of the supplies API's answers (see the server's supply.schema.ts and movement.schema.ts). */
import type {
  AdjustReason,
  DonorKind,
  ImportErrorCode,
  MovementKind,
  SupplyKind,
  SupplyPlaceKind,
  SupplyUnit,
} from '@warmline/domain';

export interface SupplyItem {
  id: string;
  name: string;
  unit: SupplyUnit;
  supplyKind: SupplyKind;
  isKit: boolean;
  components: { itemId: string; name: string; quantity: number }[];
}

export interface SupplyPlace {
  id: string;
  name: string;
  kind: SupplyPlaceKind;
  regionCode: string;
  regionName: string;
  orgId: string | null;
  orgName: string | null;
  teamId: string | null;
  teamName: string | null;
  shelterId: string | null;
  address: string | null;
  itemCount: number;
  totalQuantity: number;
  lowCount: number;
}

export interface StockRow {
  placeId: string;
  placeName: string;
  placeKind: SupplyPlaceKind;
  regionCode: string;
  itemId: string;
  itemName: string;
  unit: SupplyUnit;
  supplyKind: SupplyKind;
  isKit: boolean;
  quantity: number;
  minQuantity: number | null;
  low: boolean;
}

export interface Discrepancy {
  id: string;
  placeId: string;
  placeName: string;
  itemId: string | null;
  itemName: string | null;
  supplyKind: SupplyKind | null;
  quantity: number;
  movementId: string;
  encounterId: string | null;
  raisedAt: string;
}

export interface SupplyAlerts {
  lowStock: StockRow[];
  discrepancies: Discrepancy[];
}

export interface LedgerEntry {
  movementId: string;
  kind: MovementKind;
  reason: AdjustReason | null;
  note: string | null;
  at: string;
  actorName: string | null;
  itemId: string;
  itemName: string;
  unit: SupplyUnit;
  supplyKind: SupplyKind;
  quantity: number;
  counterpart: string | null;
  encounterId: string | null;
}

export interface Donation {
  id: string;
  donor: { kind: DonorKind; name: string; contactMasked: string | null };
  receivedOn: string;
  placeId: string;
  placeName: string;
  movementId: string;
  note: string | null;
  lines: { itemId: string; itemName: string; quantity: number }[];
  totalQuantity: number;
}

export interface SupplyTeam {
  id: string;
  name: string;
  regionCode: string;
  vehicle: string | null;
  placeId: string | null;
}

/** One refused row of an Excel import (the answer's `details.errors`). */
export interface ImportRowError {
  row: number;
  column: string | null;
  code: ImportErrorCode;
  message: string;
}

export interface Line {
  itemId: string;
  quantity: number;
}
