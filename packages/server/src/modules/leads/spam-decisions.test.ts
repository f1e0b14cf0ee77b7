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
