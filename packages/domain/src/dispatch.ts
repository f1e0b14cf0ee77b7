/**
 * Dispatch rules (指挥调度): which teams to recommend for a lead, by estimated arrival,
 * and the clocks every assignment runs against. Pure; the server stores and enforces.
 */
import { distanceMeters } from './duplicates.ts';
import { type LeadDescriptor, vulnerableDescriptors } from './lead.ts';

/** Departments a joint patrol draws its members from. */
export const departments = ['civil_affairs', 'police', 'urban_management', 'health', 'transport'] as const;
export type Department = (typeof departments)[number];

export const departmentLabels: Record<Department, { zh: string; en: string }> = {
  civil_affairs: { zh: '民政', en: 'Civil affairs' },
  police: { zh: '公安', en: 'Police' },
  urban_management: { zh: '城管', en: 'Urban management' },
  health: { zh: '卫健', en: 'Health' },
  transport: { zh: '交通', en: 'Transport' },
};

export const teamStatuses = ['off_duty', 'available', 'en_route', 'on_scene'] as const;
export type TeamStatus = (typeof teamStatuses)[number];

export const teamStatusLabels: Record<TeamStatus, { zh: string; en: string }> = {
  off_duty: { zh: '未在岗', en: 'Off duty' },
  available: { zh: '待命', en: 'Available' },
  en_route: { zh: '前往途中', en: 'En route' },
  on_scene: { zh: '现场处置', en: 'On scene' },
};

/** An assignment's life: pending (awaiting acceptance) → accepted → on_scene → completed. */
export const dispatchStates = [
  'pending',
  'accepted',
  'on_scene',
  'completed',
  'declined',
  'expired',
  'cancelled',
] as const;
export type DispatchState = (typeof dispatchStates)[number];
export const liveDispatchStates: readonly DispatchState[] = ['pending', 'accepted', 'on_scene'];

export const dispatchStateLabels: Record<DispatchState, { zh: string; en: string }> = {
  pending: { zh: '待接单', en: 'Awaiting acceptance' },
  accepted: { zh: '已接单', en: 'Accepted' },
  on_scene: { zh: '已到场', en: 'On scene' },
  completed: { zh: '已完成', en: 'Completed' },
  declined: { zh: '已拒单', en: 'Declined' },
  expired: { zh: '超时未接', en: 'Not accepted in time' },
  cancelled: { zh: '已撤回', en: 'Withdrawn' },
};

/** How a team closes an assignment; each moves the lead to one state. */
export const dispatchOutcomes = ['helped', 'not_found', 'false_alarm'] as const;
export type DispatchOutcome = (typeof dispatchOutcomes)[number];

export const dispatchOutcomeLabels: Record<DispatchOutcome, { zh: string; en: string }> = {
  helped: { zh: '已找到并救助', en: 'Found and helped' },
  not_found: { zh: '未找到', en: 'Not found' },
  false_alarm: { zh: '误报（无需救助）', en: 'False alarm' },
};

export const leadStateAfterOutcome = {
  helped: 'resolved',
  not_found: 'not_found',
  false_alarm: 'closed',
} as const satisfies Record<DispatchOutcome, string>;

export interface Point {
  lat: number;
  lng: number;
}

/**
 * Arrival estimates. Straight-line distance × a road factor at an average urban speed is
 * the estimate now; a routing service can replace it behind this interface later.
 */
export interface RouteEstimator {
  etaMinutes(from: Point, to: Point): number;
}

/** Chinese city streets run ~1.4× the straight line; a patrol van averages ~25 km/h at night. */
export const ROAD_FACTOR = 1.4;
export const URBAN_SPEED_KMH = 25;
/** Getting into the van and away: every dispatch pays it. */
export const SETUP_MINUTES = 2;

export const straightLineEstimator: RouteEstimator = {
  etaMinutes(from, to) {
    const km = (distanceMeters(from, to) * ROAD_FACTOR) / 1000;
    return Math.ceil(SETUP_MINUTES + (km / URBAN_SPEED_KMH) * 60);
  },
};

export interface TeamCandidate extends Point {
  id: string;
  status: TeamStatus;
}

