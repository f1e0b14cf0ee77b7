import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, signInTo, startServerProcess } from '../../testing/server-process.ts';
import { capAlert } from '../weather/fixtures/cap-builder.ts';

/**
 * A plan task's deadline is a durable job: confirmed on one process, which then stops before
 * the deadline, the task is still escalated — by the process that comes back.
 */
let dataDir = '';
const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const signIn = (url: string) => signInTo(url, 'shaoguan');

interface Task {
  id: string;
  state: string;
  code: string;
  dueAt: string;
  escalatedAt: string | null;
}

describe('plan task deadline across a restart', () => {
  it('escalates an overdue task though the process that confirmed it is gone', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'warmline-response-restart-'));
    // Deadlines 1/120 of the plan's: a one-hour task falls due in 30 s, a two-hour one in a minute.
    const env = { DATA_DIR: dataDir, WARMLINE_DEMO: 'on', RESPONSE_DUE_SCALE: String(1 / 120) };
    const first = await startServerProcess(env, 120_000);
    started.push(first);
    let cookie = await signIn(first.url);
    const now = new Date();
    // A red cold wave with a red blizzard: level I, which the demo's winter never reached, so its
    // measures (hourly hotspot patrols, six teams) are new tasks whatever the demo left.
    for (const kind of ['cold_wave', 'blizzard'] as const) {
      const sent = await fetch(`${first.url}/api/weather/cap`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/xml' },
        body: capAlert({
          kind,
          colour: 'red',
          identifier: `RESTART_${kind}_${now.getTime()}`,
          sent: now.toISOString(),
          expires: new Date(now.getTime() + 86_400_000).toISOString(),
        }),
      });
      expect(sent.status).toBe(201);
    }
    const proposals = (await (
      await fetch(`${first.url}/api/response/proposals`, { headers: { cookie } })
    ).json()) as {
      items: { id: string; regionCode: string }[];
    };
    const city = proposals.items.find((p) => p.regionCode === '440200')!;
    const confirmed = await fetch(`${first.url}/api/response/proposals/${city.id}/confirm`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(confirmed.status).toBe(200);
    const { responseId } = (await confirmed.json()) as { responseId: string };
    const tasksOn = async (base: string) =>
      (
        (await (
          await fetch(`${base}/api/response/responses/${responseId}`, { headers: { cookie } })
        ).json()) as {
          tasks: Task[];
        }
      ).tasks;
    // The confirmation's own tasks are those not yet due (the demo's response may have older ones):
    // the first of them to fall due is the one to watch.
    const watched = (await tasksOn(first.url))
      .filter((t) => t.state === 'open' && !t.escalatedAt && Date.parse(t.dueAt) > Date.now())
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0]!;
    expect(watched).toBeDefined();

    await first.stop();
    started.pop();
    // Stopped before the deadline: this process never saw it pass.
    expect(Date.now()).toBeLessThan(Date.parse(watched.dueAt));
    const second = await startServerProcess(env, 120_000);
    started.push(second);
    cookie = await signIn(second.url);
    await expect
      .poll(async () => (await tasksOn(second.url)).find((t) => t.id === watched.id)!.escalatedAt, {
        timeout: 150_000,
        interval: 1000,
      })
      .not.toBeNull();
  }, 300_000);
});
