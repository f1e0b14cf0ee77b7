import { defaultSlaPolicy } from '@warmline/domain';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alert, dispatch, event, lead, team } from '../../db/schema.ts';
import { createEventRecorder } from '../../platform/events.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { noTimersScheduler } from '../../platform/jobs.ts';
import { buildLead, buildUser } from '../../testing/builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createDispatchService, DISPATCH_CHECK_JOB } from './dispatch.service.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const make = async (
    name: string,
    role: 'dispatcher' | 'patrol_member' | 'bureau_admin',
    regionCode = '440200',
  ) => {
    users[name] = (await buildUser(t.db, { role, regionCode })).id;
    cookies[name] = await t.sessionFor(users[name]!);
  };
  await make('dispatcher', 'dispatcher');
  await make('dispatcher2', 'dispatcher');
  await make('patrol', 'patrol_member');
  await make('outsider', 'patrol_member');
  await make('wujiang', 'bureau_admin', '440203');
});
afterAll(() => t.close());

const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? { cookie: cookies[who]! } : {},
    ...(payload ? { payload } : {}),
  });
const leadState = async (id: string) =>
  (await t.db.select({ s: lead.state }).from(lead).where(eq(lead.id, id)))[0]!.s;
const teamStatus = async (id: string) =>
  (await t.db.select({ s: team.status }).from(team).where(eq(team.id, id)))[0]!.s;

