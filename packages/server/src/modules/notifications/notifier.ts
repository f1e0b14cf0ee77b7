/**
 * The `Notifier` (platform/notifier.ts): a notification is a row for the bell, written in the
 * caller's transaction, and each provider delivers it further in the same transaction — the
 * default one by queueing a text message in `notification_outbox`, which `drainOutbox` hands to
 * a real gateway later (docs/notifications.md). A rolled-back act tells nobody.
 */
import type { Db, DbOrTx } from '../../db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ids } from '../../platform/ids.ts';
import type { NotificationInput, Notifier } from '../../platform/notifier.ts';
import { createNotificationRepository, type NotificationRow } from './notification.repository.ts';

export interface NotifiedUser {
  id: string;
  displayName: string;
  phone: string | null;
}

/** A channel beyond the bell (SMS, an IM robot …); `deliver` runs inside the notifying transaction. */
export interface NotificationProvider {
  channel: string;
  deliver(tx: DbOrTx, notification: NotificationRow, user: NotifiedUser): Promise<void>;
}

/** The text message a notification becomes: the title, the body, within one long SMS. */
export function smsText(n: Pick<NotificationRow, 'title' | 'body'>): string {
  const text = `【暖线】${n.title}${n.body ? `：${n.body}` : ''}`;
  return text.length > 280 ? `${text.slice(0, 279)}…` : text;
}

/** The default provider: a pending SMS row for each user with a phone (none without one). */
export function outboxProvider(deps: { clock: Clock; ids: Ids }): NotificationProvider {
  return {
    channel: 'sms',
    async deliver(tx, n, user) {
      if (!user.phone) return;
      await createNotificationRepository(tx).insertOutbox({
        id: deps.ids.next(),
        notificationId: n.id,
        channel: 'sms',
        toPhone: user.phone,
        text: smsText(n),
        state: 'pending',
        createdAt: deps.clock.now(),
      });
    },
  };
}

export function createNotifier(deps: {
  clock: Clock;
  ids: Ids;
  providers?: readonly NotificationProvider[];
}): Notifier {
  const providers = deps.providers ?? [outboxProvider(deps)];
  return {
    async send(tx, items) {
      if (items.length === 0) return;
      const repo = createNotificationRepository(tx);
      const now = deps.clock.now();
      const rows: NotificationRow[] = items.map((i: NotificationInput) => ({
        id: deps.ids.next(),
        userId: i.userId,
        regionCode: i.regionCode,
        kind: i.kind,
        title: i.title,
        body: i.body ?? null,
        link: i.link ?? null,
        createdAt: now,
        readAt: null,
      }));
      await repo.insert(rows);
      if (providers.length === 0) return;
      const users = new Map(
        (await repo.recipients([...new Set(rows.map((r) => r.userId))])).map((u) => [u.id, u]),
      );
      for (const row of rows) {
        const user = users.get(row.userId);
        if (!user) continue;
        for (const p of providers) await p.deliver(tx, row, user);
      }
    },
  };
}

/** A real SMS gateway (Aliyun SMS, Tencent Cloud SMS …); throw to have the message retried. */
export interface SmsGateway {
  send(message: { to: string; text: string }): Promise<void>;
}

/**
 * Sends pending text messages through a gateway, oldest first, each row locked (SKIP LOCKED) so
 * several workers drain one outbox without sending twice. A failure is retried on the next
 * drain until `maxAttempts`, then the row is left `failed` with the last error.
 */
export async function drainOutbox(
  db: Db,
  gateway: SmsGateway,
  options: { clock?: Clock; limit?: number; maxAttempts?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const { limit = 50, maxAttempts = 5 } = options;
  const now = () => options.clock?.now() ?? new Date();
  return db.transaction(async (tx) => {
    const repo = createNotificationRepository(tx);
    let sent = 0;
    let failed = 0;
    for (const row of await repo.lockPending(limit)) {
      try {
        await gateway.send({ to: row.toPhone, text: row.text });
        await repo.updateOutbox(row.id, { state: 'sent', attempts: row.attempts + 1, sentAt: now() });
        sent += 1;
      } catch (err) {
        const attempts = row.attempts + 1;
        await repo.updateOutbox(row.id, {
          attempts,
          state: attempts >= maxAttempts ? 'failed' : 'pending',
          lastError: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
        });
        failed += 1;
      }
    }
    return { sent, failed };
  });
}
