import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, signInTo, startServerProcess } from '../../testing/server-process.ts';

/**
 * Timers are durable jobs: an assignment made on one process, which then restarts before the
 * team's acceptance window ends, still times out — worked by the process that comes back.
 */
let dataDir = '';
const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const signIn = (url: string) => signInTo(url, 'dispatcher');

describe('acceptance timer across a restart', () => {
  it('returns the lead to the queue and alerts, though the process that set the timer is gone', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'warmline-restart-'));
    // A 6-second acceptance window keeps the test short; the default is 5 minutes.
    const env = { DATA_DIR: dataDir, WARMLINE_DEMO: 'on', DISPATCH_ACCEPT_MINUTES: '0.1' };
    const first = await startServerProcess(env, 120_000);
    started.push(first);
    let cookie = await signIn(first.url);
    const get = async <T = { items: unknown[] }>(url: string, base: string) =>
      (await (await fetch(`${base}${url}`, { headers: { cookie } })).json()) as T;
    const teams = (await get('/api/teams?status=available', first.url)).items as {
      id: string;
      name: string;
    }[];
    const leads = (await get('/api/leads?state=new', first.url)).items as {
      id: string;
      lat: number | null;
    }[];
    const target = leads.find((l) => l.lat !== null)!;
    const assigned = await fetch(`${first.url}/api/leads/${target.id}/dispatch`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ teamId: teams[0]!.id }),
    });
    expect(assigned.status).toBe(201);
    const d = (await assigned.json()) as { id: string; acceptBy: string };

    // Restart at once: the window is still open, and this process will never see it close.
    await first.stop();
    started.pop();
    expect(Date.now()).toBeLessThan(Date.parse(d.acceptBy));
    const second = await startServerProcess(env, 120_000);
    started.push(second);
    cookie = await signIn(second.url);

    await expect
      .poll(async () => (await get<{ state: string }>(`/api/leads/${target.id}`, second.url)).state, {
        timeout: 45_000,
        interval: 500,
      })
      .toBe('triaged');
    const alerts = (await get('/api/alerts', second.url)).items as { dispatchId: string; kind: string }[];
    expect(alerts.filter((a) => a.dispatchId === d.id).map((a) => a.kind)).toEqual(['not_accepted']);
    const history = (await get(`/api/leads/${target.id}/dispatches`, second.url)).items as {
      state: string;
    }[];
    expect(history[0]!.state).toBe('expired');
  }, 240_000);
});
