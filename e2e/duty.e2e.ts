import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, launchBrowser, phonePage, screenshot, signIn } from './browser.ts';

/**
 * 值班安排: the city's bureau admin (shaoguan) finds the bell telling him of an open night shift
 * (the demo's gap check), opens 值班安排, sees the week's roster with 领导带班 and the gap in red
 * (缺岗), fills it with 刘建国 from the picker, writes a handover note (交接班记录), and opens the
 * notification, which is then read. A station's worker (station1) arranges her own station's roster
 * (no 领导带班 there) and reads the bureau's without the buttons that change it.
 */
let browser: Browser;
let page: Page;

/** A Beijing date n days from now, and the Monday of its week. */
const beijingDay = (n = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (day: string) => {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return new Date(Date.parse(`${day}T00:00:00Z`) - weekday * 86_400_000).toISOString().slice(0, 10);
};

beforeAll(async () => {
  browser = await launchBrowser();
  page = await desktopPage(browser);
  await signIn(page, 'shaoguan');
  await page.waitForURL(`${baseUrl()}/`);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

const unread = async () => Number((await page.getByTestId('notification-count').textContent())?.trim() || 0);

describe('值班安排', () => {
  it('sees the roster and a gap, fills it, writes a handover note; the bell tells of the gap', async () => {
    // The demo's gap check told him of the coming night's open shift.
    await expect.poll(unread, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await unread();

    await page.getByTestId('menu-duty').click();
    await page.waitForURL(`${baseUrl()}/duty`);
    await page.getByTestId('duty-grid').waitFor();
    const night = beijingDay(1);
    // On a Sunday the coming night belongs to next week's grid.
    if (mondayOf(night) !== mondayOf(beijingDay())) await page.getByTestId('duty-next-week').click();
    const cell = page.getByTestId(`duty-cell-${night}-night`);
    await cell.getByTestId('duty-gap').waitFor();
    expect(await page.getByTestId('duty-grid').textContent()).toContain('领导带班');
    expect(await page.getByTestId('duty-grid').textContent()).toContain('黄燕斌');
    expect(await page.getByTestId('duty-gap-summary').textContent()).toMatch(/缺岗/);
    await screenshot(page, 'duty-roster-gap');

    // Fill the gap from the picker.
    await cell.getByTestId(`duty-assign-${night}-night`).click();
    // An option clicked while the list still slides in can be missed under load: a person sees
    // the field still empty and picks again, and so does this (three tries at most).
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId('duty-person').click();
      const dropdown = page.locator('.ant-select-dropdown:visible');
      await dropdown.waitFor();
      await dropdown.locator('.ant-select-item-option').filter({ hasText: '刘建国' }).first().click();
      const picked = await page
        .getByTestId('duty-person')
        .filter({ hasText: '刘建国' })
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (picked || attempt >= 3) break;
    }
    await page.getByTestId('duty-assign-ok').click();
    await expect.poll(() => cell.textContent(), { timeout: 20_000 }).toContain('刘建国');
    await expect.poll(() => cell.getByTestId('duty-gap').count()).toBe(0);

    // A handover note for the shift in progress.
    const note = `e2e 交接：风度路桥洞两人已劝导入站，${Date.now().toString(36)}`;
    await page.getByTestId('duty-handover-text').fill(note);
    await page.getByTestId('duty-handover-submit').click();
    await expect
      .poll(() => page.getByTestId('duty-handover').first().textContent(), { timeout: 10_000 })
      .toContain(note);
    await screenshot(page, 'duty-roster-filled');

    // The bell: the gap's notification opens its week and is read.
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: '值班缺岗' }).first();
    await item.waitFor();
    const list = page.getByTestId('notification-list');
    await expect
      .poll(() =>
        list.evaluate((el) => el.closest('.ant-popover')?.getAnimations({ subtree: true }).length ?? 0),
      )
      .toBe(0);
    await screenshot(page, 'duty-bell', { fullPage: false });
    await item.click();
    await page.waitForURL(/\/duty\?from=\d{4}-\d{2}-\d{2}/);
    await expect.poll(unread, { timeout: 10_000 }).toBe(before - 1);
  });

  it("a station worker arranges her station's roster and only reads the bureau's", async () => {
    const worker = await desktopPage(browser);
    try {
      await signIn(worker, 'station1');
      await worker.waitForURL(`${baseUrl()}/`);
      await worker.goto(`${baseUrl()}/duty`);
      const grid = worker.getByTestId('duty-grid');
      await grid.waitFor();
      await expect
        .poll(() => worker.locator('.ant-card-head-title').first().textContent())
        .toContain('韶关市救助管理站');
      expect(await grid.textContent()).not.toContain('领导带班');
      // Three days ahead, the station's night shift is still open.
      const open = beijingDay(3);
      if (mondayOf(open) !== mondayOf(beijingDay())) await worker.getByTestId('duty-next-week').click();
      await worker.getByTestId(`duty-cell-${open}-night`).getByTestId('duty-gap').waitFor();
      expect(await worker.getByTestId(`duty-assign-${open}-night`).count()).toBe(1);
      await screenshot(worker, 'duty-station');

      // The bureau's roster: read only.
      await worker.getByTestId('duty-roster-select').click();
      await worker
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '本级民政局' })
        .click();
      await expect.poll(() => grid.textContent()).toContain('领导带班');
      expect(await worker.locator('[data-testid^="duty-assign-"]').count()).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('the bell fits the phone header', async () => {
    const { context, page: phone } = await phonePage(browser);
    try {
      await signIn(phone, 'shaoguan');
      await phone.waitForURL(`${baseUrl()}/`);
      await phone.getByTestId('notification-bell').waitFor();
      const bell = await phone.getByTestId('notification-bell').boundingBox();
      const user = await phone.getByTestId('user-menu').boundingBox();
      expect(bell!.x + bell!.width).toBeLessThanOrEqual(user!.x + 1);
      expect(user!.x + user!.width).toBeLessThanOrEqual(391);
      await screenshot(phone, 'duty-phone-header', { fullPage: false });
    } finally {
      await context.close();
    }
  });
});
