import { planFor } from '@warmline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventRecorder } from '../../platform/events.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createNotifier } from '../notifications/notifier.ts';
import { capAlert } from '../weather/fixtures/cap-builder.ts';
import { createResponseTasks } from './response-tasks.ts';

let t: TestApp;
const u = { leader: '', county: '', sibling: '', dispatcher: '', keeper: '', patrol: '' };
const at = (iso: string) => t.clock.advance(Date.parse(iso) - t.clock.now().getTime());

const cancel = (identifier: string, sent: string) => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}_cancel</identifier><sender>韶关市气象台</sender><sent>${sent}</sent>
  <status>Actual</status><msgType>Cancel</msgType><scope>Public</scope>
  <references>韶关市气象台,${identifier},2026-12-01T08:00:00+08:00</references>
  <info><language>zh-CN</language><event>寒潮</event><urgency>Past</urgency><severity>Minor</severity>
  <certainty>Observed</certainty><headline>解除寒潮预警信号</headline>
  <area><areaDesc>韶关市</areaDesc><geocode><valueName>GB/T 2260</valueName><value>440200</value></geocode></area></info>
</alert>`;

async function call(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: await t.sessionFor(user) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
const upload = async (xml: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/weather/cap',
    headers: { cookie: await t.sessionFor(u.leader), 'content-type': 'application/xml' },
    payload: xml,
  });
const proposals = async (user: string) =>
  (await call(user, 'GET', '/api/response/proposals')).json().items as {
    id: string;
    regionCode: string;
    kind: string;
    toLevel: string | null;
    warnings: unknown[];
  }[];
const tasksFor = (deps: TestApp) =>
  createResponseTasks({
    db: deps.db,
    clock: deps.clock,
    ids: uuidV7Ids,
    recordEvent: createEventRecorder({ clock: deps.clock, ids: uuidV7Ids }),
    scheduler: { at: async () => {} },
    notifier: createNotifier({ clock: deps.clock, ids: uuidV7Ids }),
    duty: null,
  });

beforeAll(async () => {
  t = await createTestApp();
  at('2026-12-01T08:30:00+08:00');
  for (const code of ['440200', '440281', '440204'])
    await buildOrg(t.db, { kind: 'bureau', regionCode: code });
  u.leader = (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440200' })).id;
  u.county = (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440281' })).id;
  u.sibling = (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440204' })).id;
  u.dispatcher = (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id;
  u.keeper = (await buildUser(t.db, { role: 'supplies_keeper', regionCode: '440200' })).id;
  u.patrol = (await buildUser(t.db, { role: 'patrol_member', regionCode: '440200' })).id;
});
afterAll(() => t.close());

describe('a red cold wave → a level II response → its plan → the end', () => {
  let responseId = '';

  it('proposes level II to the city and to each county bureau when the warning arrives', async () => {
    const res = await upload(capAlert({ kind: 'cold_wave', colour: 'red', identifier: 'RED1' }));
    expect(res.statusCode, res.body).toBe(201);
    const open = await proposals(u.leader);
    expect(open.map((p) => [p.regionCode, p.kind, p.toLevel]).sort()).toEqual([
      ['440200', 'activate', 'II'],
      ['440204', 'activate', 'II'],
      ['440281', 'activate', 'II'],
    ]);
    expect(open[0]!.warnings).toHaveLength(1);
    // A county sees its own proposal only; nothing is in force yet.
    expect((await proposals(u.county)).map((p) => p.regionCode)).toEqual(['440281']);
    const status = (await call(u.leader, 'GET', '/api/response/status')).json();
    expect(status).toMatchObject({ level: null, openProposals: 3 });
    // Nobody is rostered: the region's bureau administrators are told, each their own.
    const bell = (await call(u.leader, 'GET', '/api/notifications')).json();
    expect(bell.items.map((n: { kind: string; link: string }) => [n.kind, n.link])).toEqual([
      ['response.proposed', '/response'],
    ]);
    expect(bell.items[0].title).toContain('Ⅱ级响应');
    // The same alert sent again proposes nothing new.
    await upload(capAlert({ kind: 'cold_wave', colour: 'red', identifier: 'RED1' }));
    expect(await proposals(u.leader)).toHaveLength(3);
  });

  it('lets only a manager confirm, once, and makes the plan’s tasks with a timer each', async () => {
    const city = (await proposals(u.leader)).find((p) => p.regionCode === '440200')!;
    expect(
      (await call(u.dispatcher, 'POST', `/api/response/proposals/${city.id}/confirm`, {})).statusCode,
    ).toBe(403);
    // A sibling county's administrator cannot reach the city's proposal.
    expect((await call(u.sibling, 'POST', `/api/response/proposals/${city.id}/confirm`, {})).statusCode).toBe(
      404,
    );
    const before = t.timers.length;
    const ok = await call(u.leader, 'POST', `/api/response/proposals/${city.id}/confirm`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    responseId = ok.json().responseId;
    const again = await call(u.leader, 'POST', `/api/response/proposals/${city.id}/confirm`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROPOSAL_DECIDED');

    const detail = (await call(u.leader, 'GET', `/api/response/responses/${responseId}`)).json();
    expect(detail).toMatchObject({ level: 'II', state: 'active', regionCode: '440200', auto: false });
    expect(detail.tasks.map((x: { title: string }) => x.title).sort()).toEqual(
      planFor('II')
        .map((m) => m.zh)
        .sort(),
    );
    // Two tasks show live figures: teams on duty against the minimum, and supplies to move.
    const byCode = (code: string) => detail.tasks.find((x: { code: string }) => x.code === code);
    expect(byCode('teams_on_duty').detail).toEqual({ teams: { onDuty: 0, minimum: 4 } });
    expect(byCode('move_supplies').detail.supplies).toMatchObject({ available: 0, targets: [] });
    expect(byCode('notify_sentinels').detail).toBeNull();
    const timers = t.timers.slice(before).filter((x) => x.name === 'response-task-check');
    expect(timers).toHaveLength(detail.tasks.length);
    // The level is in force across the city: a patrol member in a county sees it in the banner.
    const patrol = (await call(u.patrol, 'GET', '/api/response/status')).json();
    expect(patrol).toMatchObject({ level: 'II', tightening: { acceptMinutes: 3, hotspotIntervalHours: 2 } });
    expect((await call(u.county, 'GET', '/api/response/status')).json().level).toBe('II');
  });

  it('lets a task be done by its owner role only, once', async () => {
    const detail = (await call(u.leader, 'GET', `/api/response/responses/${responseId}`)).json();
    const notify = detail.tasks.find((x: { code: string }) => x.code === 'notify_sentinels');
    const wrong = await call(u.keeper, 'POST', `/api/response/tasks/${notify.id}/done`, {});
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('TASK_NOT_YOURS');
    const done = await call(u.dispatcher, 'POST', `/api/response/tasks/${notify.id}/done`, {
      note: '已群发',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().tasks.find((x: { id: string }) => x.id === notify.id)).toMatchObject({
      state: 'done',
      onTime: true,
      note: '已群发',
    });
    const twice = await call(u.dispatcher, 'POST', `/api/response/tasks/${notify.id}/done`, {});
    expect(twice.json().error.code).toBe('TASK_NOT_OPEN');
    expect((await call(u.patrol, 'POST', `/api/response/tasks/${notify.id}/done`, {})).statusCode).toBe(403);
  });

  it('escalates a task past its deadline once, to the leader', async () => {
    at('2026-12-01T10:00:00+08:00'); // the leader's one-hour confirmation is overdue
    const tasks = tasksFor(t);
    expect(await tasks.sweep()).toBe(1);
    expect(await tasks.sweep()).toBe(0);
    const detail = (await call(u.leader, 'GET', `/api/response/responses/${responseId}`)).json();
    const leader = detail.tasks.find((x: { code: string }) => x.code === 'leader_on_duty');
    expect(leader).toMatchObject({ overdue: true, state: 'open' });
    expect(leader.escalatedAt).not.toBeNull();
    const events = await t.pool.query(
      `SELECT count(*)::int AS n FROM event WHERE action = 'response.task_overdue'`,
    );
    expect(events.rows[0].n).toBe(1);
  });

  it('proposes the end when the warning is cancelled, and ending cancels the open tasks', async () => {
    at('2026-12-02T10:00:00+08:00');
    const res = await upload(cancel('RED1', '2026-12-02T10:00:00+08:00'));
    expect(res.statusCode, res.body).toBe(201);
    const open = await proposals(u.leader);
    const end = open.find((p) => p.regionCode === '440200')!;
    expect(end).toMatchObject({ kind: 'deactivate', toLevel: null });
    // The counties never confirmed: their activation proposals are withdrawn, not left open.
    expect(open.map((p) => p.regionCode)).toEqual(['440200']);
    expect((await call(u.leader, 'POST', `/api/response/proposals/${end.id}/confirm`, {})).statusCode).toBe(
      200,
    );
    const detail = (await call(u.leader, 'GET', `/api/response/responses/${responseId}`)).json();
    expect(detail.state).toBe('ended');
    expect(detail.tasks.filter((x: { state: string }) => x.state === 'open')).toEqual([]);
    expect((await call(u.patrol, 'GET', '/api/response/status')).json().level).toBeNull();
  });

  it('reports after the action: the window, tasks on time and the records in it', async () => {
    const res = await call(u.leader, 'GET', `/api/response/responses/${responseId}/report`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      state: 'ended',
      hours: 25.5,
      tasks: { total: 7, done: 1, onTime: 1, overdue: 1 },
    });
    expect(r.tasks.cancelled).toBe(planFor('II').length - 1);
    expect(r.figures.nights.map((n: { night: string }) => n.night)).toEqual(['2026-12-01', '2026-12-02']);
    expect((await call(u.sibling, 'GET', `/api/response/responses/${responseId}/report`)).statusCode).toBe(
      200,
    );
    // A county cannot read a sibling county's responses: none of 440281's reach 440204.
  });
});

describe('proposals follow the warnings', () => {
  it('supersedes a yellow proposal with the orange one, and does not repeat a dismissed one', async () => {
    at('2026-12-10T08:00:00+08:00');
    await upload(
      capAlert({
        kind: 'low_temperature',
        colour: 'yellow',
        region: '440281',
        identifier: 'Y1',
        sent: '2026-12-10T08:00:00+08:00',
        expires: '2026-12-12T08:00:00+08:00',
      }),
    );
    const first = (await proposals(u.county)).filter((p) => p.regionCode === '440281');
    expect(first.map((p) => p.toLevel)).toEqual(['IV']);
    at('2026-12-10T09:00:00+08:00');
    await upload(
      capAlert({
        kind: 'low_temperature',
        colour: 'orange',
        region: '440281',
        identifier: 'O1',
        sent: '2026-12-10T09:00:00+08:00',
        expires: '2026-12-12T08:00:00+08:00',
      }),
    );
    const second = await proposals(u.county);
    expect(second.map((p) => p.toLevel)).toEqual(['III']);
    const dismissed = await call(u.county, 'POST', `/api/response/proposals/${second[0]!.id}/dismiss`, {
      note: '本地实测气温未达标',
    });
    expect(dismissed.statusCode).toBe(200);
    // Re-assessing (the five-minute job) with the same warnings proposes nothing again.
    await upload(
      capAlert({
        kind: 'low_temperature',
        colour: 'orange',
        region: '440281',
        identifier: 'O1',
        sent: '2026-12-10T09:00:00+08:00',
        expires: '2026-12-12T08:00:00+08:00',
      }),
    );
    const forecast = await call(u.county, 'PUT', '/api/weather/forecasts', {
      regionCode: '440281',
      night: '2026-12-10',
      minC: 3,
    });
    expect(forecast.statusCode, forecast.body).toBe(200);
    expect(await proposals(u.county)).toEqual([]);
  });

  it('auto-activates where the bureau chose it, and refuses a table rule without a condition', async () => {
    const bad = await call(u.county, 'PUT', '/api/response/table', {
      regionCode: '440281',
      autoActivate: true,
      rules: [{ level: 'IV', when: [] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('RESPONSE_TABLE_INVALID');
    const unknown = await call(u.county, 'PUT', '/api/response/table', {
      regionCode: '440281',
      autoActivate: true,
      rules: [{ level: 'V', when: [{ forecastAtOrBelowC: 0 }] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(
      (
        await call(u.county, 'PUT', '/api/response/table', {
          regionCode: '440204',
          autoActivate: true,
          rules: [{ level: 'IV', when: [{ forecastAtOrBelowC: 5 }] }],
        })
      ).statusCode,
    ).toBe(403);
    // A warmer threshold: the forecast of 3 ℃ now calls for IV, and the bureau confirms by itself.
    const ok = await call(u.county, 'PUT', '/api/response/table', {
      regionCode: '440281',
      autoActivate: true,
      rules: [
        { level: 'IV', when: [{ forecastAtOrBelowC: 5 }] },
        { level: 'III', when: [{ kind: 'low_temperature', atLeast: 'red' }] },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ custom: true, autoActivate: true });
    const status = (await call(u.county, 'GET', '/api/response/status')).json();
    expect(status.level).toBe('IV');
    expect(status.active[0]).toMatchObject({ regionCode: '440281', auto: true });
    // The sibling county is not touched by a response in 440281.
    expect((await call(u.sibling, 'GET', '/api/response/status')).json().level).toBeNull();
    expect((await call(u.sibling, 'GET', `/api/response/responses/${status.active[0].id}`)).statusCode).toBe(
      404,
    );
  });

  it('tells the public whether a warning is in force, without personal data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/alert' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['level', 'warnings']);
  });
});
