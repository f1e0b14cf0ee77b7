import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { defaultSlaPolicy, parseDutySlots, type SlaPolicy } from '@warmline/domain';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db } from './db/pool.ts';
import { eventRoutes } from './modules/audit/event.routes.ts';
import { registerAccessHook } from './modules/auth/auth.hook.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { dispatchRoutes, patrolRoutes } from './modules/dispatch/dispatch.routes.ts';
import { createDispatchService } from './modules/dispatch/dispatch.service.ts';
import { dutyRoutes } from './modules/duty/duty.routes.ts';
import { createDutyService } from './modules/duty/duty.service.ts';
import { createDutyLookup } from './modules/duty/duty-lookup.ts';
import {
  encounterRoutes,
  handoverRoutes,
  patrolEncounterRoutes,
} from './modules/encounters/encounter.routes.ts';
import { createEncounterService } from './modules/encounters/encounter.service.ts';
import {
  encounterPhotoRoutes,
  patrolEncounterPhotoRoutes,
} from './modules/encounters/encounter-photo.routes.ts';
import { createEncounterPhotoService } from './modules/encounters/encounter-photo.service.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { hotspotRoutes, patrolCheckinRoutes } from './modules/hotspots/hotspot.routes.ts';
import { createHotspotService } from './modules/hotspots/hotspot.service.ts';
import { leadRoutes, partnerLeadRoutes, publicLeadRoutes } from './modules/leads/lead.routes.ts';
import { createLeadService } from './modules/leads/lead.service.ts';
import { leadPhotoRoutes } from './modules/leads/lead-photo.routes.ts';
import { createLeadPhotoService } from './modules/leads/lead-photo.service.ts';
import { liveRoutes } from './modules/live/live.routes.ts';
import { notificationRoutes } from './modules/notifications/notification.routes.ts';
import { createNotificationService } from './modules/notifications/notification.service.ts';
import { createNotifier } from './modules/notifications/notifier.ts';
import { orgRoutes } from './modules/orgs/org.routes.ts';
import { createOrgService } from './modules/orgs/org.service.ts';
import { personRoutes } from './modules/persons/person.routes.ts';
import { createPersonService } from './modules/persons/person.service.ts';
import { regionRoutes } from './modules/regions/region.routes.ts';
import { createRegionService } from './modules/regions/region.service.ts';
import { createReportExport } from './modules/reports/report-export.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { createReportsService } from './modules/reports/reports.service.ts';
import { forecastAt, responseLevelAt } from './modules/response/lookups.ts';
import { createResponseQueries } from './modules/response/response.queries.ts';
import { publicAlertRoutes, responseRoutes } from './modules/response/response.routes.ts';
import { createResponseService } from './modules/response/response.service.ts';
import { createResponseTasks, type ResponseDeps } from './modules/response/response-tasks.ts';
import {
  publicSentinelRoutes,
  sentinelRoutes,
  sentinelSelfRoutes,
} from './modules/sentinels/sentinel.routes.ts';
import { createSentinelService } from './modules/sentinels/sentinel.service.ts';
import { publicShelterRoutes, shelterRoutes } from './modules/shelters/shelter.routes.ts';
import { createShelterService } from './modules/shelters/shelter.service.ts';
import { createShelterExport } from './modules/shelters/shelter-export.ts';
import { createShelterFinder } from './modules/shelters/shelter-finder.ts';
import { patrolShiftRoutes, shiftRoutes } from './modules/shifts/shift.routes.ts';
import { createShiftService } from './modules/shifts/shift.service.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { createStatsService } from './modules/stats/stats.service.ts';
import { stationRoutes, stayRoutes } from './modules/stays/stay.routes.ts';
import { createStayService } from './modules/stays/stay.service.ts';
import { movementRoutes } from './modules/supplies/movement.routes.ts';
import { createMovementService } from './modules/supplies/movement.service.ts';
import { createStockImport } from './modules/supplies/stock-import.ts';
import { supplyRoutes } from './modules/supplies/supply.routes.ts';
import { createSupplyService } from './modules/supplies/supply.service.ts';
import { teamRoutes } from './modules/teams/team.routes.ts';
import { createTeamService } from './modules/teams/team.service.ts';
import { userRoutes } from './modules/users/user.routes.ts';
import { createUserService } from './modules/users/user.service.ts';
import { createOutlines } from './modules/weather/outlines.ts';
import { weatherPushRoutes, weatherRoutes } from './modules/weather/warning.routes.ts';
import { createWarningService } from './modules/weather/warning.service.ts';
import type { Clock } from './platform/clock.ts';
import { errorHandler, sendError } from './platform/error-handler.ts';
import { createEventRecorder, type RecordEvent } from './platform/events.ts';
import type { App, RouteEntry } from './platform/http.ts';
import type { Ids } from './platform/ids.ts';
import type { Scheduler } from './platform/jobs.ts';
import type { Notifier } from './platform/notifier.ts';
import type { ChangeFeed } from './platform/notify.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  ids: Ids;
  changeFeed: ChangeFeed;
  /** Durable timers (pg-boss in a process; a recording one in route tests). */
  scheduler: Scheduler;
  demo: boolean;
  logger?: FastifyBaseLogger;
  /** In-app and SMS notifications; absent: the notifications module's (bell rows + SMS outbox). */
  notifier?: Notifier;
  /** Where the built web app lives; absent in API-only tests. */
  webDist?: string | null;
}

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The tile server's origin for the CSP (`{s}` subdomains become a wildcard). */
function tileOrigin(url: string): string[] {
  const match = /^(https?:\/\/[^/]+)/.exec(url.replace('{s}', '*'));
  return match?.[1] ? [match[1]] : [];
}

