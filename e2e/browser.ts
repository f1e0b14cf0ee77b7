import { mkdirSync } from 'node:fs';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium; never a downloaded browser. Flags keep it off the closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const baseUrl = () => inject('baseUrl');

export const DEMO_PASSWORD = 'warmline-demo';

/**
 * Saved under test-results/e2e/ for a person to look at. `fullPage: false` keeps what the screen
 * shows, for an open drawer or modal (a full-page shot moves the sticky header down the page).
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync('test-results/e2e', { recursive: true });
  await page.screenshot({ path: `test-results/e2e/${name}.png`, fullPage });
}

/** Signs in through the login form as a person would. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await input(page, 'login-username').fill(username);
  await input(page, 'login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** antd puts a test id on the <input> itself or on its wrapper, depending on the component. */
export function input(scope: Page | Locator, testId: string): Locator {
  const target = scope.getByTestId(testId);
  return target.locator('input').or(target.locator('xpath=self::input')).first();
}

/**
 * A phone: 390×844, touch, Chinese, and a time zone far from Beijing (times must not follow it).
 * Its own context, so each journey starts with an empty device (no saved codes or drafts);
 * `extra` adds e.g. a GPS position the page may read.
 */
export async function phonePage(
  browser: Browser,
  extra: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    ...extra,
  });
  return { context, page: await context.newPage() };
}

/** The public report form, open and ready. */
export async function openReportForm(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/report`);
  await page.getByTestId('report-form').waitFor();
}

/** A desktop-sized page in Chinese, as a station or command-centre screen is used. */
export function desktopPage(browser: Browser): Promise<Page> {
  return browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
}

/**
 * Clicks a row's action and its Popconfirm's OK until the row leaves the list. Other journeys
 * report leads at the same time, and the live refetch they cause can redraw the queue between
 * the two clicks, closing the confirm; a person would simply click again, and so does this
 * (three tries at most, each waiting for the confirm to be open first; a click on a confirm
 * that closed under it counts as a failed try).
 */
export async function confirmRowAction(page: Page, row: Locator, actionTestId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await row.getByTestId(actionTestId).click();
    const ok = page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ });
    try {
      await ok.waitFor({ timeout: 10_000 });
      // A redraw can close the confirm under the pointer: then the click times out and we retry.
      await ok.click({ timeout: 5_000 });
      await row.waitFor({ state: 'detached', timeout: 8_000 });
      return;
    } catch (err) {
      if ((await row.count()) === 0) return; // it left just after the wait gave up
      // Say what the screen said, if the server refused it.
      const said = await page.locator('.ant-message-error').allTextContents();
      if (said.length) console.warn(`confirmRowAction ${actionTestId}, try ${attempt}: ${said.join(' | ')}`);
      if (attempt >= 3) throw err;
    }
  }
}
