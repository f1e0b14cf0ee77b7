import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  teamBodySchema,
  teamIdParamsSchema,
  teamListQuerySchema,
  teamListSchema,
  teamSchema,
  teamStatusBodySchema,
} from './team.schema.ts';
import type { TeamService } from './team.service.ts';

/** The command centre's teams: who patrols, in what vehicle, on duty or not. */
export function teamRoutes(teams: TeamService) {
  return async (app: App) => {
    const tags = ['teams'];
    app.get(
      '',
      {
        config: { access: 'team.read' },
        schema: { tags, querystring: teamListQuerySchema, response: { 200: teamListSchema } },
      },
      async (request) => teams.list(actorOf(request), request.query.status),
    );
    app.post(
      '',
      {
        config: { access: 'team.manage' },
        schema: {
          tags,
          summary: 'Form a joint patrol team',
          body: teamBodySchema,
          response: { 201: teamSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await teams.create(ctx(request), request.body)),
    );
    app.get(
      '/:id',
      {
        config: { access: 'team.read' },
        schema: { tags, params: teamIdParamsSchema, response: { 200: teamSchema } },
      },
      async (request) => teams.get(actorOf(request), request.params.id),
    );
    app.put(
      '/:id',
      {
        config: { access: 'team.manage' },
        schema: { tags, params: teamIdParamsSchema, body: teamBodySchema, response: { 200: teamSchema } },
      },
      async (request) => teams.update(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/:id/status',
      {
        config: { access: 'team.manage' },
        schema: {
          tags,
          summary: 'Put a team on or off duty (en route / on scene follow its assignment)',
          params: teamIdParamsSchema,
          body: teamStatusBodySchema,
          response: { 200: teamSchema },
        },
      },
      async (request) => teams.setStatus(ctx(request), request.params.id, request.body.status),
    );
  };
}
