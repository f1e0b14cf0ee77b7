import { intakeVerdict, screenLeadText } from '@warmline/domain';

/**
 * What the intake's screening said of a demo lead: the same rules as live (only the public form is
 * screened), so the quarantine queue, the screening's record over it (`screeningTally`) and the
 * dispatchers' verdicts that `spamDecisions` reads are the ones a real season would leave.
 * `columns` go on the lead row, `intake` into its `lead.received` event, as intake writes them.
 */
export function demoScreening(
  source: string,
  lead: { description: string | null; address: string | null; descriptors: string[] },
): { columns: { spamScore?: number; spamReasons?: string[] }; intake: ReturnType<typeof intakeVerdict> } {
  const s =
    source === 'public'
      ? screenLeadText({
          description: lead.description ?? '',
          address: lead.address ?? undefined,
          descriptors: lead.descriptors,
        })
      : null;
  return { columns: s ? { spamScore: s.score, spamReasons: s.reasons } : {}, intake: intakeVerdict(s) };
}
