/** Shapes of the station API's answers (see the server's stay.schema.ts). */
import type { ArrivalKind, CareKind, DischargeType, StayState, TriageFact, ZoneKind } from '@warmline/domain';

export interface Stay {
  id: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  state: StayState;
  arrivalKind: ArrivalKind;
  person: { id: string; tempNumber: string; name: string | null; residentId: string | null };
  sex: 'male' | 'female' | 'unknown';
  age: number | null;
  disabled: boolean;
  impaired: boolean;
  triage: { facts: TriageFact[]; route: 'hospital' | 'police' | 'admit'; notifyPolice: boolean };
  reasonForHelp: string | null;
  identityUnknown: boolean;
  photoTaken: boolean;
  fingerprintTaken: boolean;
  receiptNumber: string | null;
  arrivedAt: string;
  admittedAt: string | null;
  dischargedAt: string | null;
  dischargeType: DischargeType | null;
  day: number | null;
  allowedDays: number | null;
  longStay: boolean;
  overstay: boolean;
  bed: { id: string; label: string; zoneName: string; zoneKind: ZoneKind } | null;
}

export interface StayDetail extends Stay {
  belongings: { id: string; item: string; quantity: number; state: string; note: string | null }[];
  care: { id: string; kind: CareKind; note: string | null; at: string }[];
  basicsDone: CareKind[];
  extensions: { days: number; reason: string; approvedAt: string }[];
  tracing: { id: string; state: string; openedAt: string } | null;
  dischargeDetails: Record<string, unknown> | null;
}

export interface Handover {
  id: string;
  kind: 'station_arrival' | 'hospital_referral';
  state: string;
  orgId: string | null;
  orgName: string | null;
  createdAt: string;
  encounter: { id: string; at: string; category: string };
  person: { id: string; tempNumber: string; name: string | null };
}

export interface BedBoard {
  stations: {
    id: string;
    name: string;
    zones: {
      id: string;
      kind: ZoneKind;
      name: string;
      capacity: number;
      occupied: number;
      beds: { id: string; label: string; stayId: string | null }[];
    }[];
  }[];
}

/** "手机 1" per line → items; a line without a number counts 1. */
export function parseItems(text: string | undefined): { item: string; quantity: number }[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?)[\s×x*]*(\d+)$/.exec(l);
      return m && m[1]!.trim() ? { item: m[1]!.trim(), quantity: Number(m[2]) } : { item: l, quantity: 1 };
    });
}

/** 男 / 女 / 不详, in the encounter form's words. */
export const sexOptions = (t: (key: `encounter.sex.${'male' | 'female' | 'unknown'}`) => string) =>
  (['male', 'female', 'unknown'] as const).map((value) => ({ value, label: t(`encounter.sex.${value}`) }));
