import { z } from 'zod';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  encounterBodySchema,
  encounterIdParamsSchema,
  encounterListQuerySchema,
  encounterListSchema,
  encounterSchema,
  handoverListSchema,
} from './encounter.schema.ts';
import type { EncounterService } from './encounter.service.ts';

/** Encounters as the command centre and stations see them. */
export function encounterRoutes(encounters: EncounterService) {
  return async (app: App) => {
    const tags = ['encounters'];
    app.get(
      '',
      {
        config: { access: 'encounter.read' },
        schema: {
          tags,
          summary:
            'Recent encounters in the jurisdiction, newest first (of one lead, with leadId; older, with before)',
          querystring: encounterListQuerySchema,
          response: { 200: encounterListSchema },
        },
      },
      async (request) => encounters.list(actorOf(request), request.query),
    );
    app.get(
      '/:id',
      {
        config: { access: 'encounter.read' },
        schema: { tags, params: encounterIdParamsSchema, response: { 200: encounterSchema } },
      },
      async (request) => encounters.get(actorOf(request), request.params.id),
    );
  };
}

/** Hand-overs from the street: pending arrivals at stations and hospital referrals. */
export function handoverRoutes(encounters: EncounterService) {
  return async (app: App) => {
    app.get(
      '',
      {
        config: { access: 'encounter.read' },
        schema: {
          tags: ['encounters'],
          summary:
            'Hand-overs in the jurisdiction (state=pending: people on their way to a station or hospital)',
          querystring: z.strictObject({ state: z.enum(['pending', 'received', 'cancelled']).optional() }),
          response: { 200: handoverListSchema },
        },
      },
      async (request) => encounters.handovers(actorOf(request), request.query.state),
    );
  };
}

/** The patrol phone records encounters and sees the re-checks due. */
export function patrolEncounterRoutes(encounters: EncounterService) {
  return async (app: App) => {
    app.post(
      '/encounters',
      {
        config: { access: 'dispatch.work' },
        schema: {
          tags: ['patrol'],
          summary: 'Record an encounter (街面救助); stored once per clientId, a resend answers 200',
          body: encounterBodySchema,
          response: { 200: encounterSchema, 201: encounterSchema },
        },
      },
      async (request, reply) => {
        const { created, encounter } = await encounters.record(ctx(request), request.body);
        return reply.status(created ? 201 : 200).send(encounter);
      },
    );
    app.get(
      '/destinations',
      {
        config: { access: 'dispatch.work' },
        schema: {
          tags: ['patrol'],
          summary: "The city's rescue stations and designated hospitals (hand-over destinations)",
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  name: z.string(),
                  kind: z.string(),
                  lat: z.number().nullable(),
                  lng: z.number().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => encounters.destinations(actorOf(request)),
    );
    app.get(
      '/follow-ups',
      {
        config: { access: 'dispatch.work' },
        schema: {
          tags: ['patrol'],
          summary: 'Re-checks of people who stayed out: overdue or due within the next 12 hours',
          response: { 200: encounterListSchema },
        },
      },
      async (request) => encounters.followUps(actorOf(request)),
    );
  };
}
