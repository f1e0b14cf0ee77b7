import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
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

  it("shows a minor's photo only after the reason is given, and the opening is in the audit log", async () => {
    const patrol = await apiAs('patrol1');
    const minorName = `钱${name.slice(1)}`;
    const encounter = {
      clientId: crypto.randomUUID(),
      lat: 24.8131,
      lng: 113.6047,
      identity: { name: minorName },
      ageBand: 'adolescent',
      facts: [],
    };
    expect((await patrol.post(`${baseUrl()}/api/patrol/encounters`, { data: encounter })).status()).toBe(201);
    const picture = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#335577' } })
      .jpeg()
      .toBuffer();
    const upload = await patrol.post(`${baseUrl()}/api/patrol/encounters/${encounter.clientId}/photos`, {
      multipart: {
        data: JSON.stringify({ clientId: crypto.randomUUID() }),
        photos: { name: 'p.jpg', mimeType: 'image/jpeg', buffer: picture },
      },
    });
    expect(upload.status()).toBe(201);

    const page = await desktopPage(browser);
    await signIn(page, 'station1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/persons`);
    const search = page.getByTestId('person-search').locator('input');
    await search.fill(minorName);
    await search.press('Enter');
    const rows = page.getByTestId('person-row');
    await expect.poll(() => rows.count()).toBe(1);
    // Not on the list: the row carries no picture.
    expect(await rows.first().locator('img').count()).toBe(0);
    await rows.first().click();
    const drawer = page.getByTestId('person-drawer');
    const masked = drawer.getByTestId('encounter-photo-masked');
    await expect.poll(() => masked.getAttribute('data-minor')).toBe('true');
    expect(await drawer.locator('img').count()).toBe(0);
    await masked.click();
    const ok = page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ });
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('photo-reason').fill('寻亲比对');
    await ok.click();
    await drawer.getByTestId('encounter-photo-image').waitFor();
    await screenshot(page, 'persons-minor-photo', { fullPage: false });
    await page.close();

    const supervisor = await apiAs('supervisor');
    const events = await supervisor.get(`${baseUrl()}/api/events?action=encounter.photo_viewed`);
    expect(events.status()).toBe(200);
    const items = ((await events.json()) as { items: { payload: { reason?: string } }[] }).items;
    expect(items.some((e) => e.payload.reason === '寻亲比对')).toBe(true);
  });
});
