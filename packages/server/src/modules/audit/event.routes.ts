import type { Db } from '../../db/pool.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { createEventRepository } from './event.repository.ts';
import { eventListQuerySchema, eventListSchema } from './event.schema.ts';

/** Browsing the event log is a read of records, so it goes straight to the repository. */
export function eventRoutes(db: Db) {
  const repo = createEventRepository(db);
  return async (app: App) => {
    app.get(
      '',
      {
        config: { access: 'event.read' },
        schema: {
          tags: ['audit'],
          summary: 'Browse the event log',
          querystring: eventListQuerySchema,
          response: { 200: eventListSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const [rows, total] = await Promise.all([
          repo.list(actor, request.query),
          repo.count(actor, request.query),
        ]);
        return {
          total,
          items: rows.map(({ event: e, actorName }) => ({
            id: e.id,
            at: e.at.toISOString(),
            actorId: e.actorId,
            actorName,
            action: e.action,
            entityType: e.entityType,
            entityId: e.entityId,
            regionCode: e.regionCode,
            payload: e.payload as Record<string, unknown>,
          })),
        };
      },
    );
  };
}
