import { type App, ctxOf as ctx } from '../../platform/http.ts';
import {
  createOrgBodySchema,
  orgIdParamsSchema,
  orgListQuerySchema,
  orgListSchema,
  orgSchema,
  updateOrgBodySchema,
} from './org.schema.ts';
import type { OrgService } from './org.service.ts';

export function orgRoutes(orgs: OrgService) {
  return async (app: App) => {
    app.get(
      '',
      {
        config: { access: 'org.read' },
        schema: { tags: ['orgs'], querystring: orgListQuerySchema, response: { 200: orgListSchema } },
      },
      async (request) => ({ items: await orgs.list(ctx(request), request.query) }),
    );
    app.post(
      '',
      {
        config: { access: 'org.manage' },
        schema: { tags: ['orgs'], body: createOrgBodySchema, response: { 201: orgSchema } },
      },
      async (request, reply) => reply.status(201).send(await orgs.create(ctx(request), request.body)),
    );
    app.get(
      '/:id',
      {
        config: { access: 'org.read' },
        schema: { tags: ['orgs'], params: orgIdParamsSchema, response: { 200: orgSchema } },
      },
      async (request) => orgs.get(ctx(request), request.params.id),
    );
    app.patch(
      '/:id',
      {
        config: { access: 'org.manage' },
        schema: {
          tags: ['orgs'],
          params: orgIdParamsSchema,
          body: updateOrgBodySchema,
          response: { 200: orgSchema },
        },
      },
      async (request) => orgs.update(ctx(request), request.params.id, request.body),
    );
  };
}
