import { z } from 'zod';
import { type App, actorOf, emptyBodySchema } from '../../platform/http.ts';
import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
  notificationListSchema,
  readAllSchema,
} from './notification.schema.ts';
import type { NotificationService } from './notification.service.ts';

/** The signed-in person's own notifications (通知): the bell in the header. */
export function notificationRoutes(notifications: NotificationService) {
  return async (app: App) => {
    const tags = ['notifications'];
    app.get(
      '',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'My notifications, unread first, with the unread count',
          querystring: notificationListQuerySchema,
          response: { 200: notificationListSchema },
        },
      },
      async (request) => notifications.mine(actorOf(request), request.query.limit),
    );
    app.post(
      '/read-all',
      {
        config: { access: 'authenticated' },
        schema: { tags, body: emptyBodySchema, response: { 200: readAllSchema } },
      },
      async (request) => notifications.markAllRead(actorOf(request)),
    );
    app.post(
      '/:id/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          params: notificationIdParamsSchema,
          body: emptyBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await notifications.markRead(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
