/**
 * CI guard: the Drizzle schema and the committed SQL migrations must agree. Generates
 * into a scratch copy of the migrations folder; any new file there means drift.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';

const committed = 'packages/server/src/db/migrations';
// drizzle-kit prefixes './' to --out, so the scratch folder must be relative.
const scratch = '.migrations-check';
rmSync(scratch, { recursive: true, force: true });
try {
  cpSync(committed, scratch, { recursive: true });
  const before = new Set(readdirSync(scratch));
  execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      'packages/server/src/db/schema.ts',
      '--out',
      scratch,
      '--name',
      'drift',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const added = readdirSync(scratch).filter((f) => !before.has(f));
  if (!readdirSync(`${scratch}/meta`).some((f) => f.endsWith('_snapshot.json')))
    throw new Error('no snapshots read');
  if (added.length > 0) {
    console.error(
      `schema and migrations drift: drizzle-kit would write ${added.join(', ')}.\nRun \`npm run db:generate\` and commit the migration.`,
    );
    process.exit(1);
  }
  console.log('migrations match the schema');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