describe('dispatch', () => {
  it('requires authentication', async () => {
    for (const url of ['/api/dispatches', '/api/alerts', '/api/patrol/dispatches', '/api/teams']) {
      expect((await call(null, 'GET', url)).statusCode, url).toBe(401);
    }
  });

  it('recommends the five available teams that arrive soonest, skipping busy, off-duty and unplaced ones', async () => {
    const target = await buildLead(t.db, { lat: 24.8044, lng: 113.6111, regionCode: '440204' });
    // Distances grow with i; one off duty, one unplaced, one in 武江 (still in the city's jurisdiction).
    const near = [];
    for (let i = 0; i < 7; i++) {
      near.push(await buildTeam(t.db, { lat: 24.8044 + 0.004 * (i + 1), lng: 113.6111, name: `近队${i}` }));
    }
    await buildTeam(t.db, { lat: 24.8045, lng: 113.6112, status: 'off_duty', name: '休息队' });
    await buildTeam(t.db, { lat: null, lng: null, name: '无位置队' });
    const res = await call('dispatcher', 'GET', `/api/leads/${target.id}/recommendations`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((r: { teamName: string }) => r.teamName)).toEqual([
      '近队0',
      '近队1',
      '近队2',
      '近队3',
      '近队4',
    ]);
    expect(body.items[0].etaMinutes).toBeLessThanOrEqual(body.items[4].etaMinutes);
    expect(body.items[0].distanceM).toBeGreaterThan(400);
    expect(body.items[0].distanceM).toBeLessThan(500);
    expect(body.unplaced).toBeGreaterThanOrEqual(1);
    // A county admin of 武江 cannot see a 浈江 lead at all.
    expect((await call('wujiang', 'GET', `/api/leads/${target.id}/recommendations`)).statusCode).toBe(404);
    await t.db.update(team).set({ status: 'off_duty' }).where(eq(team.regionCode, '440204'));
  });

  it('follows a lead from assignment to "found and helped", with timers, team status and a timeline', async () => {
    const crew = await buildTeam(t.db, { members: [{ userId: users.patrol!, department: 'civil_affairs' }] });
    const target = await buildLead(t.db, { descriptors: ['elderly'] });
    const assigned = await call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, {
      teamId: crew.id,
    });
    expect(assigned.statusCode).toBe(201);
    const d = assigned.json();
    expect(d).toMatchObject({
      state: 'pending',
      teamId: crew.id,
      lead: { trackingCode: target.trackingCode },
    });
    // Accept within 5 minutes; arrive within the estimate + slack, capped at 30 for the vulnerable.
    const assignedAt = new Date(d.assignedAt).getTime();
    expect(new Date(d.acceptBy).getTime() - assignedAt).toBe(5 * 60_000);
    expect(new Date(d.arriveBy).getTime() - assignedAt).toBeLessThanOrEqual(30 * 60_000);
    expect(
      t.timers.filter((x) => (x.data as { dispatchId: string }).dispatchId === d.id).map((x) => x.name),
    ).toEqual([DISPATCH_CHECK_JOB, DISPATCH_CHECK_JOB]);
    expect(await leadState(target.id)).toBe('dispatched');
    expect((await call(null, 'GET', `/api/public/leads/${target.trackingCode}`)).json().status).toBe(
      'dispatched',
    );

    // The patrol member's phone shows it; they accept, arrive and close it.
    const mine = (await call('patrol', 'GET', '/api/patrol/dispatches')).json();
    expect(mine.items[0]).toMatchObject({ id: d.id, state: 'pending' });
    expect(mine.items[0].lead).not.toHaveProperty('reporterPhone');
    expect((await call('patrol', 'POST', `/api/patrol/dispatches/${d.id}/accept`, {})).json().state).toBe(
      'accepted',
    );
    expect(await teamStatus(crew.id)).toBe('en_route');
    t.clock.advance(12 * 60_000);
    expect((await call('patrol', 'POST', `/api/patrol/dispatches/${d.id}/arrive`, {})).json().state).toBe(
      'on_scene',
    );
    expect(await leadState(target.id)).toBe('on_scene');
    const done = await call('patrol', 'POST', `/api/patrol/dispatches/${d.id}/complete`, {
      outcome: 'helped',
      note: '已劝导入站，送至市救助站',
    });
    expect(done.json()).toMatchObject({ state: 'completed', outcome: 'helped' });
    expect(await leadState(target.id)).toBe('resolved');
    expect(await teamStatus(crew.id)).toBe('available');
    expect((await call(null, 'GET', `/api/public/leads/${target.trackingCode}`)).json().status).toBe(
      'helped',
    );

    const timeline = (await call('dispatcher', 'GET', `/api/leads/${target.id}/timeline`)).json();
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual([
      'lead.dispatched',
      'lead.accepted',
      'lead.on_scene',
      'lead.resolved',
    ]);
    const onScene = timeline.items.find((e: { action: string }) => e.action === 'lead.on_scene');
    expect(onScene.payload).toMatchObject({ withinSla: true, teamId: crew.id });
    // Acting again on a finished assignment is refused.
    expect(
      (await call('patrol', 'POST', `/api/patrol/dispatches/${d.id}/arrive`, {})).json().error.code,
    ).toBe('DISPATCH_NOT_ACTIVE');
  });

  it('lets exactly one of two dispatchers assigning the same lead at once win', async () => {
    const a = await buildTeam(t.db, { regionCode: '440203' });
    const b = await buildTeam(t.db, { regionCode: '440203' });
    for (let round = 0; round < 5; round++) {
      const target = await buildLead(t.db, { regionCode: '440203' });
      const [r1, r2] = await Promise.all([
        call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, { teamId: a.id }),
        call('dispatcher2', 'POST', `/api/leads/${target.id}/dispatch`, { teamId: b.id }),
      ]);
      expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
      expect([r1, r2].find((r) => r.statusCode === 409)!.json().error.code).toBe('LEAD_ALREADY_DISPATCHED');
      const rows = await t.db.select({ n: count() }).from(dispatch).where(eq(dispatch.leadId, target.id));
      expect(rows[0]!.n).toBe(1);
      // Free the winner for the next round.
      const won = [r1, r2].find((r) => r.statusCode === 201)!.json();
      await call('dispatcher', 'POST', `/api/dispatches/${won.id}/cancel`, { reason: '测试' });
    }
  });

  it('refuses a busy team for a second lead', async () => {
    const crew = await buildTeam(t.db, { regionCode: '440205' });
    const first = await buildLead(t.db, { regionCode: '440205' });
    const second = await buildLead(t.db, { regionCode: '440205' });
    expect(
      (await call('dispatcher', 'POST', `/api/leads/${first.id}/dispatch`, { teamId: crew.id })).statusCode,
    ).toBe(201);
    const res = await call('dispatcher', 'POST', `/api/leads/${second.id}/dispatch`, { teamId: crew.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TEAM_NOT_AVAILABLE');
    expect(await leadState(second.id)).toBe('new');
  });

  it('returns a lead not accepted in time to the queue and alerts the duty leader, once', async () => {
    const crew = await buildTeam(t.db, { regionCode: '440222', members: [{ userId: users.outsider! }] });
    const target = await buildLead(t.db, { regionCode: '440222' });
    const d = (
      await call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, { teamId: crew.id })
    ).json();
    const timer = t.timers.find((x) => (x.data as { dispatchId: string }).dispatchId === d.id)!;
    expect(timer.when.toISOString()).toBe(d.acceptBy);

    // Early: the timer finds nothing to do.
    // The worker process's view of the same database: what the pg-boss job runs.
    const worker = createDispatchService({
      db: t.db,
      clock: t.clock,
      ids: uuidV7Ids,
      recordEvent: createEventRecorder({ clock: t.clock, ids: uuidV7Ids }),
      scheduler: noTimersScheduler,
      policy: defaultSlaPolicy,
    });
    await worker.check(d.id);
    expect(await leadState(target.id)).toBe('dispatched');

    t.clock.advance(5 * 60_000 + 1000);
    // Too late to accept now, even before the timer has run.
    const late = await call('outsider', 'POST', `/api/patrol/dispatches/${d.id}/accept`, {});
    expect(late.json().error.code).toBe('DISPATCH_NOT_ACTIVE');
    await Promise.all([worker.check(d.id), worker.check(d.id), worker.sweep()]);
    expect(await leadState(target.id)).toBe('triaged');
    expect(await teamStatus(crew.id)).toBe('available');
    const alerts = await t.db.select().from(alert).where(eq(alert.dispatchId, d.id));
    expect(alerts.map((a) => a.kind)).toEqual(['not_accepted']);
    const returned = await t.db
      .select({ n: count() })
      .from(event)
      .where(and(eq(event.entityId, target.id), eq(event.action, 'lead.returned')));
    expect(returned[0]!.n).toBe(1);

    const open = (await call('dispatcher', 'GET', '/api/alerts')).json().items;
    expect(open.find((a: { dispatchId: string }) => a.dispatchId === d.id)).toMatchObject({
      kind: 'not_accepted',
    });
    const ack = await call('dispatcher', 'POST', `/api/alerts/${alerts[0]!.id}/acknowledge`, {});
    expect(ack.statusCode).toBe(204);
    const after = (await call('dispatcher', 'GET', '/api/alerts')).json().items;
    expect(after.find((a: { dispatchId: string }) => a.dispatchId === d.id)).toBeUndefined();
  });

  it('only the team may act on its assignment; a decline returns the lead; not found can be sent again', async () => {
    const crew = await buildTeam(t.db, { regionCode: '440224', members: [{ userId: users.outsider! }] });
    const target = await buildLead(t.db, { regionCode: '440224' });
    let d = (
      await call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, { teamId: crew.id })
    ).json();
    const stranger = await call('patrol', 'POST', `/api/patrol/dispatches/${d.id}/accept`, {});
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('NOT_TEAM_MEMBER');
    const declined = await call('outsider', 'POST', `/api/patrol/dispatches/${d.id}/decline`, {
      reason: '车辆故障',
    });
    expect(declined.json().state).toBe('declined');
    expect(await leadState(target.id)).toBe('triaged');

    d = (await call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, { teamId: crew.id })).json();
    await call('outsider', 'POST', `/api/patrol/dispatches/${d.id}/accept`, {});
    await call('outsider', 'POST', `/api/patrol/dispatches/${d.id}/arrive`, {});
    await call('outsider', 'POST', `/api/patrol/dispatches/${d.id}/complete`, { outcome: 'not_found' });
    expect(await leadState(target.id)).toBe('not_found');
    expect((await call(null, 'GET', `/api/public/leads/${target.trackingCode}`)).json().status).toBe(
      'not_found',
    );
    // Re-queued for the next patrol near there: on the command centre's queue, not among the open.
    const queued = (await call('dispatcher', 'GET', '/api/leads?queue=true&pageSize=200')).json().items;
    expect(queued.map((l: { id: string }) => l.id)).toContain(target.id);
    const open = (await call('dispatcher', 'GET', '/api/leads?open=true&pageSize=200')).json().items;
    expect(open.map((l: { id: string }) => l.id)).not.toContain(target.id);
    expect(
      (await call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, { teamId: crew.id })).statusCode,
    ).toBe(201);
    const history = (await call('dispatcher', 'GET', `/api/leads/${target.id}/dispatches`)).json().items;
    expect(history.map((h: { state: string }) => h.state)).toEqual(['pending', 'completed', 'declined']);
  });

  it('answers bad input with a code and changes nothing', async () => {
    const target = await buildLead(t.db);
    const bad = await call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, { teamId: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const missing = await call('dispatcher', 'POST', `/api/leads/${target.id}/dispatch`, {
      teamId: '01900000-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    const badOutcome = await call('patrol', 'POST', `/api/patrol/dispatches/${target.id}/complete`, {
      outcome: 'maybe',
    });
    expect(badOutcome.statusCode).toBe(400);
    expect(await leadState(target.id)).toBe('new');
    // A patrol member may not dispatch.
    expect((await call('patrol', 'GET', `/api/leads/${target.id}/recommendations`)).statusCode).toBe(403);
  });
});
