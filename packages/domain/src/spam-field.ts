/**
 * How the spam screening is doing in the field, read off what the command centre did with the
 * leads it screened. The corpus measures the screening on texts somebody wrote for it; this
 * measures it on the texts a city really received, which no test set can stand in for.
 *
 * The four ways a screened lead can end up:
 * - held: the screening quarantined it and it is still quarantined;
 * - restored: the screening quarantined it and a person restored it (a genuine report wronged);
 * - missed: the screening let it through and a person quarantined it (spam that got past);
 * - passed: the screening let it through and it was never quarantined.
 *
 * Both rates are estimates that lean the screening's way: a held lead nobody has looked at
 * counts as spam, and a passed lead nobody has acted on counts as genuine. They are only as good
 * as the review of the quarantine queue.
 */
import { SPAM_MODEL_VERSION, type SpamScreening } from './spam.ts';

/**
 * What intake records of its screening in `lead.received` (and the lead's first state): the
 * verdict the tally reads back, so a later model or threshold does not rewrite it. An unscreened
 * channel (hotline, partner, sentinel) records only its state.
 */
export function intakeVerdict(screening: SpamScreening | null): {
  state: 'new' | 'spam';
  spamScore?: number;
  spamModel?: string;
} {
  if (!screening) return { state: 'new' };
  return {
    state: screening.quarantine ? 'spam' : 'new',
    spamScore: screening.score,
    spamModel: SPAM_MODEL_VERSION,
  };
}

/** The target: at least this share of spam caught… */
export const SPAM_TARGET_CAUGHT = 0.95;
/** …and at most this share of genuine reports quarantined. */
export const SPAM_TARGET_WRONGED = 0.01;

export interface ScreeningCounts {
  held: number;
  restored: number;
  missed: number;
  passed: number;
}

/** Which of the four a lead is: `screenedSpam` from its `lead.received` event, `state` now. */
export function screeningOutcome(lead: { screenedSpam: boolean; state: string }): keyof ScreeningCounts {
  const quarantined = lead.state === 'spam';
  if (lead.screenedSpam) return quarantined ? 'held' : 'restored';
  return quarantined ? 'missed' : 'passed';
}

export interface ScreeningRates {
  /** Share of spam the screening caught, held / (held + missed); null with no spam yet. */
  caught: number | null;
  /** Share of genuine reports it quarantined, restored / (restored + passed); null with none yet. */
  wronged: number | null;
  /** Both rates known and within the target. */
  onTarget: boolean;
}

export function screeningRates(c: ScreeningCounts): ScreeningRates {
  const caught = c.held + c.missed > 0 ? c.held / (c.held + c.missed) : null;
  const wronged = c.restored + c.passed > 0 ? c.restored / (c.restored + c.passed) : null;
  return {
    caught,
    wronged,
    onTarget:
      caught !== null && wronged !== null && caught >= SPAM_TARGET_CAUGHT && wronged <= SPAM_TARGET_WRONGED,
  };
}
