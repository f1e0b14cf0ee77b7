import { screenLeadText } from '@warmline/domain';

/**
 * What the intake's screening said of a demo lead from the public form: the same rules as live
 * (only that channel is screened), so the quarantine queue and the dispatchers' verdicts that
 * `spamDecisions` reads are the ones a real season would leave.
 */
export function demoScreening(
  source: string,
  lead: { description: string | null; address: string | null; descriptors: string[] },
): { spamScore?: number; spamReasons?: string[] } {
  if (source !== 'public') return {};
  const s = screenLeadText({
    description: lead.description ?? '',
    address: lead.address ?? undefined,
    descriptors: lead.descriptors,
  });
  return { spamScore: s.score, spamReasons: s.reasons };
}
