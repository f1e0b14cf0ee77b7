import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJurisdictionScenario, TEST_PASSWORD } from '../../testing/builders.ts';
import { type ServerProcess, startServerProcess } from '../../testing/server-process.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';

/** Two real server processes on one database behave as one: NOTIFY crosses them. */
let database: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildJurisdictionScenario(database.db);
  const env = { DATABASE_URL: database.url, WARMLINE_DEMO: 'off' };
  // Started together (that race is part of the test); if one fails, the other is still stopped.
  const started = await Promise.allSettled([startServerProcess(env), startServerProcess(env)]);
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw failed.reason;
  }
  [a, b] = started.map((r) => (r as PromiseFulfilledResult<ServerProcess>).value) as [
    ServerProcess,
    ServerProcess,
  ];
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

async function login(server: ServerProcess, username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Reads `event: change` messages from an SSE response until `until` matches or time runs out. */
async function collect(
  res: Response,
  until: (data: { action: string; regionCode: string }) => boolean,
  ms: number,
) {
  const seen: { action: string; regionCode: string; entityId: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const stop = setTimeout(() => void reader.cancel(), ms);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: change') && data) {
          const parsed = JSON.parse(data.slice(6));
          seen.push(parsed);
          if (until(parsed)) return seen;
        }
      }
    }
  } finally {
    clearTimeout(stop);
    await reader.cancel().catch(() => {});
  }
  return seen;
}

describe('live updates across processes', () => {
  it('requires authentication', async () => {
    expect((await fetch(`${b.url}/api/live`)).status).toBe(401);
  });

  it('an SSE client on process B receives a change made on process A, within its jurisdiction only', async () => {
    const cityOnB = await login(b, 'city_admin');
    const wujiangOnB = await login(b, 'wj_admin');
    const zhenjiangOnA = await login(a, 'zj_admin');
    const cityStream = await fetch(`${b.url}/api/live`, { headers: { cookie: cityOnB } });
    const wujiangStream = await fetch(`${b.url}/api/live`, { headers: { cookie: wujiangOnB } });
    expect(cityStream.headers.get('content-type')).toContain('text/event-stream');

    const created = await fetch(`${a.url}/api/orgs`, {
      method: 'POST',
      headers: { cookie: zhenjiangOnA, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '浈江区城管执法大队', kind: 'urban_management', regionCode: '440204' }),
    });
    expect(created.status).toBe(201);
    const orgId = ((await created.json()) as { id: string }).id;

    const [city, wujiang] = await Promise.all([
      collect(cityStream, (d) => d.action === 'org.created', 10_000),
      collect(wujiangStream, (d) => d.action === 'org.created', 2_000),
    ]);
    expect(city).toContainEqual(
      expect.objectContaining({ action: 'org.created', entityId: orgId, regionCode: '440204' }),
    );
    // 武江区 is a sibling county: the change is not theirs to see.
    expect(wujiang.filter((d) => d.action === 'org.created')).toEqual([]);
  });
});
