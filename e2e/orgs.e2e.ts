import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 机构管理: the 浈江区 bureau admin opens a street rescue point with beds, renames it, and the
 * sibling county 武江区 never sees it.
 */
const stamp = Date.now().toString().slice(-7);
const name = `浈江区某街道救助点${stamp}`;
const renamed = `浈江区东河街道救助点${stamp}`;
const beds = 24;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const newPage = () => desktopPage(browser);

/** Opens an antd Select and clicks the option whose label is `label`. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.waitFor();
  // Click once the list has finished sliding in, not while it still moves.
  await expect.poll(() => dropdown.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
  await dropdown.locator('.ant-select-item-option').getByText(label, { exact: true }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function openOrgs(page: Page, user: string): Promise<void> {
  await signIn(page, user);
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByTestId('menu-orgs').click();
  await page.waitForURL(`${baseUrl()}/admin/orgs`);
  await page.getByTestId('orgs-page').waitFor();
}

async function search(page: Page, q: string): Promise<void> {
  const box = input(page, 'orgs-search');
  await box.fill(q);
  await box.press('Enter');
}

const rowNamed = (page: Page, text: string) =>
  page.locator('[data-testid^="org-row-"]').filter({ hasText: text });

describe('机构管理 for the county bureau admin', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage();
    await openOrgs(page, 'zhenjiang');
  });
  afterAll(() => page?.close());

  it('creates a rescue point with beds in 浈江区 and lists it', async () => {
    await page.getByTestId('org-create').click();
    const drawer = page.getByTestId('org-drawer');
    await drawer.waitFor();
    await input(page, 'org-name').fill(name);
    // Beds belong to stations only: the field leaves with another kind and comes back.
    await choose(page, 'org-kind', '卫健');
    await page.getByTestId('org-beds').waitFor({ state: 'detached' });
    await choose(page, 'org-kind', '救助管理站');
    await input(page, 'org-beds').fill(String(beds));
    expect(await drawer.getByTestId('org-region').textContent()).toContain('浈江区');
    await screenshot(page, 'orgs-create-drawer');
    await page.getByTestId('org-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('已创建').waitFor();

    const row = rowNamed(page, name);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toContain(name);
    expect(cells).toContain('救助管理站');
    expect(cells).toContain('浈江区');
    expect(cells).toContain(String(beds));
    await screenshot(page, 'orgs-created');
  });

  it('renames it through the edit drawer', async () => {
    await search(page, stamp);
    const row = rowNamed(page, name);
    await row.waitFor();
    const testId = await row.getAttribute('data-testid');
    await row.getByTestId('org-edit').click();
    const drawer = page.getByTestId('org-drawer');
    await drawer.waitFor();
    await expect.poll(() => input(page, 'org-name').inputValue()).toBe(name);
    await input(page, 'org-name').fill(renamed);
    await page.getByTestId('org-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('已保存').waitFor();

    // The same row (same id) now carries the new name; the old name is gone.
    const same = page.getByTestId(testId ?? 'missing-row-id');
    await expect.poll(async () => (await same.locator('td').first().textContent()) ?? '').toBe(renamed);
    expect(await rowNamed(page, name).count()).toBe(0);
    expect(await same.locator('td').allTextContents()).toContain(String(beds));
    await screenshot(page, 'orgs-renamed');
  });
});

describe('the sibling county', () => {
  it('wujiang (武江区) does not see the 浈江区 rescue point', async () => {
    const page = await newPage();
    try {
      await openOrgs(page, 'wujiang');
      // wujiang's own bureau is listed, so an empty table below is the search's answer.
      await rowNamed(page, '武江区民政局').waitFor();
      await search(page, stamp);
      await rowNamed(page, '武江区民政局').waitFor({ state: 'detached' });
      await page.locator('.ant-table-placeholder').waitFor();
      expect(await page.locator('[data-testid^="org-row-"]').count()).toBe(0);
      await screenshot(page, 'orgs-wujiang-none');

      const res = await page.request.get(`${baseUrl()}/api/orgs`, { params: { q: stamp } });
      expect(res.status()).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
