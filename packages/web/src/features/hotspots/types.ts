/** Shapes of the hotspot API's answers (see the server's hotspot.schema.ts). */
import type { CoverageState, HotspotKind, HotspotRisk } from '@warmline/domain';

export interface Hotspot {
  id: string;
  name: string;
  kind: HotspotKind;
  risk: HotspotRisk;
  regionCode: string;
  regionName: string;
  address: string | null;
  lat: number;
  lng: number;
  usualCount: number;
  notes: string | null;
  lastVisitedAt: string | null;
  /** `intervalHours`: the risk's, or shorter at night under an emergency response. */
  coverage: { state: CoverageState; hoursSince: number | null; dueAt: string | null; intervalHours: number };
}

/** A patrol's check-in (打卡) at a hotspot. */
export interface Checkin {
  id: string;
  clientId: string;
  hotspotId: string;
  hotspotName: string;
  teamId: string | null;
  teamName: string | null;
  distanceM: number;
  tooFar: boolean;
  peopleSeen: number | null;
  at: string;
}

export interface HotspotDetail extends Hotspot {
  /** Newest first, the last 20. */
  checkins: Checkin[];
}

/** What POST and PUT /api/hotspots take. */
export interface HotspotInput {
  name: string;
  kind: HotspotKind;
  risk: HotspotRisk;
  regionCode: string;
  address: string | null;
  lat: number;
  lng: number;
  usualCount: number;
  notes: string | null;
}