export interface Recommendation {
  teamId: string;
  distanceM: number;
  etaMinutes: number;
}

/** Teams with a position older than this are not trusted for an estimate. */
export const POSITION_STALE_MS = 2 * 3_600_000;

/**
 * The best `limit` available teams for a lead, soonest arrival first (ties: nearer, then
 * id, so the order is stable). Only `available` teams are candidates: a team en route or
 * on scene is busy with someone else.
 */
export function recommendTeams(
  lead: Point,
  teams: readonly TeamCandidate[],
  limit = 5,
  estimator: RouteEstimator = straightLineEstimator,
): Recommendation[] {
  const out: Recommendation[] = [];
  for (const t of teams) {
    if (t.status !== 'available') continue;
    out.push({
      teamId: t.id,
      distanceM: Math.round(distanceMeters(t, lead)),
      etaMinutes: estimator.etaMinutes(t, lead),
    });
  }
  out.sort(
    (a, b) => a.etaMinutes - b.etaMinutes || a.distanceM - b.distanceM || (a.teamId < b.teamId ? -1 : 1),
  );
  return out.slice(0, limit);
}

export function isVulnerableLead(descriptors: readonly string[]): boolean {
  return descriptors.some((d) => vulnerableDescriptors.includes(d as LeadDescriptor));
}

/**
 * Queue priority, lower first: minors, then the injured or ill and the mentally distressed,
 * then the elderly, then everyone else; an older lead goes first within a tier.
 */
export function leadPriority(descriptors: readonly string[]): number {
  if (descriptors.includes('minor')) return 0;
  if (descriptors.includes('injured_or_ill') || descriptors.includes('mental_distress')) return 1;
  if (descriptors.includes('elderly')) return 2;
  return 3;
}

/** The clocks. Defaults follow a city command centre's practice; bureaus may tighten them. */
export interface SlaPolicy {
  /** From a lead's arrival to its first assignment. */
  dispatchMinutes: number;
  dispatchMinutesVulnerable: number;
  /** A team must accept within this, or the duty leader is alerted and the lead returns. */
  acceptMinutes: number;
  /** From assignment to the team on scene: the estimate plus slack, capped by these. */
  arrivalMinutes: number;
  arrivalMinutesVulnerable: number;
}

export const defaultSlaPolicy: SlaPolicy = {
  dispatchMinutes: 15,
  dispatchMinutesVulnerable: 5,
  acceptMinutes: 5,
  arrivalMinutes: 45,
  arrivalMinutesVulnerable: 30,
};

/** When the team must be on scene: estimate + 10 minutes' slack, never past the cap. */
export function arrivalDeadline(
  assignedAt: Date,
  etaMinutes: number | null,
  vulnerable: boolean,
  policy: SlaPolicy = defaultSlaPolicy,
): Date {
  const cap = vulnerable ? policy.arrivalMinutesVulnerable : policy.arrivalMinutes;
  const minutes = etaMinutes === null ? cap : Math.min(cap, etaMinutes + 10);
  return new Date(assignedAt.getTime() + minutes * 60_000);
}

export function dispatchDeadline(
  receivedAt: Date,
  vulnerable: boolean,
  policy: SlaPolicy = defaultSlaPolicy,
): Date {
  const minutes = vulnerable ? policy.dispatchMinutesVulnerable : policy.dispatchMinutes;
  return new Date(receivedAt.getTime() + minutes * 60_000);
}

/** How an SLA timer reads on screen: ok, soon (last fifth of the time), or overdue. */
export type SlaStatus = 'ok' | 'soon' | 'overdue';

export function slaStatus(start: Date, deadline: Date, now: Date): SlaStatus {
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= (deadline.getTime() - start.getTime()) / 5 ? 'soon' : 'ok';
}

export const alertKinds = ['not_accepted', 'arrival_overdue'] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertKindLabels: Record<AlertKind, { zh: string; en: string }> = {
  not_accepted: {
    zh: '派单超时未接，线索已退回待派',
    en: 'Not accepted in time; lead returned to the queue',
  },
  arrival_overdue: { zh: '救助队超时未到场', en: 'Team has not arrived in time' },
};
