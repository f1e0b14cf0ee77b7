import { type App, actorOf, ctxOf as ctx, sentinelOf } from '../../platform/http.ts';
import { publicLeadBodySchema, trackingResponseSchema } from '../leads/lead.schema.ts';
import {
  registeredSchema,
  registerSentinelBodySchema,
  registrationRegionsSchema,
  sentinelActionBodySchema,
  sentinelIdParamsSchema,
  sentinelListQuerySchema,
  sentinelListSchema,
  sentinelMeSchema,
  sentinelPhoneSchema,
  sentinelReportListSchema,
  sentinelSchema,
} from './sentinel.schema.ts';
import type { SentinelService } from './sentinel.service.ts';

/** Registration: no login, rate-limited per address (a registration waits for the bureau). */
export function publicSentinelRoutes(sentinels: SentinelService) {
  return async (app: App) => {
    app.post(
      '',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: 'Register as a sentinel (信息哨点); returns the token once, approval pending',
          body: registerSentinelBodySchema,
          response: { 201: registeredSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await sentinels.register(request.body, String(request.id))),
    );
    app.get(
      '/regions',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: 'The city and counties a sentinel may register in (names are public)',
          response: { 200: registrationRegionsSchema },
        },
      },
      async () => sentinels.regions(),
    );
  };
}

/** What a sentinel does with their token: see themselves, report, follow their reports. */
export function sentinelSelfRoutes(sentinels: SentinelService) {
  return async (app: App) => {
    const tags = ['sentinel'];
    const security = [{ sentinelToken: [] }];
    app.get(
      '/me',
      {
        config: { access: 'sentinel' },
        schema: { tags, security, response: { 200: sentinelMeSchema } },
      },
      async (request) => sentinels.me(sentinelOf(request)),
    );
    app.post(
      '/leads',
      {
        config: { access: 'sentinel', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          security,
          summary: 'Report a lead as an approved sentinel (Authorization: Sentinel <token>)',
          body: publicLeadBodySchema,
          response: { 201: trackingResponseSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          trackingCode: await sentinels.report(sentinelOf(request), request.body, String(request.id)),
        }),
    );
    app.get(
      '/leads',
      {
        config: { access: 'sentinel' },
        schema: {
          tags,
          security,
          summary: 'My reports, newest first',
          response: { 200: sentinelReportListSchema },
        },
      },
      async (request) => sentinels.reports(sentinelOf(request)),
    );
  };
}

/** The bureau's review of sentinels in its jurisdiction. */
export function sentinelRoutes(sentinels: SentinelService) {
  return async (app: App) => {
    const tags = ['sentinels'];
    app.get(
      '',
      {
        config: { access: 'sentinel.read' },
        schema: { tags, querystring: sentinelListQuerySchema, response: { 200: sentinelListSchema } },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return sentinels.list(actorOf(request), filter, page, pageSize);
      },
    );
    app.post(
      '/:id/actions',
      {
        config: { access: 'sentinel.manage' },
        schema: {
          tags,
          summary: 'Approve, reject, suspend or reinstate a sentinel',
          params: sentinelIdParamsSchema,
          body: sentinelActionBodySchema,
          response: { 200: sentinelSchema },
        },
      },
      async (request) => sentinels.act(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/:id/phone',
      {
        config: { access: 'sentinel.manage' },
        schema: {
          tags,
          summary: "The sentinel's number in full (audited)",
          params: sentinelIdParamsSchema,
          response: { 200: sentinelPhoneSchema },
        },
      },
      async (request) => sentinels.revealPhone(ctx(request), request.params.id),
    );
  };
}
