import { type App, actorOf } from '../../platform/http.ts';
import {
  regionCodeParamsSchema,
  regionDetailSchema,
  regionListSchema,
  regionSearchQuerySchema,
} from './region.schema.ts';
import type { RegionService } from './region.service.ts';

export function regionRoutes(regions: RegionService) {
  return async (app: App) => {
    app.get(
      '',
      {
        config: { access: 'region.read' },
        schema: {
          tags: ['regions'],
          summary: 'Search regions by name or code within the jurisdiction',
          querystring: regionSearchQuerySchema,
          response: { 200: regionListSchema },
        },
      },
      async (request) => ({ items: await regions.list(actorOf(request), request.query) }),
    );

    app.get(
      '/:code',
      {
        config: { access: 'region.read' },
        schema: { tags: ['regions'], params: regionCodeParamsSchema, response: { 200: regionDetailSchema } },
      },
      async (request) => regions.get(actorOf(request), request.params.code),
    );

    app.get(
      '/:code/children',
      {
        config: { access: 'region.read' },
        schema: { tags: ['regions'], params: regionCodeParamsSchema, response: { 200: regionListSchema } },
      },
      async (request) => ({ items: await regions.children(actorOf(request), request.params.code) }),
    );
  };
}
