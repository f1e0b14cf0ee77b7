import { type App, actorOf } from '../../platform/http.ts';
import {
  childrenSchema,
  figuresSchema,
  recordsQuerySchema,
  recordsSchema,
  statsQuerySchema,
  trendSchema,
} from './stats.schema.ts';
import type { StatsService } from './stats.service.ts';

/** Campaign figures, computed from the records (docs/statistics.md defines each key). */
export function statsRoutes(stats: StatsService) {
  return async (app: App) => {
    app.get(
      '/figures',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary:
            "Every campaign figure for a region (default: the caller's) and a period of Beijing dates, inclusive, with its breakdowns",
          querystring: statsQuerySchema,
          response: { 200: figuresSchema },
        },
      },
      async (request) => stats.figures(actorOf(request), request.query),
    );
    app.get(
      '/children',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary: 'The headline figures of each region one level down (the rollup and the map)',
          querystring: statsQuerySchema,
          response: { 200: childrenSchema },
        },
      },
      async (request) => stats.children(actorOf(request), request.query),
    );
    app.get(
      '/trend',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary: 'The headline figures day by day',
          querystring: statsQuerySchema,
          response: { 200: trendSchema },
        },
      },
      async (request) => stats.trend(actorOf(request), request.query),
    );
    app.get(
      '/records',
      {
        config: { access: 'stats.read' },
        schema: {
          tags: ['stats'],
          summary: 'The records behind one figure (or one cell of a breakdown): exactly those it counts',
          querystring: recordsQuerySchema,
          response: { 200: recordsSchema },
        },
      },
      async (request) => stats.records(actorOf(request), request.query),
    );
  };
}