/** The SLA clocks: the domain's defaults with the configured acceptance window. */
export function dispatchPolicy(config: Config): SlaPolicy {
  return { ...defaultSlaPolicy, acceptMinutes: config.DISPATCH_ACCEPT_MINUTES };
}

/**
 * The warning service as the routes and the feed job (main.ts) use it: the one place where what
 * follows a warning (the response levels' `afterChange`) is plugged in.
 */
export function weatherWarnings(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  config: Pick<Config, 'WEATHER_FALLBACK_REGION'>;
  log: { error(obj: object, msg: string): void };
  afterChange?: (regionCodes: string[]) => Promise<void>;
}) {
  return createWarningService({
    db: deps.db,
    clock: deps.clock,
    ids: deps.ids,
    recordEvent: deps.recordEvent,
    outlines: createOutlines(),
    fallbackRegion: deps.config.WEATHER_FALLBACK_REGION,
    log: deps.log,
    ...(deps.afterChange ? { afterChange: deps.afterChange } : {}),
  });
}

/** Builds the HTTP app; tests call this and use `app.inject()`. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { db, config, clock, ids } = deps;
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>() as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Plugin-made routes (docs UI, static web files) are public; our own /api routes must
  // each declare their access, which the authorization-matrix test checks.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: route.config?.access ?? 'public' };
    }
    // A prefixed '/' registers both '/api/x' and '/api/x/': list it once, without the slash.
    const url = route.url.length > 1 ? route.url.replace(/\/$/, '') : route.url;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || routeTable.some((r) => r.method === method && r.url === url)) continue;
      routeTable.push({ method, url, access: route.config?.access });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles: any HTTPS source, plus the configured one even if it is plain HTTP.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...tileOrigin(config.MAP_TILE_URL)],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Stations often run it over plain HTTP on a LAN; upgrading would break every asset.
        upgradeInsecureRequests: null,
      },
    },
  });
  // Before static files and routes, so assets, boundaries and JSON go out compressed.
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // After parsing, so sign-in attempts are counted per address *and* username.
    hook: 'preHandler',
    keyGenerator: (req) => `${req.ip}|${(req.body as { username?: unknown } | undefined)?.username ?? ''}`,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Warmline API',
        description:
          '暖线 · 寒冬送温暖指挥平台. Errors answer `{"error":{"code","message","requestId","details?"}}`; codes are listed in `@warmline/domain` errorCatalog.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wl_session' },
          partnerKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'API key issued per partner organisation',
          },
          sentinelToken: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: '`Sentinel <token>`: the token a sentinel got at registration',
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const recordEvent = createEventRecorder({ clock, ids });
  const auth = createAuthService({ db, clock, recordEvent, sessionHours: config.SESSION_HOURS });
  const regions = createRegionService({ db });
  const orgs = createOrgService({ db, clock, ids, recordEvent, regions });
  const users = createUserService({ db, clock, ids, recordEvent, regions, orgs });

  const leads = createLeadService({
    db,
    clock,
    ids,
    recordEvent,
    publicRegionCode: config.PUBLIC_REGION_CODE,
  });

  const sentinels = createSentinelService({
    db,
    clock,
    ids,
    recordEvent,
    leads,
    publicRegionCode: config.PUBLIC_REGION_CODE,
  });
  const teams = createTeamService({ db, clock, ids, recordEvent, regions });
  const shifts = createShiftService({ db, clock, ids, recordEvent, teams });
  const persons = createPersonService({ db, clock, recordEvent });
  // The emergency response level tightens dispatch clocks, re-checks and hotspot intervals.
  const responseLevel = responseLevelAt(db);
  const hotspots = createHotspotService({
    db,
    clock,
    ids,
    recordEvent,
    regions,
    teams,
    shifts,
    responseLevel,
  });
  const movements = createMovementService({ db, clock, ids, recordEvent });
  const encounters = createEncounterService({
    db,
    clock,
    ids,
    recordEvent,
    teams,
    shifts,
    forecastMinTempC: forecastAt(db, config.FORECAST_MIN_TEMP_C),
    responseLevel,
    supplies: movements,
  });
  const encounterPhotos = createEncounterPhotoService({ db, clock, ids, recordEvent });
  const stays = createStayService({ db, clock, ids, recordEvent });
  const supplies = createSupplyService({ db, clock, ids, recordEvent, regions });
  const stockImport = createStockImport({ db, clock, ids, recordEvent });
  const shelters = createShelterService({ db, clock, ids, recordEvent, regions });
  const dispatch = createDispatchService({
    db,
    clock,
    ids,
    recordEvent,
    scheduler: deps.scheduler,
    policy: dispatchPolicy(config),
    responseLevel,
  });

  registerAccessHook(app, auth, leads.findPartner, sentinels.findByTokenHash);
  await app.register(
    healthRoutes(db, {
      mapTileUrl: config.MAP_TILE_URL,
      mapAttribution: config.MAP_ATTRIBUTION,
      demo: deps.demo,
    }),
    {
      prefix: '/api',
    },
  );
  await app.register(
    authRoutes(auth, { sessionHours: config.SESSION_HOURS, secureCookie: config.COOKIE_SECURE }),
    {
      prefix: '/api/auth',
    },
  );
  await app.register(regionRoutes(regions), { prefix: '/api/regions' });
  await app.register(orgRoutes(orgs), { prefix: '/api/orgs' });
  await app.register(userRoutes(users), { prefix: '/api/users' });
  await app.register(eventRoutes(db), { prefix: '/api/events' });
  await app.register(statsRoutes(createStatsService({ db, regions, clock })), { prefix: '/api/stats' });
  const notifier = deps.notifier ?? createNotifier({ clock, ids });
  const responseDeps: ResponseDeps = {
    db,
    clock,
    ids,
    recordEvent,
    scheduler: deps.scheduler,
    notifier,
    duty: createDutyLookup(db, parseDutySlots(config.DUTY_SLOTS)),
    dueScale: config.RESPONSE_DUE_SCALE,
  };
  const responses = createResponseService(responseDeps);
  const responseQueries = createResponseQueries({ db, clock, publicRegionCode: config.PUBLIC_REGION_CODE });
  await app.register(responseRoutes(responses, createResponseTasks(responseDeps), responseQueries), {
    prefix: '/api/response',
  });
  await app.register(publicAlertRoutes(responseQueries), { prefix: '/api/public' });
  const warnings = weatherWarnings({
    db,
    clock,
    ids,
    recordEvent,
    config,
    log: app.log,
    afterChange: async (codes) => void (await responses.evaluate(codes)),
  });
  await app.register(weatherRoutes(warnings), { prefix: '/api/weather' });
  await app.register(weatherPushRoutes(warnings, config.WEATHER_PUSH_SECRET), {
    prefix: '/api/partner/weather',
  });
  const reports = createReportsService({ db, clock, ids, recordEvent, regions });
  await app.register(
    reportsRoutes(
      reports,
      createReportExport({
        db,
        reports,
        regions,
        font: { path: config.PDF_FONT_PATH, name: config.PDF_FONT_NAME },
      }),
    ),
    { prefix: '/api/reports' },
  );
  await app.register(leadRoutes(leads), { prefix: '/api/leads' });
  await app.register(leadPhotoRoutes(createLeadPhotoService({ db, recordEvent })), { prefix: '/api/leads' });
  await app.register(publicLeadRoutes(leads, { perAddressPerMinute: config.PUBLIC_IP_RATE_PER_MINUTE }), {
    prefix: '/api/public/leads',
  });
  await app.register(partnerLeadRoutes(leads), { prefix: '/api/partner/leads' });
  await app.register(teamRoutes(teams), { prefix: '/api/teams' });
  await app.register(dispatchRoutes(dispatch), { prefix: '/api' });
  await app.register(patrolRoutes(dispatch, teams), { prefix: '/api/patrol' });
  await app.register(hotspotRoutes(hotspots), { prefix: '/api/hotspots' });
  await app.register(patrolCheckinRoutes(hotspots), { prefix: '/api/patrol' });
  await app.register(encounterRoutes(encounters), { prefix: '/api/encounters' });
  await app.register(handoverRoutes(encounters), { prefix: '/api/handovers' });
  await app.register(shiftRoutes(shifts), { prefix: '/api/shifts' });
  await app.register(personRoutes(persons), { prefix: '/api/persons' });
  await app.register(patrolShiftRoutes(shifts), { prefix: '/api/patrol' });
  await app.register(patrolEncounterRoutes(encounters), { prefix: '/api/patrol' });
  await app.register(patrolEncounterPhotoRoutes(encounterPhotos), { prefix: '/api/patrol/encounters' });
  await app.register(encounterPhotoRoutes(encounterPhotos), { prefix: '/api/encounters' });
  await app.register(stayRoutes(stays, { path: config.PDF_FONT_PATH, name: config.PDF_FONT_NAME }), {
    prefix: '/api/stays',
  });
  await app.register(stationRoutes(stays), { prefix: '/api/stations' });
  await app.register(sentinelRoutes(sentinels), { prefix: '/api/sentinels' });
  await app.register(publicSentinelRoutes(sentinels), { prefix: '/api/public/sentinels' });
  await app.register(sentinelSelfRoutes(sentinels), { prefix: '/api/sentinel' });
  await app.register(supplyRoutes(supplies), { prefix: '/api/supplies' });
  await app.register(movementRoutes(movements, supplies, stockImport), { prefix: '/api/supplies' });
  await app.register(shelterRoutes(shelters, createShelterExport({ db, clock, shelters })), {
    prefix: '/api/shelters',
  });
  await app.register(
    publicShelterRoutes(createShelterFinder({ db, clock, publicRegionCode: config.PUBLIC_REGION_CODE })),
    { prefix: '/api/public/shelters' },
  );
  await app.register(
    dutyRoutes(
      createDutyService({
        db,
        clock,
        ids,
        recordEvent,
        notifier,
        slots: parseDutySlots(config.DUTY_SLOTS),
      }),
    ),
    { prefix: '/api/duty' },
  );
  await app.register(notificationRoutes(createNotificationService({ db, clock })), {
    prefix: '/api/notifications',
  });
  await app.register(liveRoutes(deps.changeFeed), { prefix: '/api/live' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDist = deps.webDist === undefined ? defaultWebDist : deps.webDist;
  const hasWeb = !!webDist && existsSync(`${webDist}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      // Looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Hashed assets never change; everything else is revalidated.
        res.setHeader(
          'cache-control',
          filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A missing file (it has an extension) is a 404, never the SPA page in its place.
    if (path.startsWith('/api') || request.method !== 'GET' || !hasWeb || /\.[a-z0-9]+$/i.test(path)) {
      return sendError(reply, request, 'ROUTE_NOT_FOUND');
    }
    // The public report, sentinel and shelter-finder pages are their own small pages (no React),
    // the rest the SPA.
    // Looked up per request, like every static file: a rebuilt web app needs no restart.
    const light = /^\/(report|sentinel|shelters)(\/|$)/.exec(path)?.[1];
    const page = light && existsSync(`${webDist}/${light}.html`) ? `${light}.html` : 'index.html';
    return reply.header('cache-control', 'no-cache').sendFile(page);
  });

  return app;
}
