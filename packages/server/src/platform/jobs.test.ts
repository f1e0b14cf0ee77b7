import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';
import { createJobs, type Jobs } from './jobs.ts';

/** Jobs and timers live in PostgreSQL: schedules survive restarts, any process works them. */
let database: TestDatabase;
let jobs: Jobs | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await jobs?.stop();
  await database.drop();
});

describe('jobs', () => {
  it('stores cron schedules durably and works queued jobs', async () => {
    const handled: unknown[] = [];
    const errors: unknown[] = [];
    const definitions = [
      { name: 'session-purge', cron: '17 * * * *', handle: async () => {} },
      {
        name: 'echo',
        handle: async (data: unknown) => {
          handled.push(data);
        },
      },
    ];
    jobs = createJobs(database.pool, database.url, definitions, (e) => errors.push(e));
    await jobs.start({ work: true });

    // Durable: the schedule is a row, not a timer, so a restart or a second process sees it.
    const { rows } = await database.pool.query(`SELECT name, cron, timezone FROM pgboss.schedule`);
    expect(rows).toContainEqual({ name: 'session-purge', cron: '17 * * * *', timezone: 'Asia/Shanghai' });

    await jobs.boss.send('echo', { leadId: 'x' });
    await expect.poll(() => handled, { timeout: 15_000, interval: 200 }).toEqual([{ leadId: 'x' }]);
    expect(errors).toEqual([]);
  });
});
