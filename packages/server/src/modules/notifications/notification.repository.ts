import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, notification, notificationOutbox } from '../../db/schema.ts';

export type NotificationRow = typeof notification.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;

/** Notifications are a person's own: every read and change here is filtered by the user id. */
export function createNotificationRepository(db: DbOrTx) {
  return {
    insert: (rows: (typeof notification.$inferInsert)[]) => db.insert(notification).values(rows),

    /** The people told, with what a provider needs (a phone for SMS). */
    recipients: (ids: string[]) =>
      db
        .select({ id: appUser.id, displayName: appUser.displayName, phone: appUser.phone })
        .from(appUser)
        .where(inArray(appUser.id, ids)),

    insertOutbox: (row: typeof notificationOutbox.$inferInsert) => db.insert(notificationOutbox).values(row),

    /** Unread first, then newest first. */
    mine: (userId: string, limit: number) =>
      db
        .select()
        .from(notification)
        .where(eq(notification.userId, userId))
        .orderBy(sql`${notification.readAt} IS NOT NULL`, desc(notification.createdAt))
        .limit(limit),

    unreadCount: async (userId: string) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(notification)
          .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
      )[0]?.n ?? 0,

    /** Marks one of the user's own as read; false when it is not theirs (or missing). */
    markRead: async (userId: string, id: string, at: Date) =>
      (
        await db
          .update(notification)
          .set({ readAt: sql`coalesce(${notification.readAt}, ${at.toISOString()}::timestamptz)` })
          .where(and(eq(notification.id, id), eq(notification.userId, userId)))
          .returning({ id: notification.id })
      ).length === 1,

    markAllRead: async (userId: string, at: Date) =>
      (
        await db
          .update(notification)
          .set({ readAt: at })
          .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
          .returning({ id: notification.id })
      ).length,

    /** The oldest pending messages, locked so two drainers never send one twice. */
    lockPending: (limit: number) =>
      db
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.state, 'pending'))
        .orderBy(notificationOutbox.createdAt)
        .limit(limit)
        .for('update', { skipLocked: true }),

    updateOutbox: (id: string, values: Partial<typeof notificationOutbox.$inferInsert>) =>
      db.update(notificationOutbox).set(values).where(eq(notificationOutbox.id, id)),
  };
}
