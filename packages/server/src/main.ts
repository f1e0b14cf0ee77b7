import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDutySlots } from '@warmline/domain';
import pino from 'pino';
import { buildApp, dispatchPolicy, weatherWarnings } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { migrateDatabase } from './db/migrate.ts';
import { createDb, createPool } from './db/pool.ts';
import { demoUsersTable, isDatabaseEmpty, isDemoDatabase, seedDemo } from './demo/seed.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import {
  createDispatchService,
  DISPATCH_CHECK_JOB,
  DISPATCH_SWEEP_JOB,
} from './modules/dispatch/dispatch.service.ts';
import { createDutyGapCheck, DUTY_GAP_CHECK_JOB } from './modules/duty/duty-gap-check.ts';
import { createDutyLookup } from './modules/duty/duty-lookup.ts';
import { createNotifier } from './modules/notifications/notifier.ts';
import { loadRegions } from './modules/regions/region.loader.ts';
import { createRegionRepository } from './modules/regions/region.repository.ts';
import { createRegionService } from './modules/regions/region.service.ts';
import { activeResponseRegions, responseLevelAt } from './modules/response/lookups.ts';
import { createResponseService, RESPONSE_EVALUATE_JOB } from './modules/response/response.service.ts';
import {
  createResponseTasks,
  RESPONSE_TASK_CHECK_JOB,
  RESPONSE_TASK_SWEEP_JOB,
  type ResponseDeps,
} from './modules/response/response-tasks.ts';
import { createShelterService, SHELTER_SWEEP_JOB } from './modules/shelters/shelter.service.ts';
import { rollup, STAT_ROLLUP_JOB } from './modules/stats/rollup.ts';
import { createWeatherFeed, feedCron, WEATHER_FEED_JOB } from './modules/weather/weather-feed.ts';
import { systemClock } from './platform/clock.ts';
import { createEventRecorder } from './platform/events.ts';
import { uuidV7Ids } from './platform/ids.ts';
import { bossScheduler, createJobs, type Scheduler } from './platform/jobs.ts';
import { createChangeFeed } from './platform/notify.ts';

/**
 * Process entry. `npm start` runs web + worker on the embedded PostgreSQL; production
 * sets DATABASE_URL and may run `WARMLINE_PROCESS=web` and `=worker` separately.
 */
