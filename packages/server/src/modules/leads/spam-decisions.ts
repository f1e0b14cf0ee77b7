/**
 * The command centre's own verdicts on screened leads, as labelled text for the spam corpus
 * (`npm run spam:export`): every new writer of ads brings trades no list has, and a city's
 * dispatchers see that city's ads first. Which lead gets which label is `corpusLabel`'s rule.
 */
import { corpusLabel, regionPrefix, toCorpusLine } from '@warmline/domain';
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
