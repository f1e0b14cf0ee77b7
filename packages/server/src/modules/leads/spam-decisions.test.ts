import { SPAM_MODEL_VERSION } from '@warmline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event } from '../../db/schema.ts';
import { uuidV7Ids } from '../../platform/ids.ts';
import { buildLead, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { spamDecisions } from './spam-decisions.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.sessionFor((await buildUser(t.db, { role: 'dispatcher', regionCode: '441800' })).id);
});
afterAll(() => t.close());

const act = async (id: string, action: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/leads/${id}/actions`,
    headers: { cookie },
    payload: { action },
  });
  expect(res.statusCode, res.body).toBe(200);
};
const dispatchedThen = (l: { id: string; regionCode: string }) =>
  t.db.insert(event).values({
    id: uuidV7Ids.next(),
    at: new Date(),
    action: 'lead.dispatched',
    entityType: 'lead',
    entityId: l.id,
    regionCode: l.regionCode,
  });
// 清远 (441800): a city of its own, so other tests' leads stay out of these figures.
const screened = (description: string, values: Parameters<typeof buildLead>[1] = {}) =>
  buildLead(t.db, { regionCode: '441802', spamScore: 1, description, address: '清城区', ...values });

describe('spamDecisions', () => {
  it('labels what dispatchers decided, and leaves out what the screening decided alone', async () => {
    const quarantined = await screened('代开发票 加微信 fp8899');
    await act(quarantined.id, 'quarantine');
    const restored = await screened('桥下那个大爷又来了 我电话13912345678', { state: 'spam', spamScore: 6 });
    await act(restored.id, 'restore');
    const changedMind = await screened('在吗');
    await act(changedMind.id, 'quarantine');
    await act(changedMind.id, 'restore');
    await dispatchedThen(await screened('有个阿姨在公交站坐了一夜', { state: 'resolved' }));
    // Sent a team, found nothing, closed: still a report a person judged worth a patrol.
    await dispatchedThen(await screened('桥头好像有人躺着', { state: 'closed' }));
    // Closed without a team: nobody judged it either way.
    await screened('没派人就关了的', { state: 'closed' });
    await screened('自动隔离没人看过的 博彩', { state: 'spam', spamScore: 9 });
    await screened('还没处理的新线索', { state: 'new' });
    await buildLead(t.db, { regionCode: '441802', description: '热线转来的，不筛查', state: 'resolved' });
    await screened('另一个城市的 办证', { regionCode: '440204', state: 'resolved' });

    const d = await spamDecisions(t.db, '441800', new Date('2026-01-01'));
    expect(d.spam).toEqual(['代开发票 加微信 fp8899 清城区']);
    expect(d.genuine.sort()).toEqual(
      [
        '在吗 清城区',
        '有个阿姨在公交站坐了一夜 清城区',
        '桥头好像有人躺着 清城区',
        '桥下那个大爷又来了 我电话13800138000 清城区',
      ].sort(),
    );
    expect((await spamDecisions(t.db, '441800', new Date('2027-01-01'))).genuine).toEqual([]);
  });
});

describe('GET /api/leads/screening', () => {
  // 韶关 (440200), through the public form itself, so the verdict at intake is the real one.
  const report = (description: string, ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/leads',
      payload: { descriptors: [], description, lat: 24.8044, lng: 113.6111 },
      remoteAddress: ip,
    });
  const leadOf = async (description: string) =>
    (await t.db.query.lead.findFirst({ where: (l, { eq }) => eq(l.description, description) }))!;

  it("tallies the screening's verdicts against the dispatchers' in the jurisdiction only", async () => {
    const shaoguan = await t.sessionFor(
      (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id,
    );
    const asShaoguan = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie: shaoguan }, ...(payload ? { payload } : {}) });
    const texts = {
      held: '专业办理各类证件 加微信 bz8866 当天拿证',
      restored: '代开发票 加微信 fp8899 找我',
      // A prank written as a report: nothing in the text could tell, only the dispatcher can.
      missed: '五里亭桥下有个老人 穿得很少 坐在地上不动',
      passed: '桥洞下有个老人 衣服很薄 一直在发抖',
      passedToo: '火车站出站口有个小伙子坐了一夜 说钱包丢了',
    };
    for (const [i, text] of Object.values(texts).entries())
      expect((await report(text, `10.9.0.${i + 1}`)).statusCode).toBe(201);
    for (const [text, state] of [
      [texts.held, 'spam'],
      [texts.restored, 'spam'],
      [texts.missed, 'new'],
    ] as const)
      expect((await leadOf(text)).state, text).toBe(state);
    for (const [text, action] of [
      [texts.restored, 'restore'],
      [texts.missed, 'quarantine'],
    ] as const)
      expect(
        (await asShaoguan('POST', `/api/leads/${(await leadOf(text)).id}/actions`, { action })).statusCode,
      ).toBe(200);

    const res = await asShaoguan('GET', '/api/leads/screening?from=2026-01-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      {
        model: SPAM_MODEL_VERSION,
        held: 1,
        restored: 1,
        missed: 1,
        passed: 2,
        caught: 0.5,
        wronged: 1 / 3,
        onTarget: false,
      },
    ]);
    // 清远's dispatcher sees none of it (清远's leads above were built without a public intake).
    const qingyuan = await t.app.inject({
      method: 'GET',
      url: '/api/leads/screening?from=2026-01-01',
      headers: { cookie },
    });
    expect(qingyuan.statusCode).toBe(200);
    expect(qingyuan.json()).toEqual([]);
    // A lead screened weeks ago by an older model: its own tally, after the newer model's.
    const older = await buildLead(t.db, {
      regionCode: '440203',
      spamScore: 6,
      state: 'spam',
      receivedAt: new Date('2026-11-20T12:00:00Z'),
    });
    await t.db.insert(event).values({
      id: uuidV7Ids.next(),
      at: older.receivedAt,
      action: 'lead.received',
      entityType: 'lead',
      entityId: older.id,
      regionCode: older.regionCode,
      payload: { source: 'public', state: 'spam', spamScore: 6, spamModel: 'spam-2026.11-1' },
    });
    const both = (await asShaoguan('GET', '/api/leads/screening?from=2026-01-01')).json();
    expect(both.map((r: { model: string }) => r.model)).toEqual([SPAM_MODEL_VERSION, 'spam-2026.11-1']);
    expect(both[1]).toMatchObject({ held: 1, restored: 0, missed: 0, passed: 0, caught: 1, wronged: null });
    // Without a day, since the season began (15 October): the same leads, received since then.
    expect((await asShaoguan('GET', '/api/leads/screening')).json()).toEqual(both);
    // Nothing received after a later day.
    expect((await asShaoguan('GET', '/api/leads/screening?from=2099-01-01')).json()).toEqual([]);
  });

  it('refuses a malformed day with a machine-readable error', async () => {
    for (const q of ['?from=yesterday', '?from=2026-13-01', '?from=2026-12-01&to=2027-01-01']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/leads/screening${q}`, headers: { cookie } });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code, q).toBe('VALIDATION_FAILED');
    }
  });
});
