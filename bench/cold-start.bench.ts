/**
 * `npm start` cold start: an initialised data dir → /api/health answers 200.
 * Baseline, measured in the same run on the same data dir: the embedded PostgreSQL
 * alone starting and answering `SELECT 1` — the floor Warmline's own start-up sits on.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../packages/server/src/db/embedded.ts';
import { freePort } from '../packages/server/src/testing/server-process.ts';

const RUNS = 5;

async function warmlineStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  // The same process `npm start` ends in (npm → tsx → node main.ts), without npm's own start-up.
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WARMLINE_DEMO: 'auto',
    },
    stdio: 'ignore',
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return performance.now() - t0;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('warmline did not become healthy in 15 s');
  } finally {
    child.kill('SIGTERM');
    await exited; // graceful shutdown stops the embedded PostgreSQL before exiting
  }
}

async function postgresStart(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const db = await startEmbeddedPostgres(dataDir);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query('SELECT 1');
  const ms = performance.now() - t0;
  await client.end();
  await db.stop();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function coldStartBench() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'warmline-bench-'));
  try {
    await warmlineStart(dataDir); // first start: initdb, migrations, regions, demo city
    const warmline: number[] = [];
    const postgres: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      postgres.push(await postgresStart(dataDir));
      warmline.push(await warmlineStart(dataDir));
    }
    return {
      what: `npm start cold start (initialised DB → /api/health 200), median of ${RUNS}`,
      command: 'npm run bench -- cold-start',
      baseline: { label: 'embedded PostgreSQL alone → SELECT 1', ms: median(postgres) },
      result: { ms: median(warmline) },
      target: '≤ 5000 ms',
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
