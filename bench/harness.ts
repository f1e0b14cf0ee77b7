/**
 * Server-side bench helpers: an embedded PostgreSQL on a throw-away dir, the real app on
 * 127.0.0.1, and the load-generator child. Whatever a helper starts, it stops (by handle or
 * pid) before it returns, whatever happens.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { startEmbeddedPostgres } from '../packages/server/src/db/embedded.ts';
import { migrateDatabase } from '../packages/server/src/db/migrate.ts';
import { createDb, createPool, type Db } from '../packages/server/src/db/pool.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import type { App } from '../packages/server/src/platform/http.ts';
import { uuidV7Ids } from '../packages/server/src/platform/ids.ts';
import { noTimersScheduler } from '../packages/server/src/platform/jobs.ts';
import { type ChangeFeed, createChangeFeed } from '../packages/server/src/platform/notify.ts';
import type { LoadJob, ResultOf } from './lib.ts';

export interface BenchDatabase {
  url: string;
  pool: pg.Pool;
  db: Db;
}

/**
 * A migrated embedded PostgreSQL on a fresh temporary dir for the length of `fn`; stopped and
 * removed afterwards, whatever happens.
 */
export async function withEmbeddedDatabase<T>(
  name: string,
  poolSize: number,
  fn: (d: BenchDatabase) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), `warmline-bench-${name}-`));
  try {
    const embedded = await startEmbeddedPostgres(dir);
    const pool = createPool(embedded.url, poolSize);
    try {
      await migrateDatabase(pool);
      return await fn({ url: embedded.url, pool, db: createDb(pool) });
    } finally {
      await pool.end();
      await embedded.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface RunningApp {
  app: App;
  port: number;
  changeFeed: ChangeFeed;
}

/**
 * The real app on 127.0.0.1 (random port) with its change feed LISTENing; `extend` adds bench
 * routes before it listens. Closed, with its feed, when `fn` ends.
 */
export async function withRunningApp<T>(
  d: BenchDatabase,
  extend: (app: App) => void,
  fn: (a: RunningApp) => Promise<T>,
): Promise<T> {
  const changeFeed = createChangeFeed(d.pool);
  try {
    await changeFeed.start();
    const app = await buildApp({
      db: d.db,
      // All load comes from 127.0.0.1: lift the soft per-address cap (the per-device one stays).
      config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_IP_RATE_PER_MINUTE: String(10_000_000) }),
      clock: systemClock,
      ids: uuidV7Ids,
      changeFeed,
      scheduler: noTimersScheduler,
      demo: false,
      webDist: null,
    });
    try {
      extend(app);
      await app.listen({ host: '127.0.0.1', port: 0 });
      return await fn({ app, port: (app.server.address() as { port: number }).port, changeFeed });
    } finally {
      await app.close();
    }
  } finally {
    await changeFeed.stop();
  }
}

export interface LoadGenerator {
  run<J extends LoadJob>(job: J): Promise<ResultOf<J>>;
  stop(): Promise<void>;
}

/**
 * A second Node process that makes the load, so its work does not share the server's event
 * loop (it still shares the machine's cores). Stopped by its pid's handle, never by name.
 */
export function startLoadGenerator(): LoadGenerator {
  const child: ChildProcess = fork(new URL('./load-generator.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const onExit = () => reject(new Error('load generator exited'));
        child.once('exit', onExit);
        child.once('message', (msg: { ok: boolean; result?: unknown; error?: string }) => {
          child.off('exit', onExit);
          if (msg.ok) resolve(msg.result as never);
          else reject(new Error(`load generator: ${msg.error}`));
        });
        child.send(job);
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
