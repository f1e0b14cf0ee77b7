export interface DutySlot {
  code: string;
  start: string;
  end: string;
}

export interface DutyAssignment {
  id: string;
  day: string;
  slot: string;
  userId: string;
  displayName: string;
  note: string | null;
}

export interface DutyGap {
  day: string;
  slot: string;
  start: string;
  end: string;
}

export interface Roster {
  regionCode: string;
  regionName: string;
  orgId: string | null;
  orgName: string | null;
  from: string;
  to: string;
  slots: DutySlot[];
  hasLeader: boolean;
  assignments: DutyAssignment[];
  gaps: DutyGap[];
  canManage: boolean;
}

export interface DutyCandidate {
  id: string;
  displayName: string;
  role: string;
  orgName: string | null;
}

export interface Handover {
  id: string;
  day: string;
  slot: string;
  text: string;
  writtenByName: string;
  writtenAt: string;
  acknowledgedByName: string | null;
  acknowledgedAt: string | null;
}

/** Which roster the screen shows: the bureau's (no org) or a station's. */
export interface RosterTarget {
  orgId: string | null;
}
