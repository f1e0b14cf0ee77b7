/**
 * Writes the command centre's verdicts on screened leads (modules/leads/spam-decisions.ts) to
 * packages/domain/src/spam-corpus/field-<region>-<date>-{spam,genuine}.txt, which
 * `npm run spam:learn` then learns from. Lines already in the corpus are skipped.
 *
 *   DATABASE_URL=postgres://… npm run spam:export -- <region code> <since, YYYY-MM-DD>
 *
 * Read the two files before committing them: a report's mobile and ID numbers are replaced by
 * look-alikes, but a name or an address typed into the text stays as it was written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, createPool } from '../packages/server/src/db/pool.ts';
import { spamDecisions } from '../packages/server/src/modules/leads/spam-decisions.ts';

const [regionCode, since] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url || !regionCode || !/^\d{6}$/.test(regionCode) || !since || Number.isNaN(Date.parse(since))) {
  console.error('usage: DATABASE_URL=… npm run spam:export -- <6-digit region code> <YYYY-MM-DD>');
  process.exit(2);
}
const corpus = path.join(path.dirname(fileURLToPath(import.meta.url)), '../packages/domain/src/spam-corpus');
const known = new Set(
  readdirSync(corpus).flatMap((f) => readFileSync(path.join(corpus, f), 'utf8').split('\n')),
);
const pool = createPool(url, 1);
try {
  const decisions = await spamDecisions(createDb(pool), regionCode, new Date(since));
  const tag = `${regionCode}-${new Date().toISOString().slice(0, 10)}`;
  for (const label of ['spam', 'genuine'] as const) {
    const fresh = decisions[label].filter((l) => !known.has(l));
    const file = path.join(corpus, `field-${tag}-${label}.txt`);
    if (fresh.length) writeFileSync(file, `${fresh.join('\n')}\n`);
    console.log(`${path.relative(process.cwd(), file)}: ${fresh.length} ${label} lines`);
  }
} finally {
  await pool.end();
}
