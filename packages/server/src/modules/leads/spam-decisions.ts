/**
 * The command centre's own verdicts on screened leads, as labelled text for the spam corpus
 * (`npm run spam:export`): every new writer of ads brings trades no list has, and a city's
 * dispatchers see that city's ads first. Which lead gets which label is `corpusLabel`'s rule.
 */
import {
  corpusLabel,
  regionPrefix,
  type ScreeningCounts,
  type ScreeningRates,
  screeningOutcome,
  screeningRates,
  toCorpusLine,
} from '@warmline/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';

export interface SpamDecisions {
  spam: string[];
  genuine: string[];
}

/** Decisions on leads received since `since` in the region `regionCode` (and all below it). */
export async function spamDecisions(db: Db, regionCode: string, since: Date): Promise<SpamDecisions> {
  const rows = (
    await db.execute<{
      description: string | null;
      address: string | null;
      state: string;
      decision: 'lead.quarantined' | 'lead.restored' | null;
      dispatched: boolean;
    }>(sql`
      select l.description, l.address, l.state,
        (select e.action from event e
          where e.entity_type = 'lead' and e.entity_id = l.id::text and e.actor_id is not null
            and e.action in ('lead.quarantined', 'lead.restored')
          order by e.seq desc limit 1) as decision,
        exists (select 1 from event e
          where e.entity_type = 'lead' and e.entity_id = l.id::text and e.action = 'lead.dispatched') as dispatched
      from lead l
      where l.spam_score is not null and l.region_code like ${`${regionPrefix(regionCode)}%`} and l.received_at >= ${since}
      order by l.received_at, l.id`)
  ).rows;
  const out: SpamDecisions = { spam: [], genuine: [] };
  const seen = new Set<string>();
  for (const r of rows) {
    const label = corpusLabel(r);
    if (!label) continue;
    const line = toCorpusLine([r.description, r.address], label);
    if (line && !seen.has(line)) {
      seen.add(line);
      out[label].push(line);
    }
  }
  return out;
}

export interface ScreeningTally extends ScreeningCounts, ScreeningRates {
  /** SPAM_MODEL_VERSION at intake; null for leads screened before versions were recorded. */
  model: string | null;
}

/**
 * How the screening did on leads received since `since` in the region (and all below it): one
 * tally per model version, the newest model first. The verdict at intake is read from each
 * lead's `lead.received` event, so a later change of threshold does not rewrite history.
 */
export async function screeningTally(db: Db, regionCode: string, since: Date): Promise<ScreeningTally[]> {
  // Grouped by model, verdict and state; each model's groups come together, the newest model first.
  const rows = (
    await db.execute<{ model: string | null; screened_spam: boolean; state: string; n: number }>(sql`
      select e.payload->>'spamModel' as model, (e.payload->>'state') = 'spam' as screened_spam, l.state,
        count(*)::int as n
      from lead l
      join event e on e.entity_type = 'lead' and e.entity_id = l.id::text and e.action = 'lead.received'
      where l.spam_score is not null and l.region_code like ${`${regionPrefix(regionCode)}%`} and l.received_at >= ${since}
      group by 1, 2, 3
      order by max(max(l.received_at)) over (partition by e.payload->>'spamModel') desc, 1, 2, 3`)
  ).rows;
  const byModel = new Map<string | null, ScreeningCounts>();
  for (const r of rows) {
    const t = byModel.get(r.model) ?? { held: 0, restored: 0, missed: 0, passed: 0 };
    t[screeningOutcome({ screenedSpam: r.screened_spam, state: r.state })] += r.n;
    byModel.set(r.model, t);
  }
  return [...byModel].map(([model, c]) => ({ model, ...c, ...screeningRates(c) }));
}
