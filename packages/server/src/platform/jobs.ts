import type pg from 'pg';
import PgBoss from 'pg-boss';
import { STARTUP_LOCK, withAdvisoryLock } from '../db/advisory-lock.ts';

/**
 * Background work and timers live in PostgreSQL (pg-boss), never in memory, so a
 * restart loses nothing and any process can pick a job up.
 */
export interface JobDefinition {
  name: string;
  /** cron in Asia/Shanghai; omit for on-demand jobs */
  cron?: string;
  handle(data: unknown): Promise<void>;
}

export interface Jobs {
  boss: PgBoss;
  start(options: { work: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `pool` is only used for the start-up lock: pg-boss's own queue creation deadlocks when
 * two processes start at once (seen in the two-process live test).
 */
export function createJobs(
  pool: pg.Pool,
  connectionString: string,
  definitions: JobDefinition[],
  onError: (e: unknown) => void,
): Jobs {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3, application_name: 'warmline-jobs' });
  boss.on('error', onError);
  return {
    boss,
    async start({ work }) {
      await withAdvisoryLock(pool, STARTUP_LOCK, async () => {
        await boss.start();
        for (const def of definitions) {
          await boss.createQueue(def.name);
          if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
        }
      });
      for (const def of definitions) {
        if (work) {
          await boss.work(def.name, async (jobs) => {
            for (const job of jobs) await def.handle(job.data);
          });
        }
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }),
  };
}

/**
 * How a service asks for work at a time: the deadline also lives in the service's own rows,
 * and a minute sweep re-checks them, so a send lost between commit and queue delays a
 * timer by at most a minute and loses none.
 */
export interface Scheduler {
  at(name: string, data: object, when: Date): Promise<void>;
}

export function bossScheduler(boss: PgBoss): Scheduler {
  return {
    async at(name, data, when) {
      await boss.sendAfter(name, data, {}, when);
    },
  };
}

/** For apps that must never set a timer (health checks, the intake benchmark): fails loudly. */
export const noTimersScheduler: Scheduler = {
  at: async (name) => {
    throw new Error(`no scheduler here: refused timer ${name}`);
  },
};
