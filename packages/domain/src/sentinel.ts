/**
 * 信息哨点 (GLOSSARY `sentinel`): people whose work keeps them on the street at night register
 * with a phone number and their kind of work, are approved by the bureau, and report leads
 * that carry who they are — and how far their earlier reports held up (their trust).
 */
import type { LeadState } from './lead.ts';

export const sentinelOrgTypes = [
  'sanitation',
  'courier',
  'delivery_rider',
  'driver',
  'security_guard',
  'volunteer',
] as const;
export type SentinelOrgType = (typeof sentinelOrgTypes)[number];

export const sentinelOrgTypeLabels: Record<SentinelOrgType, { zh: string; en: string }> = {
  sanitation: { zh: '环卫工人', en: 'Sanitation worker' },
  courier: { zh: '快递员', en: 'Courier' },
  delivery_rider: { zh: '外卖骑手', en: 'Delivery rider' },
  driver: { zh: '公交/出租司机', en: 'Bus or taxi driver' },
  security_guard: { zh: '安保人员', en: 'Security guard' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
};

export const sentinelStates = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type SentinelState = (typeof sentinelStates)[number];

export const sentinelStateLabels: Record<SentinelState, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending review' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  suspended: { zh: '已暂停', en: 'Suspended' },
};

/** What the bureau may do to a sentinel. */
export const sentinelActions = ['approve', 'reject', 'suspend', 'reinstate'] as const;
export type SentinelAction = (typeof sentinelActions)[number];

/**
 * A registration is decided once (approved or rejected); an approved sentinel can be suspended
 * and reinstated. A rejected one registers again only with a new phone number.
 */
const sentinelMoves: Record<SentinelAction, { from: SentinelState; to: SentinelState }> = {
  approve: { from: 'pending', to: 'approved' },
  reject: { from: 'pending', to: 'rejected' },
  suspend: { from: 'approved', to: 'suspended' },
  reinstate: { from: 'suspended', to: 'approved' },
};

/** The state an action leads to from `from`, or null when the action is not allowed there. */
export function sentinelTransition(from: SentinelState, action: SentinelAction): SentinelState | null {
  const move = sentinelMoves[action];
  return move.from === from ? move.to : null;
}

/** Only an approved sentinel's reports are taken as a sentinel's. */
export function canSentinelReport(state: SentinelState): boolean {
  return state === 'approved';
}

/**
 * How a lead bears on its reporter's trust. Found and helped confirms the report; a team that
 * went and found nobody, or a report quarantined as an ad, counts against it (a little). A
 * closed lead counts as what it was closed from: closed after being helped still confirms,
 * closed straight from the queue (no team went, no reason recorded) says nothing either way,
 * like a duplicate. Open leads have no outcome yet.
 */
export type SentinelLeadOutcome = 'confirmed' | 'unconfirmed' | 'neutral' | 'open';

/** Lead states that confirm a sentinel's report, and those that count against it. */
export const trustConfirmingStates: readonly LeadState[] = ['resolved'];
export const trustDoubtingStates: readonly LeadState[] = ['not_found', 'spam'];

export function sentinelLeadOutcome(
  state: LeadState,
  closedFrom: LeadState | null = null,
): SentinelLeadOutcome {
  const decided = state === 'closed' ? closedFrom : state;
  if (decided && trustConfirmingStates.includes(decided)) return 'confirmed';
  if (decided && trustDoubtingStates.includes(decided)) return 'unconfirmed';
  return state === 'closed' || state === 'duplicate' ? 'neutral' : 'open';
}

/**
 * Trust is the mean of a Beta distribution: a prior of Beta(2, 2) starts every sentinel at 0.5,
 * each confirmed report adds 1 to α, each unconfirmed one 0.5 to β — people in the cold report
 * what they saw in good faith, and a person who moved on is not a false report.
 */
export const TRUST_PRIOR = { alpha: 2, beta: 2 } as const;
export const TRUST_DOUBT_WEIGHT = 0.5;
/** Fewer decided reports than this and the sentinel is still 新哨点, whatever the score. */
export const TRUST_MIN_DECIDED = 3;

export const trustLevels = ['new', 'trusted', 'highly_trusted', 'doubtful'] as const;
export type TrustLevel = (typeof trustLevels)[number];

export const trustLevelLabels: Record<TrustLevel, { zh: string; en: string }> = {
  new: { zh: '新哨点', en: 'New' },
  trusted: { zh: '可信', en: 'Trusted' },
  highly_trusted: { zh: '高度可信', en: 'Highly trusted' },
  doubtful: { zh: '存疑', en: 'Doubtful' },
};

export interface SentinelOutcomeCounts {
  confirmed: number;
  unconfirmed: number;
}

export interface SentinelTrust {
  /** 0–1, two decimals. */
  score: number;
  level: TrustLevel;
}

/**
 * @example sentinelTrust({ confirmed: 0, unconfirmed: 0 }) // { score: 0.5, level: 'new' }
 * @example sentinelTrust({ confirmed: 6, unconfirmed: 0 }) // { score: 0.8, level: 'highly_trusted' }
 */
export function sentinelTrust(counts: SentinelOutcomeCounts): SentinelTrust {
  const confirmed = Math.max(0, counts.confirmed);
  const unconfirmed = Math.max(0, counts.unconfirmed);
  const alpha = TRUST_PRIOR.alpha + confirmed;
  const beta = TRUST_PRIOR.beta + TRUST_DOUBT_WEIGHT * unconfirmed;
  const score = Math.round((alpha / (alpha + beta)) * 100) / 100;
  const level: TrustLevel =
    confirmed + unconfirmed < TRUST_MIN_DECIDED
      ? 'new'
      : score >= 0.8
        ? 'highly_trusted'
        : score >= 0.45
          ? 'trusted'
          : 'doubtful';
  return { score, level };
}

/** Counts the outcomes of a sentinel's leads (each as `{ state, closedFrom }`). */
export function countSentinelOutcomes(
  leads: readonly { state: LeadState; closedFrom?: LeadState | null }[],
): SentinelOutcomeCounts {
  const counts = { confirmed: 0, unconfirmed: 0 };
  for (const l of leads) {
    const outcome = sentinelLeadOutcome(l.state, l.closedFrom ?? null);
    if (outcome === 'confirmed' || outcome === 'unconfirmed') counts[outcome] += 1;
  }
  return counts;
}
