import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  confirmRowAction,
  desktopPage,
  input,
  launchBrowser,
  phonePage,
  screenshot,
  signIn,
} from './browser.ts';

/**
 * 信息哨点: a delivery rider registers on their phone and waits; the city bureau approves them;
 * they report someone in the cold; the dispatcher sees who reported it and how far to trust
 * them, and closes it; the rider's 「我的上报」 shows what became of the report.
 */
const run = Date.now().toString(36);
const name = `赵骑手${run.slice(-4)}`;
const phoneNumber = `135${String(Date.now()).slice(-8)}`;
const address = `浈江区解放路天桥下（e2e ${run}）`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const phone = () => phonePage(browser);

async function openMenu(page: Page, username: string, menu: string, pageId: string): Promise<void> {
  await signIn(page, username);
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByTestId(`menu-${menu}`).click();
  await page.getByTestId(pageId).waitFor();
}

describe('信息哨点', () => {
  let rider: { context: BrowserContext; page: Page };
  let trackingCode = '';

  beforeAll(async () => {
    rider = await phone();
  });
  afterAll(() => rider?.context.close());

  it('someone registers on their phone and waits for review (待审核), on a light page', async () => {
    const { page } = rider;
    let firstLoadBytes = 0;
    page.on('requestfinished', async (r) => {
      if (['document', 'script', 'stylesheet'].includes(r.resourceType()))
        firstLoadBytes += (await r.sizes()).responseBodySize;
    });
    await page.goto(`${baseUrl()}/sentinel`);
    await page.getByTestId('register-form').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('成为信息哨点');
    // Plain TypeScript: no React root, no Ant Design, and well under 60 KB on the wire.
    expect(await page.locator('#root, [class^="ant-"]').count()).toBe(0);
    expect(firstLoadBytes).toBeGreaterThan(0);
    expect(firstLoadBytes).toBeLessThan(60 * 1024);

    await page.getByTestId('reg-submit').click();
    expect(await page.getByTestId('reg-errors').isVisible()).toBe(true);
    await page.getByTestId('reg-displayName').fill(name);
    await page.getByTestId('reg-phone').fill(phoneNumber);
    const work = page.locator('[data-org-type="delivery_rider"]');
    await work.click();
    expect(await work.getAttribute('aria-pressed')).toBe('true');
    expect((await work.boundingBox())?.height).toBeGreaterThanOrEqual(48);
    await page.getByTestId('reg-orgName').fill('浈江区外卖配送站');
    await page.locator('[data-testid="reg-region"] option[value="440204"]').waitFor({ state: 'attached' });
    await page.getByTestId('reg-region').selectOption('440204');
    await screenshot(page, 'sentinel-register');
    await page.getByTestId('reg-submit').click();

    const state = page.getByTestId('sentinel-state');
    await state.waitFor();
    expect(await state.getAttribute('data-state')).toBe('pending');
    expect(await state.textContent()).toContain('待审核');
    expect(await page.getByTestId('sentinel-report-form').count()).toBe(0);
    // The token stays on this phone only.
    expect(await page.evaluate<string | null>('localStorage.getItem("warmline.sentinel.token")')).toMatch(
      /^[\w-]{40,}$/,
    );
    await screenshot(page, 'sentinel-pending');
  });

  it('the city bureau admin approves the registration on 信息哨点', async () => {
    const page = await desktopPage(browser);
    try {
      await openMenu(page, 'shaoguan', 'sentinels', 'sentinels-page');
      const row = page.locator(`tr[data-name="${name}"]`);
      await row.waitFor();
      expect(await row.getByTestId('sentinel-state').textContent()).toContain('待审核');
      expect(await row.getByTestId('phone-masked').textContent()).toBe(
        `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(7)}`,
      );
      await row.getByTestId('phone-reveal').click();
      expect(await row.getByTestId('phone-full').textContent()).toBe(phoneNumber);
      await row.getByTestId('sentinel-approve').click();
      await page.getByTestId('sentinel-note').fill('已电话核实');
      await page.getByTestId('sentinel-confirm').click();
      await expect.poll(() => row.getByTestId('sentinel-state').textContent()).toContain('已批准');
      expect(await row.getByTestId('trust-tag').textContent()).toContain('新哨点');
      await screenshot(page, 'sentinels-approved');
    } finally {
      await page.close();
    }
  });

  it('the approved sentinel reports and sees it in 我的上报', async () => {
    const { page } = rider;
    await page.getByTestId('refresh').click();
    await page.getByTestId('sentinel-report-form').waitFor();
    expect(await page.getByTestId('sentinel-state').getAttribute('data-state')).toBe('approved');
    await page.getByTestId('address').fill(address);
    await page.locator('[data-descriptor="elderly"]').click();
    await page.getByTestId('description').fill('送餐路过，天桥下有位老人只穿了件单衣');
    await page.getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('report-message').textContent()).toContain('已上报');
    const item = page.getByTestId('my-reports').locator('li').first();
    await expect.poll(() => item.textContent()).toContain(address);
    trackingCode = (await item.getAttribute('data-code')) ?? '';
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await item.getAttribute('data-status')).toBe('received');
    expect(await item.textContent()).toContain('已受理');
    await screenshot(page, 'sentinel-reported');
  });

  it('the dispatcher sees who reported it and their trust, and closes it', async () => {
    const page = await desktopPage(browser);
    try {
      await openMenu(page, 'dispatcher', 'leads', 'leads-page');
      // Settle the live stream first: a refresh it triggers would re-render the row mid-click.
      await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-status')).toBe('open');
      const row = page.getByTestId(`lead-row-${trackingCode}`);
      await row.waitFor();
      const who = row.getByTestId('lead-sentinel');
      expect(await who.textContent()).toContain(`信息哨点 · ${name}（外卖骑手）`);
      expect(await who.getByTestId('trust-tag').textContent()).toContain('新哨点');
      await screenshot(page, 'sentinel-lead-in-queue');
      await confirmRowAction(page, row, 'lead-close');
    } finally {
      await page.close();
    }
  });

  it("the sentinel's 我的上报 shows the new status", async () => {
    const { page } = rider;
    await page.reload();
    const item = page.locator(`[data-testid="my-reports"] li[data-code="${trackingCode}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('closed');
    expect(await item.textContent()).toContain('已办结');
    await screenshot(page, 'sentinel-report-closed');
  });

  it('a demo sentinel opens the page with their token', async () => {
    const { context, page } = await phone();
    try {
      await page.goto(`${baseUrl()}/sentinel`);
      await input(page, 'token-input').fill('demo-sentinel-huanwei');
      await page.getByTestId('token-submit').click();
      await page.getByTestId('sentinel-report-form').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('王桂英');
      await expect.poll(() => page.getByTestId('my-reports').locator('li').count()).toBeGreaterThanOrEqual(4);
      await screenshot(page, 'sentinel-demo-token');
    } finally {
      await context.close();
    }
  });
});
