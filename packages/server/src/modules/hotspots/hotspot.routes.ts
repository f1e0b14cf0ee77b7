import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  checkinBodySchema,
  checkinSchema,
  hotspotBodySchema,
  hotspotDetailSchema,
  hotspotIdParamsSchema,
  hotspotListQuerySchema,
  hotspotListSchema,
} from './hotspot.schema.ts';
import type { HotspotService } from './hotspot.service.ts';

/** Hotspots (重点区域) and their coverage, for the command centre and the patrols. */
export function hotspotRoutes(hotspots: HotspotService) {
  return async (app: App) => {
    const tags = ['hotspots'];
    app.get(
      '',
      {
        config: { access: 'hotspot.read' },
        schema: {
          tags,
          summary: 'Hotspots by coverage: never visited and overdue first',
          querystring: hotspotListQuerySchema,
          response: { 200: hotspotListSchema },
        },
      },
      async (request) => hotspots.list(actorOf(request), request.query.state),
    );
    app.post(
      '',
      {
        config: { access: 'hotspot.manage' },
        schema: {
          tags,
          summary: 'Register a hotspot',
          body: hotspotBodySchema,
          response: { 201: hotspotDetailSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await hotspots.create(ctx(request), request.body)),
    );
    app.get(
      '/:id',
      {
        config: { access: 'hotspot.read' },
        schema: { tags, params: hotspotIdParamsSchema, response: { 200: hotspotDetailSchema } },
      },
      async (request) => hotspots.get(actorOf(request), request.params.id),
    );
    app.put(
      '/:id',
      {
        config: { access: 'hotspot.manage' },
        schema: {
          tags,
          params: hotspotIdParamsSchema,
          body: hotspotBodySchema,
          response: { 200: hotspotDetailSchema },
        },
      },
      async (request) => hotspots.update(ctx(request), request.params.id, request.body),
    );
  };
}

/** The patrol phone's check-in at a hotspot (打卡). */
export function patrolCheckinRoutes(hotspots: HotspotService) {
  return async (app: App) => {
    app.post(
      '/checkins',
      {
        config: { access: 'dispatch.work' },
        schema: {
          tags: ['patrol'],
          summary: 'Check in at a hotspot (stored once per clientId; a resend answers 200)',
          body: checkinBodySchema,
          response: { 200: checkinSchema, 201: checkinSchema },
        },
      },
      async (request, reply) => {
        const { created, checkin } = await hotspots.checkIn(ctx(request), request.body);
        return reply.status(created ? 201 : 200).send(checkin);
      },
    );
  };
}
