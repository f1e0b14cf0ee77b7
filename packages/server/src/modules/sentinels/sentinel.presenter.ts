import { type SentinelOrgType, sentinelTrust } from '@warmline/domain';
import type { OutcomeCounts } from './sentinel.repository.ts';

/** Trust as the API shows it, from the counts the repository gathered. */
export const presentTrust = (outcomes: OutcomeCounts | null) =>
  sentinelTrust({ confirmed: outcomes?.confirmed ?? 0, unconfirmed: outcomes?.unconfirmed ?? 0 });

/**
 * Who reported a lead, for the staff's lead view: the sentinel's name, work and trust (never
 * their phone). Null for leads from other channels.
 */
export function presentLeadSentinel(row: {
  lead: { sentinelId: string | null };
  sentinelName: string | null;
  sentinelOrgType: string | null;
  sentinelOutcomes: OutcomeCounts | null;
}) {
  if (!row.lead.sentinelId || row.sentinelName === null) return null;
  const trust = presentTrust(row.sentinelOutcomes);
  return {
    id: row.lead.sentinelId,
    displayName: row.sentinelName,
    orgType: row.sentinelOrgType as SentinelOrgType,
    trust: trust.score,
    trustLevel: trust.level,
  };
}
