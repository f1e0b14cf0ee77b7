import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueue, listOutbox, outboxDb, readBody, setOutboxUser } from './outbox.ts';
import { flushOutbox, submit } from './sender.ts';

const body = (n: number) => ({ clientId: crypto.randomUUID(), n, identity: { name: '张三' } });
const json = (status: number, data: unknown) =>
  new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
  setOutboxUser('patrol-1');
  const db = await outboxDb();
  await db.clear('outbox');
});
afterEach(() => vi.unstubAllGlobals());

describe('outbox', () => {
  it('keeps bodies sealed with a non-extractable key, and reads them back', async () => {
    const b = body(1);
    await enqueue({ kind: 'encounter', path: '/api/patrol/encounters', body: b });
    const [entry] = await listOutbox();
    expect(entry!.id).toBe(b.clientId);
    expect(new TextDecoder().decode(entry!.body.data)).not.toContain('张三');
    expect(await readBody(entry!)).toEqual(b);
    const key = (await (await outboxDb()).get('keys', 'outbox'))!;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('sends in order, removes only what the server confirmed, keeps refusals and retries the rest', async () => {
    const sent: number[] = [];
    const answers = [
      json(201, {}),
      json(200, {}),
      json(400, { error: { code: 'VALIDATION_FAILED', message: '无效' } }),
      json(503, {}),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_path: string, init: RequestInit) => {
        sent.push((JSON.parse(String(init.body)) as { n: number }).n);
        return answers.shift() ?? new Response(null, { status: 503 });
      }),
    );
    for (const n of [1, 2, 3, 4, 5]) await enqueue({ kind: 'checkin', path: '/x', body: body(n) });
    await flushOutbox(true);
    // 1 and 2 delivered, 3 refused (kept, skipped), 4 must wait (and 5 after it, unsent).
    expect(sent).toEqual([1, 2, 3, 4]);
    const left = await listOutbox();
    expect(left).toHaveLength(3);
    expect(left[0]!.rejected?.code).toBe('VALIDATION_FAILED');
    expect(left[1]!.attempts).toBe(1);
    expect(left[1]!.lastError).toBe('HTTP 503');
    expect(left[2]!.attempts).toBe(0);
  });

  it("corrects the time of a phone whose clock runs fast by the server's Date header", async () => {
    const serverNow = Date.now() - 10 * 60_000; // the phone is 10 minutes ahead
    const ats: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_path: string, init: RequestInit) => {
        const at = (JSON.parse(String(init.body)) as { at: string }).at;
        ats.push(at);
        const date = new Date(serverNow).toUTCString();
        return Date.parse(at) > serverNow + 60_000
          ? new Response(
              JSON.stringify({
                error: { code: 'VALIDATION_FAILED', message: 'x', details: { field: 'at' } },
              }),
              {
                status: 400,
                headers: { date },
              },
            )
          : new Response('{}', { status: 201, headers: { date } });
      }),
    );
    await enqueue({ kind: 'encounter', path: '/x', body: { ...body(1), at: new Date().toISOString() } });
    await flushOutbox(true);
    expect(ats).toHaveLength(2);
    expect(Math.abs(Date.parse(ats[1]!) - serverNow)).toBeLessThan(5_000);
    expect(await listOutbox()).toHaveLength(0);
  });

  it("never sends another person's records", async () => {
    const fetch = vi.fn(async () => json(201, {}));
    vi.stubGlobal('fetch', fetch);
    await enqueue({ kind: 'checkin', path: '/x', body: body(1) });
    setOutboxUser('patrol-2');
    await flushOutbox(true);
    expect(fetch).not.toHaveBeenCalled();
    setOutboxUser('patrol-1');
    await flushOutbox(true);
    expect(await listOutbox()).toHaveLength(0);
  });

  it('queues a save when the network is down, and a refusal of a save made just now is thrown', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    expect(await submit({ kind: 'encounter', path: '/x', body: body(1) })).toEqual({ state: 'queued' });
    expect(await listOutbox()).toHaveLength(1);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(422, { error: { code: 'OVERRIDE_REFUSED', message: 'no' } })),
    );
    await (await outboxDb()).clear('outbox');
    await expect(submit({ kind: 'encounter', path: '/x', body: body(2) })).rejects.toMatchObject({
      code: 'OVERRIDE_REFUSED',
    });
    expect(await listOutbox()).toHaveLength(0);
  });

  it('keeps a photo sealed and sends it as a form after its encounter', async () => {
    const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7, 7]).buffer;
    const sent: { path: string; init: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init: RequestInit) => {
        sent.push({ path, init });
        return json(201, {});
      }),
    );
    const encounter = body(1);
    await enqueue({ kind: 'encounter', path: '/api/patrol/encounters', body: encounter });
    const photoId = crypto.randomUUID();
    await enqueue({
      kind: 'photo',
      path: `/api/patrol/encounters/${encounter.clientId}/photos`,
      body: { clientId: photoId },
      file: picture,
    });
    const [, stored] = await listOutbox();
    expect(new Uint8Array(stored!.file!.data)).not.toEqual(new Uint8Array(picture));
    await flushOutbox(true);
    expect(sent.map((s) => s.path)).toEqual([
      '/api/patrol/encounters',
      `/api/patrol/encounters/${encounter.clientId}/photos`,
    ]);
    const form = sent[1]!.init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(JSON.parse(String(form.get('data')))).toEqual({ clientId: photoId });
    const file = form.get('photos') as Blob;
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array(picture));
    expect(await listOutbox()).toHaveLength(0);
  });
});
