import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { session } from '../db/schema.ts';
import { fixedClock } from '../platform/clock.ts';
import { uuidV7Ids } from '../platform/ids.ts';
import { createChangeFeed } from '../platform/notify.ts';
import { TEST_PASSWORD } from './builders.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

/** Timers the app asked for; a test fires them by calling the job's handler itself. */
export interface RecordedTimer {
  name: string;
  data: object;
  when: Date;
}

export interface TestApp extends TestDatabase {
  timers: RecordedTimer[];
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  /** A fresh session for a user without the cost (and rate limit) of signing in. */
  sessionFor(userId: string): Promise<string>;
  /** Signs in through the real route and returns the Cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** `webDist`: a folder with a built web app to serve, or none (API only). */
export async function createTestApp(
  options: { webDist?: string; config?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = fixedClock(new Date('2026-12-15T20:00:00+08:00'));
  const changeFeed = createChangeFeed(database.pool);
  const timers: RecordedTimer[] = [];
  const app = await buildApp({
    db: database.db,
    config: loadConfig({ LOG_LEVEL: 'silent', ...options.config }),
    clock,
    ids: uuidV7Ids,
    changeFeed,
    scheduler: { at: async (name, data, when) => void timers.push({ name, data, when }) },
    demo: false,
    webDist: options.webDist ?? null,
  });
  await app.ready();
  return {
    ...database,
    timers,
    app,
    clock,
    async sessionFor(userId) {
      const token = randomBytes(32).toString('base64url');
      await database.db.insert(session).values({
        tokenHash: createHash('sha256').update(token).digest('hex'),
        userId,
        createdAt: clock.now(),
        lastSeenAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 3_600_000),
      });
      return `wl_session=${token}`;
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'wl_session');
      return `wl_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await changeFeed.stop();
      await database.drop();
    },
  };
}
