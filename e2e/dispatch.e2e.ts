import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phonePhoto } from '../packages/server/src/testing/photos.ts';
import { baseUrl, desktopPage, launchBrowser, phonePage, screenshot, signIn } from './browser.ts';

/**
 * The loop of issue 3, as the people in it live it: a passer-by reports an old man by 韶关站
 * from a phone → the lead appears on the command centre's live map and queue without a reload
 * → the dispatcher sends the recommended team → the team's member accepts on a phone, goes,
 * marks on scene and closes it as helped → the reporter's status page says so.
 */
const run = Date.now().toString(36);
const description = `站前广场花坛边有位老人，只穿单衣，一直发抖（e2e ${run}）`;
// 韶关站站前广场, where 浈江区联合救助一队 (patrol1's team) waits: it must be the first recommendation.
const spot = { latitude: 24.8133, longitude: 113.6049, accuracy: 15 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const phone = (geolocation?: typeof spot) =>
  phonePage(browser, geolocation ? { geolocation, permissions: ['geolocation'] } : {});

describe('from a report to a person helped', () => {
  it('reporter → live command centre → recommended team → patrol phone → reporter sees 已找到并救助', async () => {
    // The dispatcher's screen is open before anything is reported.
    const dispatcher = await desktopPage(browser);
    await signIn(dispatcher, 'dispatcher');
    await dispatcher.waitForURL(`${baseUrl()}/`);
    await dispatcher.getByTestId('menu-command').click();
    await dispatcher.waitForURL(`${baseUrl()}/command`);
    await dispatcher.getByTestId('queue-item').first().waitFor();
    // The demo's low stock and 账实不符 are on the dispatcher's screen too.
    await expect.poll(() => dispatcher.getByTestId('supply-notice').textContent()).toContain('物资：');
    let navigations = 0;
    dispatcher.on('framenavigated', (f) => {
      if (f === dispatcher.mainFrame()) navigations += 1;
    });
    // Leads a team did not find are back in the queue for the next patrol near there.
    expect(
      await dispatcher.locator('[data-testid="queue-item"]', { hasText: '未找到' }).count(),
    ).toBeGreaterThan(0);
    await screenshot(dispatcher, 'command-before');

    // A member of the public reports, with the phone's position.
    const reporter = await phone(spot);
    await reporter.page.goto(`${baseUrl()}/report`);
    await reporter.page.getByTestId('locate').click();
    await reporter.page.getByRole('button', { name: '好的，读取位置' }).click();
    await reporter.page.getByTestId('located').waitFor();
    await reporter.page.locator('[data-descriptor="elderly"]').click();
    await reporter.page.locator('[data-descriptor="thin_clothing"]').click();
    await reporter.page.getByTestId('description').fill(description);
    const photo = { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(1200, 900) };
    await reporter.page.getByTestId('photo-input').setInputFiles(photo);
    await expect.poll(() => reporter.page.getByTestId('photo-thumbs').locator('li').count()).toBe(1);
    await reporter.page.getByTestId('submit').click();
    const codeEl = reporter.page.getByTestId('tracking-code');
    await codeEl.waitFor();
    const code = (await codeEl.getAttribute('data-code'))!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);

    // It arrives on the dispatcher's queue and map by itself (SSE), with its dispatch clock.
    const item = dispatcher.locator(`[data-testid="queue-item"][data-lead="${code}"]`);
    await item.waitFor({ timeout: 15_000 });
    expect(navigations).toBe(0);
    expect(await item.getByTestId('sla-tag').getAttribute('data-sla')).toBe('ok');
    expect(await item.textContent()).toContain('老人');
    await screenshot(dispatcher, 'command-lead-arrived');

    // The dispatcher opens it and sends the first recommended team.
    await item.click();
    const drawer = dispatcher.getByTestId('lead-drawer');
    const first = drawer.getByTestId('recommendation').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('浈江区联合救助一队');
    expect(await drawer.getByTestId('recommendation').count()).toBeGreaterThanOrEqual(2);
    // The photo is there, masked until someone deliberately opens it (an audited read).
    expect(await drawer.getByText('点击查看（查看将被记录）').count()).toBe(1);
    await screenshot(dispatcher, 'command-recommendations');
    await first.getByTestId('assign-team').click();
    await drawer.getByTestId('current-dispatch').waitFor();
    expect(await drawer.getByTestId('current-dispatch').textContent()).toContain('待接单');
    // The timeline refetches once the dispatch is recorded.
    await expect.poll(() => drawer.getByTestId('lead-timeline').textContent()).toContain('派单');

    // The reporter's status page already says a team is on its way.
    await reporter.page.goto(`${baseUrl()}/report/${code}`);
    const status = reporter.page.getByTestId('lead-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('dispatched');

    // The team's member, on a phone: accept, navigate, on scene, helped.
    const patrol = await phone(spot);
    await signIn(patrol.page, 'patrol1');
    await patrol.page.waitForURL(`${baseUrl()}/`);
    await patrol.page.goto(`${baseUrl()}/patrol`);
    const card = patrol.page.locator('[data-testid="dispatch-card"][data-state="pending"]');
    await card.waitFor();
    expect(await card.textContent()).toContain(description);
    const accept = card.getByTestId('accept');
    expect((await accept.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await screenshot(patrol.page, 'patrol-pending');
    await accept.click();
    const accepted = patrol.page.locator('[data-testid="dispatch-card"][data-state="accepted"]');
    await accepted.waitFor();
    const amap = await accepted.getByTestId('nav-amap').getAttribute('href');
    expect(amap).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=113\.6\d+,24\.81\d+/);
    // The command centre follows along live.
    await expect
      .poll(() => drawer.getByTestId('current-dispatch').textContent(), { timeout: 15_000 })
      .toContain('已接单');
    await accepted.getByTestId('arrive').click();
    const onScene = patrol.page.locator('[data-testid="dispatch-card"][data-state="on_scene"]');
    await onScene.waitFor();
    // On scene: the encounter is recorded against the lead (an old man who agrees to go in).
    await onScene.getByTestId('record-encounter').click();
    const form = patrol.page.getByTestId('encounter-form');
    await form.locator('[data-fact="elderly"]').click();
    await form.locator('[data-fact="thin_clothing"]').click();
    await expect.poll(() => form.getByTestId('proposal').textContent()).toContain('劝导入站');
    await expect.poll(() => form.getByTestId('destination').textContent()).toContain('送往：');
    await form.getByTestId('encounter-save').click();
    await patrol.page.getByText('已记录：劝导入站').waitFor();
    await onScene.getByTestId('complete').click();
    await onScene.getByText('已找到并救助').click();
    await screenshot(patrol.page, 'patrol-outcome');
    await onScene.getByTestId('submit-outcome').click();
    await patrol.page.getByText('暂无派单').waitFor();
    // The team's status is its own query, refetched beside the assignments: it may land a moment later.
    await expect.poll(() => patrol.page.getByTestId('team-status').textContent()).toBe('待命');

    // Resolved: it leaves the open queue, and the timeline tells the whole story.
    await item.waitFor({ state: 'detached', timeout: 15_000 });
    await expect
      .poll(() => drawer.getByTestId('lead-state').textContent(), { timeout: 15_000 })
      .toBe('已救助');
    const story = await drawer.getByTestId('lead-timeline').textContent();
    for (const step of ['收到线索', '派单', '救助队接单', '救助队到场', '现场记录街面救助', '已找到并救助'])
      expect(story).toContain(step);
    expect(navigations).toBe(0);
    await screenshot(dispatcher, 'command-resolved');

    // And the reporter learns what happened.
    await reporter.page.reload();
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('helped');
    expect(await status.locator('.status-now').textContent()).toBe('已找到并救助');
    await screenshot(reporter.page, 'report-status-helped');

    await reporter.context.close();
    await patrol.context.close();
    await dispatcher.close();
    // Three browsers and the whole loop: 22 s alone, over a minute when the suite shares the cores.
  }, 150_000);

  it('the teams page shows each joint team with its departments, and a dispatcher can take one off duty', async () => {
    const page = await desktopPage(browser);
    try {
      await signIn(page, 'dispatcher');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-teams').click();
      await page.waitForURL(`${baseUrl()}/teams`);
      const row = page.locator('tr', { hasText: '南雄市救助分队' });
      await row.waitFor();
      expect(await row.textContent()).toContain('民政');
      expect(await row.getByTestId('team-status').textContent()).toBe('待命');
      await row.getByTestId('team-toggle').click();
      await expect.poll(() => row.getByTestId('team-status').textContent()).toBe('未在岗');
      await row.getByTestId('team-toggle').click();
      await expect.poll(() => row.getByTestId('team-status').textContent()).toBe('待命');
      await screenshot(page, 'teams');
    } finally {
      await page.close();
    }
  });
});
