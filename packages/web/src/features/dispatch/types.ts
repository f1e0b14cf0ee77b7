/** Shapes of the dispatch API's answers (see the server's dispatch and team schemas). */
import type { AlertKind, Department, DispatchOutcome, DispatchState, TeamStatus } from '@warmline/domain';
import type { Lead } from '../../app/types.ts';

export interface Team {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  orgId: string | null;
  orgName: string | null;
  vehicle: string | null;
  status: TeamStatus;
  lat: number | null;
  lng: number | null;
  positionAt: string | null;
  members: {
    id: string;
    userId: string | null;
    displayName: string;
    department: Department;
    isLeader: boolean;
  }[];
  activeDispatch: { id: string; leadId: string; trackingCode: string; state: DispatchState } | null;
}

export interface Dispatch {
  id: string;
  leadId: string;
  teamId: string;
  teamName: string;
  state: DispatchState;
  assignedAt: string;
  acceptBy: string;
  acceptedAt: string | null;
  arriveBy: string;
  arrivedAt: string | null;
  endedAt: string | null;
  etaMinutes: number | null;
  distanceM: number | null;
  outcome: DispatchOutcome | null;
  note: string | null;
  /** What the team needs to find the person; no reporter data. */
  lead: Pick<
    Lead,
    | 'trackingCode'
    | 'state'
    | 'descriptors'
    | 'vulnerable'
    | 'description'
    | 'address'
    | 'lat'
    | 'lng'
    | 'regionName'
    | 'receivedAt'
  >;
}

export interface Recommendation {
  teamId: string;
  teamName: string;
  vehicle: string | null;
  regionName: string;
  memberCount: number;
  distanceM: number;
  etaMinutes: number;
  positionAt: string | null;
  stale: boolean;
}

export interface Alert {
  id: string;
  kind: AlertKind;
  regionCode: string;
  leadId: string | null;
  trackingCode: string | null;
  dispatchId: string | null;
  teamName: string | null;
  raisedAt: string;
  acknowledgedAt: string | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  payload: Record<string, unknown>;
}
