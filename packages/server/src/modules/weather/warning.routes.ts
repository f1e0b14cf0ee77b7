import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import { MAX_CAP_BYTES } from './cap.ts';
import {
  forecastBodySchema,
  forecastListSchema,
  forecastQuerySchema,
  ingestSchema,
  manualWarningSchema,
  warningListQuerySchema,
  warningSchema,
} from './warning.schema.ts';
import type { WarningService } from './warning.service.ts';

const tags = ['weather'];
// text/plain too: curl and many feed tools send XML as plain text.
const XML_TYPES = ['application/xml', 'text/xml', 'application/cap+xml', 'text/plain'];

/** A CAP document is the body itself, as a string, in this plugin only. */
function acceptXml(app: App) {
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: MAX_CAP_BYTES }, (_r, body, done) =>
    done(null, body),
  );
}
const xmlBody = (body: unknown): string => {
  if (typeof body !== 'string' || !body.trim()) throw new AppError('CAP_INVALID', { reason: 'empty body' });
  return body;
};

/** Warnings for staff: upload a CAP file, enter one read off the TV, list, forecasts. */
export function weatherRoutes(warnings: WarningService) {
  return async (app: App) => {
    acceptXml(app);
    app.post(
      '/cap',
      {
        config: { access: 'weather.manage' },
        schema: {
          tags,
          summary: 'Upload a CAP 1.2 alert (the body is the XML; an alert sent twice is stored once)',
          response: { 200: ingestSchema, 201: ingestSchema },
        },
      },
      async (request, reply) => {
        const result = await warnings.ingestCap(xmlBody(request.body), 'upload', ctx(request));
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );
    app.get(
      '/warnings',
      {
        config: { access: 'weather.read' },
        schema: {
          tags,
          summary: 'Warnings concerning the caller’s region: in force now (default) or all recent ones',
          querystring: warningListQuerySchema,
          response: { 200: z.object({ items: z.array(warningSchema) }) },
        },
      },
      async (request) =>
        warnings.list(actorOf(request), {
          active: request.query.active === 'true',
          limit: request.query.limit,
        }),
    );
    app.get(
      '/warnings/:id',
      {
        config: { access: 'weather.read' },
        schema: { tags, params: z.strictObject({ id: z.uuid() }), response: { 200: warningSchema } },
      },
      async (request) => warnings.get(actorOf(request), request.params.id),
    );
    app.post(
      '/warnings',
      {
        config: { access: 'weather.manage' },
        schema: {
          tags,
          summary: 'Enter a warning read off the phone or TV (marked manual)',
          body: manualWarningSchema,
          response: { 201: warningSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await warnings.enter(ctx(request), request.body)),
    );
    app.get(
      '/forecasts',
      {
        config: { access: 'weather.read' },
        schema: {
          tags,
          summary: "Tonight's (or a night's, and the nights after) forecast minimum per region",
          querystring: forecastQuerySchema,
          response: { 200: forecastListSchema },
        },
      },
      async (request) => warnings.forecasts(actorOf(request), request.query.night, request.query.nights),
    );
    app.put(
      '/forecasts',
      {
        config: { access: 'weather.manage' },
        schema: {
          tags,
          summary: "Set a night's forecast minimum for a region (typed in)",
          body: forecastBodySchema,
          response: { 200: forecastListSchema },
        },
      },
      async (request) => warnings.setForecast(ctx(request), request.body),
    );
  };
}

/**
 * A meteorological partner pushes CAP here, signed: `X-Warmline-Signature: sha256=<hex>`, the
 * HMAC-SHA256 of the raw body under WEATHER_PUSH_SECRET. No secret configured: every push refused.
 */
export function weatherPushRoutes(warnings: WarningService, secret: string) {
  return async (app: App) => {
    acceptXml(app);
    app.post(
      '/cap',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A signed CAP 1.2 push from a meteorological partner',
          headers: z.object({ 'x-warmline-signature': z.string().max(200).optional() }),
          response: { 200: ingestSchema, 201: ingestSchema },
        },
      },
      async (request, reply) => {
        const body = xmlBody(request.body);
        const given = /^sha256=([0-9a-f]{64})$/.exec(request.headers['x-warmline-signature'] ?? '')?.[1];
        const expected = createHmac('sha256', secret).update(body).digest();
        if (!secret || !given || !timingSafeEqual(Buffer.from(given, 'hex'), expected))
          throw new AppError('CAP_SIGNATURE_INVALID');
        const result = await warnings.ingestCap(body, 'push', null);
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );
  };
}