async function main(): Promise<void> {
  const args = parseArgs({
    options: { 'no-demo': { type: 'boolean' }, demo: { type: 'boolean' } },
    strict: true,
  });
  // A local .env (see .env.example) fills in what the environment does not set.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config: Config = loadConfig();
  if (args.values['no-demo']) config.WARMLINE_DEMO = 'off';
  if (args.values.demo) config.WARMLINE_DEMO = 'on';
  const log = pino({ level: config.LOG_LEVEL, base: { pid: process.pid } });
  const started = performance.now();

  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(
        config.DATA_DIR,
        (l) => log.debug({ pg: l }),
        (l) => log.warn(l),
      );
  const url = config.DATABASE_URL ?? embedded!.url;
  const pool = createPool(url, config.PG_POOL_MAX);
  const db = createDb(pool);
  await migrateDatabase(pool);

  const clock = systemClock;
  const ids = uuidV7Ids;
  const recordEvent = createEventRecorder({ clock, ids });
  if ((await createRegionRepository(db).count()) === 0) {
    log.info({ regions: await loadRegions(db) }, 'loaded GB/T 2260 regions');
  }
  const empty = await isDatabaseEmpty(db);
  const demo = config.WARMLINE_DEMO === 'on' || (config.WARMLINE_DEMO === 'auto' && empty);
  if (demo && empty) {
    await seedDemo({ db, clock, ids, recordEvent });
    await rollup(db);
    log.info('loaded the demo city 韶关市');
    process.stdout.write(`\n${demoUsersTable()}\n\n`);
  }

  const auth = createAuthService({ db, clock, recordEvent, sessionHours: config.SESSION_HOURS });
  // The timers' handlers need the scheduler that pg-boss gives, so it is filled in just below.
  let scheduler: Scheduler | null = null;
  const dispatch = () =>
    createDispatchService({
      db,
      clock,
      ids,
      recordEvent,
      scheduler: scheduler!,
      policy: dispatchPolicy(config),
      responseLevel: responseLevelAt(db),
    });
  const shelters = createShelterService({
    db,
    clock,
    ids,
    recordEvent,
    regions: createRegionService({ db }),
  });
  const notifier = createNotifier({ clock, ids });
  const responseDeps = (): ResponseDeps => ({
    db,
    clock,
    ids,
    recordEvent,
    scheduler: scheduler!,
    notifier,
    duty: createDutyLookup(db, parseDutySlots(config.DUTY_SLOTS)),
    dueScale: config.RESPONSE_DUE_SCALE,
  });
  const checkDutyGaps = createDutyGapCheck({
    db,
    clock,
    recordEvent,
    notifier,
    slots: parseDutySlots(config.DUTY_SLOTS),
    activeResponseRegions: activeResponseRegions(db),
  });
  // The feed's warnings go through the same service as an upload (source 'feed').
  const weatherFeed = config.WEATHER_FEED_URL
    ? createWeatherFeed({
        db,
        clock,
        url: config.WEATHER_FEED_URL,
        log,
        warnings: weatherWarnings({
          db,
          clock,
          ids,
          recordEvent,
          config,
          log,
          afterChange: async (codes) => void (await createResponseService(responseDeps()).evaluate(codes)),
        }),
      })
    : null;
  const jobs = createJobs(
    pool,
    url,
    [
      {
        // Warnings expire by the clock, not by a message: each region is re-assessed every 5 minutes.
        name: RESPONSE_EVALUATE_JOB,
        cron: '*/5 * * * *',
        handle: async () => void (await createResponseService(responseDeps()).evaluate()),
      },
      {
        // One per plan task, at its deadline: an overdue task is escalated to the leader on duty.
        name: RESPONSE_TASK_CHECK_JOB,
        handle: async (data) =>
          void (await createResponseTasks(responseDeps()).check((data as { taskId: string }).taskId)),
      },
      {
        name: RESPONSE_TASK_SWEEP_JOB,
        cron: '* * * * *',
        handle: async () => void (await createResponseTasks(responseDeps()).sweep()),
      },
      {
        // Off (no URL): no schedule, and a schedule left from when it was on polls nothing.
        name: WEATHER_FEED_JOB,
        ...(weatherFeed ? { cron: feedCron(config.WEATHER_FEED_MINUTES) } : {}),
        handle: async () => void (await weatherFeed?.poll()),
      },
      {
        name: 'session-purge',
        cron: '17 * * * *',
        handle: async () => void (await auth.purgeExpiredSessions()),
      },
      {
        // One per clock of each assignment: acceptance window, arrival SLA.
        name: DISPATCH_CHECK_JOB,
        handle: async (data) => dispatch().check((data as { dispatchId: string }).dispatchId),
      },
      {
        // The capacity in force changes at 08:00 and 20:00 (day seats ↔ night places).
        name: SHELTER_SWEEP_JOB,
        cron: '0 8,20 * * *',
        handle: async () => void (await shelters.sweepCapacity()),
      },
      {
        // Folds new events into the figures' rollup; the dashboard reads the rest raw meanwhile.
        name: STAT_ROLLUP_JOB,
        cron: '* * * * *',
        handle: async () => void (await rollup(db)),
      },
      {
        // Under an emergency response, tells the bureau admins of each duty gap in the next 24 h, once.
        name: DUTY_GAP_CHECK_JOB,
        cron: '*/10 * * * *',
        handle: async () => void (await checkDutyGaps()),
      },
      {
        // The backstop: any clock whose timer was lost is acted on within a minute.
        name: DISPATCH_SWEEP_JOB,
        cron: '* * * * *',
        handle: async () => void (await dispatch().sweep()),
      },
    ],
    (err) => log.error({ err }, 'job queue error'),
  );
  scheduler = bossScheduler(jobs.boss);
  await jobs.start({ work: config.WARMLINE_PROCESS !== 'web' });

  const changeFeed = createChangeFeed(pool, (err) => log.warn({ err }, 'change feed interrupted'));
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  if (config.WARMLINE_PROCESS !== 'worker') {
    await changeFeed.start();
    app = await buildApp({
      db,
      config,
      clock,
      ids,
      changeFeed,
      scheduler,
      demo: config.WARMLINE_DEMO !== 'off' && (await isDemoDatabase(db)),
      logger: log,
    });
    await app.listen({ port: config.PORT, host: config.HOST });
  }
  log.info({ ms: Math.round(performance.now() - started), embedded: !!embedded }, 'warmline ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app?.close();
      await changeFeed.stop();
      await jobs.stop();
      await pool.end();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else
    process.stderr.write(
      `warmline failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  process.exit(1);
});
