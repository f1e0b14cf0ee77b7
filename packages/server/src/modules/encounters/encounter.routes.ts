import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  encounterBodySchema,
  encounterIdParamsSchema,
  encounterListQuerySchema,
  encounterListSchema,
  encounterSchema,
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
          summary: 'Recent encounters in the jurisdiction (of one lead, with leadId)',
          querystring: encounterListQuerySchema,
          response: { 200: encounterListSchema },
        },
      },
      async (request) => encounters.list(actorOf(request), request.query.leadId),
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
