import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotspot } from '../../db/schema.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildUser } from '../../testing/builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const spots: string[] = [];
let memberIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const patrol = (await buildUser(t.db, { role: 'patrol_member', regionCode: '440204' })).id;
  const dispatcher = (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id;
  cookies.patrol = await t.sessionFor(patrol);
  cookies.dispatcher = await t.sessionFor(dispatcher);
  const loner = (await buildUser(t.db, { role: 'patrol_member', regionCode: '440204' })).id;
  cookies.loner = await t.sessionFor(loner);
  const team = await buildTeam(t.db, {
    name: '班次测试队',
    vehicle: '粤F·J9001',
    members: [
      { userId: patrol, displayName: '张伟', department: 'civil_affairs' },
      { displayName: '李振华', department: 'police' },
      { displayName: '黄志明', department: 'urban_management' },
    ],
  });
  memberIds = (
    await t.app.inject({
      method: 'GET',
      url: `/api/teams/${team.id}`,
      headers: { cookie: cookies.dispatcher! },
    })
  )
    .json()
    .members.map((m: { id: string }) => m.id);
  for (const [i, name] of ['站前广场', '五里亭桥下'].entries()) {
    const id = uuidV7Ids.next();
    spots.push(id);
    await t.db.insert(hotspot).values({
      id,
      name: `班次${name}`,
      kind: 'park',
      risk: 'high',
      regionCode: '440204',
      lat: 24.81 + i * 0.01,
      lng: 113.6,
    });
  }
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

describe('shifts (巡查班次)', () => {
  it('starts a shift with the crew tonight, files check-ins and encounters under it, and counts trips', async () => {
    expect((await call('patrol', 'GET', '/api/patrol/shifts/current')).json()).toEqual({ shift: null });
    const started = await call('patrol', 'POST', '/api/patrol/shifts', {
      memberIds: memberIds.slice(0, 2),
      plannedHotspotIds: spots,
    });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({
      staffTrips: 2,
      vehicleTrips: 1,
      vehicles: ['粤F·J9001'],
      hotspotsLeft: spots,
    });
    const again = await call('patrol', 'POST', '/api/patrol/shifts', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SHIFT_ALREADY_OPEN');

    await call('patrol', 'POST', '/api/patrol/team/position', { lat: 24.805, lng: 113.601 });
    await call('patrol', 'POST', '/api/patrol/checkins', {
      clientId: randomUUID(),
      hotspotId: spots[0],
      lat: 24.81,
      lng: 113.6,
    });
    await call('patrol', 'POST', '/api/patrol/encounters', {
      clientId: randomUUID(),
      lat: 24.81,
      lng: 113.6,
      facts: ['refuses_station'],
    });
    const current = (await call('patrol', 'GET', '/api/patrol/shifts/current')).json().shift;
    expect(current).toMatchObject({ checkins: 1, encounters: 1, hotspotsLeft: [spots[1]] });

    const track = (await call('dispatcher', 'GET', `/api/shifts/${current.id}/track`)).json().items;
    expect(track.map((p: { lat: number; lng: number }) => [p.lat, p.lng])).toEqual([[24.805, 113.601]]);
    const ended = await call('patrol', 'POST', '/api/patrol/shifts/current/end');
    expect(ended.statusCode).toBe(200);
    expect(ended.json().endedAt).not.toBeNull();
    expect((await call('patrol', 'POST', '/api/patrol/shifts/current/end')).json().error.code).toBe(
      'NO_OPEN_SHIFT',
    );

    // A second shift with the whole team; the command centre's counts add both up.
    await call('patrol', 'POST', '/api/patrol/shifts', {});
    const list = (await call('dispatcher', 'GET', '/api/shifts?from=2026-12-15&to=2026-12-15')).json();
    expect(list.totals).toEqual({ shifts: 2, staffTrips: 5, vehicleTrips: 2 });
    expect((await call('dispatcher', 'GET', '/api/shifts?from=2026-12-16')).json().totals.shifts).toBe(0);
  });

  it('refuses a member who is on no team, and a crew member from another team', async () => {
    expect((await call('loner', 'POST', '/api/patrol/shifts', {})).json().error.code).toBe('NOT_TEAM_MEMBER');
    await call('patrol', 'POST', '/api/patrol/shifts/current/end');
    const bad = await call('patrol', 'POST', '/api/patrol/shifts', { memberIds: [randomUUID()] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});
