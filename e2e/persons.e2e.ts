import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, desktopPage, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 受助人员 as station staff use it: 老周 is found by pinyin with his three nights under 五里亭桥;
 * a man recorded twice as two people is merged into one record, and the merge is undone.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function apiAs(username: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  contexts.push(context);
  const login = await context.request.post(`${baseUrl()}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return context.request;
}

// A name no other journey uses: 赵 and two characters picked for this run.
const name = `赵${String.fromCharCode(0x5c0f + (Date.now() % 200))}${String.fromCharCode(0x6d77 + (Date.now() % 150))}`;

describe('persons', () => {
  it('finds 老周 by pinyin; merges a duplicate record and undoes it', async () => {
    const patrol = await apiAs('patrol1');
    for (let i = 0; i < 2; i++) {
      const res = await patrol.post(`${baseUrl()}/api/patrol/encounters`, {
        data: {
          clientId: crypto.randomUUID(),
          lat: 24.8131,
          lng: 113.6047,
          identity: { name },
          facts: ['elderly'],
        },
      });
      expect(res.status()).toBe(201);
    }

    const page = await desktopPage(browser);
    await signIn(page, 'station1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByTestId('menu-persons').click();
    await page.waitForURL(`${baseUrl()}/persons`);
    const search = page.getByTestId('person-search').locator('input');
    await search.fill('laozhou');
    await search.press('Enter');
    const rows = page.getByTestId('person-row');
    await expect.poll(() => rows.first().textContent()).toContain('老周');
    await rows.first().click();
    const drawer = page.getByTestId('person-drawer');
    await expect
      .poll(() => drawer.getByTestId('person-timeline').locator('.ant-timeline-item').count())
      .toBe(3);
    await screenshot(page, 'persons-laozhou');
    await page.keyboard.press('Escape');

    await search.fill(name);
    await search.press('Enter');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).click();
    await drawer.getByTestId('merge-target').click();
    await page.keyboard.type(name);
    const option = page.locator('.ant-select-item-option').filter({ hasText: name });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await drawer.getByTestId('merge').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已合并').waitFor();
    await expect
      .poll(() => drawer.getByTestId('person-timeline').locator('.ant-timeline-item').count())
      .toBe(2);
    await expect.poll(() => drawer.getByTestId('merged-record').count()).toBe(1);
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, 'persons-merged');

    await drawer.getByTestId('unmerge').click();
    await page.getByText('已撤销合并').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await page.close();
  });
});
