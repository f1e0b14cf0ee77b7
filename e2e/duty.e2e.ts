import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 值班安排: the city's bureau admin (shaoguan) finds the bell telling him of an open night shift
 * (the demo's gap check), opens 值班安排, sees the week's roster with 领导带班 and the gap in red
 * (缺岗), fills it with 刘建国 from the picker, writes a handover note (交接班记录), and opens the
 * notification, which is then read.
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
    await page.getByTestId('duty-person').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown.waitFor();
    await dropdown.locator('.ant-select-item-option').filter({ hasText: '刘建国' }).first().click();
    await page.getByTestId('duty-assign-ok').click();
    await expect.poll(() => cell.textContent(), { timeout: 10_000 }).toContain('刘建国');
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
});
