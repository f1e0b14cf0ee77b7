import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  hotlineLeadBodySchema,
  leadActionBodySchema,
  leadIdParamsSchema,
  leadListQuerySchema,
  leadListSchema,
  leadSchema,
  partnerLeadBodySchema,
  phoneResponseSchema,
  publicLeadBodySchema,
  publicStatusSchema,
  screeningQuerySchema,
  screeningTallyListSchema,
  trackingCodeParamsSchema,
  trackingResponseSchema,
} from './lead.schema.ts';
import type { LeadService } from './lead.service.ts';
import { acceptPhotoUploads, multipartReportDescription, readPhotoUploads } from './lead-photo.routes.ts';

/**
 * The public channel: no login; JSON, or a form with photos. Two limits: per device (10 a
 * minute, the real one) and a soft one per address, checked before any upload is read, high
 * enough for a carrier NAT's many phones but not for a script rotating device tokens.
 */
export function publicLeadRoutes(leads: LeadService, options: { perAddressPerMinute: number }) {
  return async (app: App) => {
    await acceptPhotoUploads(app);
    // createRateLimit, not rateLimit(): the plugin runs only the first limiter of a request,
    // and the per-device one must still run after this.
    const addressLimit = app.createRateLimit({
      max: options.perAddressPerMinute,
      timeWindow: 60_000,
      keyGenerator: (req) => `public-address|${req.ip}`,
    });
    const perAddress = async (request: FastifyRequest) => {
      // `isAllowed` only means "on the allow list"; `isExceeded` is the verdict.
      const verdict = await addressLimit(request);
      if (!verdict.isAllowed && verdict.isExceeded) throw new AppError('RATE_LIMITED');
    };
    app.post(
      '',
      {
        onRequest: perAddress,
        // Before validation: a multipart report becomes the same JSON body plus its photo files.
        preValidation: readPhotoUploads,
        config: {
          access: 'public',
          // Carrier NAT puts many phones behind one address, so the device token counts too.
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            keyGenerator: (req) =>
              `${req.ip}|${(req.body as { deviceToken?: unknown } | undefined)?.deviceToken ?? ''}`,
          },
        },
        schema: {
          tags: ['public'],
          summary: 'Report someone who may need help (no login); returns a tracking code',
          description: multipartReportDescription,
          body: publicLeadBodySchema,
          response: { 201: trackingResponseSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          trackingCode: await leads.receivePublic(
            request.body,
            String(request.id),
            request.photoUploads ?? [],
          ),
        }),
    );
    app.get(
      '/:trackingCode',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: 'What happened to a report, in plain words (no personal data)',
          params: trackingCodeParamsSchema,
          response: { 200: publicStatusSchema },
        },
      },
      async (request) => leads.publicStatus(request.params.trackingCode),
    );
  };
}

/** Partner platforms (110, city grid, video, drone): an API key each, idempotent resends. */
export function partnerLeadRoutes(leads: LeadService) {
  return async (app: App) => {
    app.post(
      '',
      {
        config: { access: 'partner' },
        schema: {
          tags: ['partner'],
          summary:
            'Send a lead from a partner platform (Authorization: Bearer <key>; Idempotency-Key required)',
          description:
            'The same Idempotency-Key with the same body returns the same lead (200); with a different body, 409 IDEMPOTENCY_KEY_REUSED.',
          headers: z.object({ 'idempotency-key': z.string().min(8).max(128) }),
          body: partnerLeadBodySchema,
          response: { 200: trackingResponseSchema, 201: trackingResponseSchema },
          security: [{ partnerKey: [] }],
        },
      },
      async (request, reply) => {
        const result = await leads.receiveFromPartner(
          request.partner!,
          request.headers['idempotency-key'],
          request.body,
          String(request.id),
        );
        return reply.status(result.created ? 201 : 200).send({ trackingCode: result.trackingCode });
      },
    );
  };
}

/** The command centre's and the hotline's view of leads. */
export function leadRoutes(leads: LeadService) {
  return async (app: App) => {
    const tags = ['leads'];
    app.get(
      '',
      {
        config: { access: 'lead.read' },
        schema: { tags, querystring: leadListQuerySchema, response: { 200: leadListSchema } },
      },
      async (request) => {
        const { page, pageSize, open, queue, ...filter } = request.query;
        return leads.list(
          actorOf(request),
          { ...filter, open: open === undefined ? undefined : open === 'true', queue: queue === 'true' },
          page,
          pageSize,
        );
      },
    );
    app.get(
      '/screening',
      {
        config: { access: 'lead.read' },
        schema: {
          tags,
          summary:
            "How the spam screening did on the jurisdiction's leads received since a date (Beijing), per model version",
          querystring: screeningQuerySchema,
          response: { 200: screeningTallyListSchema },
        },
      },
      async (request) => leads.screening(actorOf(request), request.query.from),
    );
    app.post(
      '',
      {
        config: { access: 'lead.create' },
        schema: {
          tags,
          summary: 'Log a hotline call as a lead',
          body: hotlineLeadBodySchema,
          response: { 201: leadSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await leads.receiveFromHotline(ctx(request), request.body)),
    );
    app.get(
      '/:id',
      {
        config: { access: 'lead.read' },
        schema: { tags, params: leadIdParamsSchema, response: { 200: leadSchema } },
      },
      async (request) => leads.get(actorOf(request), request.params.id),
    );
    app.post(
      '/:id/actions',
      {
        config: { access: 'lead.manage' },
        schema: {
          tags,
          summary: 'Triage, quarantine as spam, restore, merge as duplicate, or close',
          params: leadIdParamsSchema,
          body: leadActionBodySchema,
          response: { 200: leadSchema },
        },
      },
      async (request) => leads.act(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/:id/reporter-phone',
      {
        config: { access: 'lead.manage' },
        schema: {
          tags,
          summary: "The reporter's number for a call-back (audited)",
          params: leadIdParamsSchema,
          response: { 200: phoneResponseSchema },
        },
      },
      async (request) => leads.revealReporterPhone(ctx(request), request.params.id),
    );
  };
}
