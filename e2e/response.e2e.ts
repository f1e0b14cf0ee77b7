import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  confirmRowAction,
  desktopPage,
  launchBrowser,
  phonePage,
  screenshot,
  signIn,
} from './browser.ts';

/**
 * Cold kills: a red cold-wave CAP for 新丰县 (calm until now in the demo: its response ended with
 * the cold wave) arrives → the city's leader on duty, who leads the county too, confirms level
 * II → the plan's tasks appear → a standby shelter is opened from its task → the public finder
 * shows it under 「寒潮预警：附近避寒点」 → the warning is cancelled → the end of the response is
 * proposed and confirmed → the after-action report shows it.
 */
const standby = '新丰县丰城街道文化站临时避寒场所';
const identifier = `E2E_RED_${Date.now()}`;
const sent = new Date();
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

const cap = (msgType: 'Alert' | 'Cancel') => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${msgType === 'Alert' ? identifier : `${identifier}_CANCEL`}</identifier>
  <sender>韶关市新丰县气象台</sender>
  <sent>${iso(msgType === 'Alert' ? sent : new Date())}</sent>
  <status>Actual</status>
  <msgType>${msgType}</msgType>
  <scope>Public</scope>
  ${msgType === 'Cancel' ? `<references>韶关市新丰县气象台,${identifier},${iso(sent)}</references>` : ''}
  <info>
    <language>zh-CN</language>
    <event>寒潮</event>
    <urgency>${msgType === 'Alert' ? 'Immediate' : 'Past'}</urgency>
    <severity>${msgType === 'Alert' ? 'Extreme' : 'Minor'}</severity>
    <certainty>Likely</certainty>
    <effective>${iso(sent)}</effective>
    <expires>${iso(new Date(sent.getTime() + 2 * 86_400_000))}</expires>
    <headline>${msgType === 'Alert' ? '新丰县气象台发布寒潮红色预警信号' : '新丰县气象台解除寒潮红色预警信号'}</headline>
    <area><areaDesc>新丰县</areaDesc><geocode><valueName>GB/T 2260</valueName><value>440233</value></geocode></area>
  </info>
</alert>`;

let browser: Browser;
let leader: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  leader = await desktopPage(browser);
  await signIn(leader, 'shaoguan');
  await leader.waitForURL(`${baseUrl()}/`);
});
afterAll(async () => {
  await leader?.close();
  await browser?.close();
});

/** The duty officer's upload, as the weather screen sends it (the session's cookie). */
async function upload(xml: string) {
  const res = await leader.request.post(`${baseUrl()}/api/weather/cap`, {
    headers: { 'content-type': 'application/xml' },
    data: xml,
  });
  expect(res.status(), await res.text()).toBe(201);
}

const proposal = (page: Page) => page.locator('[data-testid="proposal"][data-region="440233"]');
const active = (page: Page) => page.locator('[data-testid="active-response"][data-region="440233"]');

describe('a red cold wave drives the response and its work', () => {
  it('proposes level II; the duty leader confirms it and the plan’s tasks appear', async () => {
    await upload(cap('Alert'));
    await leader.goto(`${baseUrl()}/response`);
    await proposal(leader).waitFor();
    expect(await proposal(leader).getAttribute('data-kind')).toBe('activate');
    expect(await proposal(leader).getByTestId('proposal-title').textContent()).toContain('Ⅱ级响应');
    expect(await proposal(leader).getByTestId('warning-tag').first().textContent()).toBe('寒潮红色预警');
    await screenshot(leader, 'response-proposal');
    await confirmRowAction(leader, proposal(leader), 'proposal-confirm');
    await active(leader).waitFor();
    expect(await active(leader).getAttribute('data-level')).toBe('II');
    await expect.poll(() => active(leader).getByTestId('task').count()).toBe(7);
    // The level shows on every staff screen.
    await expect.poll(() => leader.getByTestId('response-banner').getAttribute('data-level')).toBe('II');
    expect(await leader.getByTestId('response-banner').textContent()).toContain('新丰县正处于Ⅱ级响应');
  });

  it('opens a standby shelter from its task and marks the task done', async () => {
    const task = active(leader).locator('[data-testid="task"][data-code="open_standby_shelters"]');
    const place = task.locator('[data-testid="standby-shelter"]', { hasText: standby });
    await place.waitFor();
    await screenshot(leader, 'response-tasks');
    await place.getByTestId('shelter-activate').click();
    await leader.getByTestId('activate-submit').click();
    await place.waitFor({ state: 'detached' });
    await task.getByTestId('task-done').click();
    await leader.getByTestId('task-note').fill(`已启用${standby}，延长开放`);
    await leader.getByTestId('task-done-submit').click();
    // Done, it leaves the open tasks; the closed ones open on request.
    await task.waitFor({ state: 'detached' });
    await active(leader).getByTestId('tasks-toggle').click();
    await expect.poll(() => task.getAttribute('data-state')).toBe('done');
    expect(await task.textContent()).toContain('按时完成');
  });

  it('the public finder shows the opened place under the cold-wave banner', async () => {
    const { context, page } = await phonePage(browser);
    await page.goto(`${baseUrl()}/shelters?q=${encodeURIComponent(standby)}`);
    const banner = page.getByTestId('cold-alert');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('寒潮预警：附近避寒点');
    expect(await banner.textContent()).toContain('新丰县气象台发布寒潮红色预警信号');
    await expect.poll(() => page.getByTestId('shelter-list').textContent()).toContain(standby);
    await screenshot(page, 'response-public-finder');
    // The sentinels' page carries it too, asking them to watch out.
    await page.goto(`${baseUrl()}/sentinel`);
    await page.getByTestId('cold-alert').waitFor();
    expect(await page.getByTestId('cold-alert').textContent()).toContain('寒潮预警：附近避寒点');
    expect(await page.getByTestId('cold-alert-ask').textContent()).toContain('请多留意');
    await context.close();
  });

  it('proposes the end when the warning is cancelled; confirmed, the report shows the response', async () => {
    await upload(cap('Cancel'));
    await leader.reload();
    await proposal(leader).waitFor();
    expect(await proposal(leader).getAttribute('data-kind')).toBe('deactivate');
    await confirmRowAction(leader, proposal(leader), 'proposal-confirm');
    await active(leader).waitFor({ state: 'detached' });
    // The city's own response (IV, the northern warnings) is still in force; 新丰县's is over.
    await expect
      .poll(() => leader.getByTestId('response-banner').textContent())
      .not.toContain('新丰县正处于');

    await leader.getByTestId('tab-history').click();
    await leader.getByTestId('history-row').filter({ hasText: '新丰县' }).first().click();
    const report = leader.getByTestId('after-action-body');
    await report.waitFor();
    expect(await report.getByTestId('report-ended').textContent()).not.toContain('仍在进行');
    // One of the plan's seven tasks done (on time): the standby shelter's; the rest were cancelled.
    expect(await report.getByTestId('report-tasks').textContent()).toMatch(/^1 \/ 7/);
    expect(await report.getByTestId('report-shelters').locator('.ant-statistic-content').textContent()).toBe(
      '1',
    );
    await report.getByTestId('report-chart').locator('canvas').waitFor();
    await screenshot(leader, 'response-after-action', { fullPage: false });
  });
});
