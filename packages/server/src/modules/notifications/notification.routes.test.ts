import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notification, notificationOutbox } from '../../db/schema.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createNotifier, drainOutbox, type NotificationProvider, type SmsGateway } from './notifier.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  users.ann = (await buildUser(t.db, { regionCode: '440200', phone: '13800001111' })).id;
  users.bob = (await buildUser(t.db, { regionCode: '440200', phone: null })).id;
  for (const u of ['ann', 'bob']) cookies[u] = await t.sessionFor(users[u]!);
});
afterAll(() => t.close());

const call = (who: string | null, method: 'GET' | 'POST', url: string) =>
  t.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {} });

const notifier = () => createNotifier({ clock: t.clock, ids: uuidV7Ids });

describe('notifications', () => {
  it('requires authentication', async () => {
    expect((await call(null, 'GET', '/api/notifications')).statusCode).toBe(401);
    expect((await call(null, 'POST', '/api/notifications/read-all')).statusCode).toBe(401);
  });

  it('stores a notification per person in the caller’s transaction and queues an SMS for those with a phone', async () => {
    await t.db.transaction((tx) =>
      notifier().send(tx, [
        {
          userId: users.ann!,
          regionCode: '440200',
          kind: 'duty.gap',
          title: '值班缺岗',
          body: '今晚夜班无人',
          link: '/duty',
        },
        { userId: users.bob!, regionCode: '440200', kind: 'duty.gap', title: '值班缺岗' },
      ]),
    );
    const sms = await t.db.select().from(notificationOutbox);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({
      toPhone: '13800001111',
      state: 'pending',
      text: '【暖线】值班缺岗：今晚夜班无人',
    });

    // A rolled-back act notifies nobody.
    await t.db
      .transaction(async (tx) => {
        await notifier().send(tx, [
          { userId: users.ann!, regionCode: '440200', kind: 'x', title: '不该出现' },
        ]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await t.db.select().from(notification).where(eq(notification.title, '不该出现'))).length).toBe(0);
  });

  it('hands each notification to every provider', async () => {
    const seen: string[] = [];
    const im: NotificationProvider = {
      channel: 'im',
      deliver: async (_tx, n, u) => void seen.push(`${u.id}:${n.title}`),
    };
    await t.db.transaction((tx) =>
      createNotifier({ clock: t.clock, ids: uuidV7Ids, providers: [im] }).send(tx, [
        { userId: users.bob!, regionCode: '440200', kind: 'x', title: '测试' },
      ]),
    );
    expect(seen).toEqual([`${users.bob}:测试`]);
  });

  it('lists my own, unread first, marks one and all read, and never touches another person’s', async () => {
    const mine = (await call('ann', 'GET', '/api/notifications')).json();
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ title: '值班缺岗', link: '/duty', readAt: null });
    const id = mine.items[0].id;
    expect((await call('bob', 'POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await call('ann', 'POST', `/api/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await call('ann', 'GET', '/api/notifications')).json().unread).toBe(0);
    expect((await call('bob', 'GET', '/api/notifications')).json().unread).toBe(2);
    expect((await call('bob', 'POST', '/api/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await call('bob', 'GET', '/api/notifications?limit=0')).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('drains the outbox through a gateway, retrying a failure until it gives up', async () => {
    let fail = true;
    const sent: string[] = [];
    const gateway: SmsGateway = {
      send: async (m) => {
        if (fail) throw new Error('gateway down');
        sent.push(m.to);
      },
    };
    expect(await drainOutbox(t.db, gateway, { maxAttempts: 2 })).toEqual({ sent: 0, failed: 1 });
    expect((await t.db.select().from(notificationOutbox))[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'gateway down',
    });
    fail = false;
    expect(await drainOutbox(t.db, gateway, { clock: t.clock })).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual(['13800001111']);
    expect((await t.db.select().from(notificationOutbox))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await drainOutbox(t.db, gateway)).toEqual({ sent: 0, failed: 0 });
  });
});
