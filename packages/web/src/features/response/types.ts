/** Shapes of the response API's answers (see the server's response.schema.ts). */
import type { ResponseLevel, ResponseRule, Role, WarningColour, WarningKind } from '@warmline/domain';

export interface WarningRef {
  id: string;
  kind: WarningKind;
  colour: WarningColour;
  headline: string | null;
  endedAt: string | null;
  expires: string | null;
}

export interface EmergencyResponse {
  id: string;
  regionCode: string;
  regionName: string;
  level: ResponseLevel;
  state: 'active' | 'ended';
  proposedAt: string;
  activatedAt: string;
  auto: boolean;
  endedAt: string | null;
}

export interface ResponseStatus {
  level: ResponseLevel | null;
  active: EmergencyResponse[];
  openProposals: number;
}

export interface Proposal {
  id: string;
  regionCode: string;
  regionName: string;
  kind: 'activate' | 'escalate' | 'lower' | 'deactivate';
  title: string;
  fromLevel: ResponseLevel | null;
  toLevel: ResponseLevel | null;
  forecastMinC: number | null;
  createdAt: string;
  warnings: WarningRef[];
}

export interface ResponseTask {
  id: string;
  code: string;
  title: string;
  ownerRole: Role;
  dueAt: string;
  state: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  escalatedAt: string | null;
  doneAt: string | null;
  onTime: boolean;
  note: string | null;
  /** Live figures for an open task (teams on duty; supplies to move tonight). */
  detail?: {
    teams?: { onDuty: number; minimum: number };
    supplies?: {
      forecastMinC: number | null;
      available: number;
      targets: {
        kind: 'shelter' | 'team_vehicle';
        name: string;
        expected: number;
        have: number;
        suggested: number;
      }[];
    };
  } | null;
}

export interface ResponseSummary extends EmergencyResponse {
  tasksOpen: number;
  tasksOverdue: number;
  tasksDone: number;
}

export interface ResponseDetail extends EmergencyResponse {
  warnings: WarningRef[];
  tasks: ResponseTask[];
}

export interface AfterAction extends EmergencyResponse {
  hours: number;
  tasks: { total: number; done: number; onTime: number; overdue: number; cancelled: number };
  figures: {
    leads: number;
    encounters: number;
    admitted: number;
    medianLeadToArrivalMinutes: number | null;
    sheltersOpened: number;
    itemsMoved: number;
    itemsHandedOut: number;
    shelters: { id: string; name: string; peak: number; capacity: number }[];
    nights: { night: string; minC: number | null; encounters: number; leads: number }[];
  };
}

export interface ResponseTable {
  regionCode: string;
  rules: ResponseRule[];
  autoActivate: boolean;
  custom: boolean;
}
