import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emergencyResponse, forecastMin, hotspot } from '../../db/schema.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildLead, buildUser } from '../../testing/builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { forecastAt } from './lookups.ts';

/** A level in force tightens what the other capabilities already do; elsewhere nothing changes. */
let t: TestApp;
let dispatcher = '';
beforeAll(async () => {
  t = await createTestApp(); // 2026-12-15 20:00 Beijing: night
  dispatcher = (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id;
  const now = t.clock.now();
  await t.db.insert(emergencyResponse).values({
    id: uuidV7Ids.next(),
    regionCode: '440204',
    level: 'II',
    state: 'active',
    proposedAt: now,
    activatedAt: now,
    warningIds: [],
  });
});
afterAll(() => t.close());

async function call(method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: await t.sessionFor(dispatcher) },
    ...(payload ? { payload } : {}),
  });
}

describe('a level II response in 浈江区', () => {
  it('gives a team 3 minutes to accept there, and the configured 5 in a county without one', async () => {
    const minutes = async (regionCode: string) => {
      const lead = await buildLead(t.db, { regionCode });
      const team = await buildTeam(t.db, { regionCode });
      const res = await call('POST', `/api/leads/${lead.id}/dispatch`, { teamId: team.id });
      expect(res.statusCode, res.body).toBe(201);
      const d = res.json();
      return (Date.parse(d.acceptBy) - Date.parse(d.assignedAt)) / 60_000;
    };
    expect(await minutes('440204')).toBe(3);
    expect(await minutes('440203')).toBe(5);
  });

  it('has a high-risk hotspot visited every 2 hours at night instead of 12', async () => {
    const base = {
      kind: 'bridge_culvert',
      risk: 'high',
      lat: 24.8,
      lng: 113.6,
      lastVisitedAt: new Date(t.clock.now().getTime() - 3 * 3_600_000),
    };
    await t.db.insert(hotspot).values([
      { id: uuidV7Ids.next(), name: '风度路桥洞', regionCode: '440204', ...base },
      { id: uuidV7Ids.next(), name: '西河桥底', regionCode: '440203', ...base },
    ]);
    const res = await call('GET', '/api/hotspots');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      name: string;
      coverage: { state: string; intervalHours: number };
    }[];
    expect(items.find((h) => h.name === '风度路桥洞')!.coverage).toMatchObject({
      state: 'overdue',
      intervalHours: 2,
    });
    expect(items.find((h) => h.name === '西河桥底')!.coverage).toMatchObject({
      state: 'ok',
      intervalHours: 12,
    });
  });

  it('reads the night’s forecast for the person’s region, else the configured one', async () => {
    await t.db.insert(forecastMin).values({
      regionCode: '440204',
      night: '2026-12-15',
      minC: -4,
      source: 'manual',
      updatedAt: t.clock.now(),
    });
    const at = forecastAt(t.db, 0);
    expect(await at('440204', t.clock.now())).toBe(-4);
    // The night starts on the 15th in Beijing until 08:00 on the 16th.
    expect(await at('440204', new Date('2026-12-16T06:00:00+08:00'))).toBe(-4);
    expect(await at('440203', t.clock.now())).toBe(0);
  });
});
