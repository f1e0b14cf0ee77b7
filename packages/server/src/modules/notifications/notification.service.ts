import type { Db } from '../../db/pool.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { createNotificationRepository, type NotificationRow } from './notification.repository.ts';
import type { NotificationView } from './notification.schema.ts';

/**
 * A person's own notifications (the bell). Reading one is not an operational act, so it writes
 * no event; someone else's answers 404 like a missing one.
 */
export function createNotificationService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createNotificationRepository(db);
  const present = (n: NotificationRow): NotificationView => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    regionCode: n.regionCode,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  });
  return {
    async mine(actor: Actor, limit: number) {
      const [rows, unread] = await Promise.all([repo.mine(actor.id, limit), repo.unreadCount(actor.id)]);
      return { items: rows.map(present), unread };
    },
    async markRead(actor: Actor, id: string) {
      if (!(await repo.markRead(actor.id, id, clock.now()))) throw new AppError('NOT_FOUND');
    },
    async markAllRead(actor: Actor) {
      return { updated: await repo.markAllRead(actor.id, clock.now()) };
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
