import { SPAM_MODEL_VERSION, SPAM_QUARANTINE_THRESHOLD, screenLeadText } from '@warmline/domain';

/**
 * What the intake's screening said of a demo lead from the public form: the same rules as live
 * (only that channel is screened), so the quarantine queue, the screening's record over it
 * (`screeningTally`) and the dispatchers' verdicts that `spamDecisions` reads are the ones a
 * real season would leave.
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

/** What intake writes into `lead.received` for a lead so screened: its first state and the verdict. */
export function demoIntake(screening: { spamScore?: number }): {
  state: 'new' | 'spam';
  spamScore?: number;
  spamModel?: string;
} {
  if (screening.spamScore === undefined) return { state: 'new' };
  return {
    state: screening.spamScore >= SPAM_QUARANTINE_THRESHOLD ? 'spam' : 'new',
    spamScore: screening.spamScore,
    spamModel: SPAM_MODEL_VERSION,
  };
}
