import { errorCatalog } from '@warmline/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 用户管理: the city bureau admin opens an account for a patrol member of 浈江区 through the
 * drawer; the phone number stays masked until a deliberate click; the county that owns the
 * account sees it and the sibling county does not; the supervisor only reads.
 */
const stamp = Date.now().toString().slice(-7);
const username = `e2e.patrol.${stamp}`;
const displayName = `测试队员${stamp}`;
const phone = `138${stamp.padStart(8, '0')}`;
const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
const password = 'patrol-e2e-password';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const newPage = () => desktopPage(browser);

/** Opens an antd Select and clicks the option whose label is `label`, typing it first to search. */
async function choose(page: Page, testId: string, label: string, type?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (type) await page.getByTestId(testId).locator('input').fill(type);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.waitFor();
  // Click once the list has finished sliding in, not while it still moves.
  await expect.poll(() => dropdown.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
  await dropdown.locator('.ant-select-item-option').getByText(label, { exact: true }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function signInAs(page: Page, user: string): Promise<void> {
  await signIn(page, user);
  await page.waitForURL(`${baseUrl()}/`);
}

async function openUsers(page: Page): Promise<void> {
  await page.getByTestId('menu-users').click();
  await page.waitForURL(`${baseUrl()}/admin/users`);
  await page.getByTestId('users-page').waitFor();
}

async function search(page: Page, q: string): Promise<void> {
  const box = input(page, 'users-search');
  await box.fill(q);
  await box.press('Enter');
}

const rowOf = (page: Page, name: string) => page.getByTestId(`user-row-${name}`);

/** Waits until the table has settled on an answer for the current search. */
async function tableSettled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="users-page"] .ant-spin-spinning').count()).toBe(0);
}

describe('用户管理 for the city bureau admin', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage();
    await signInAs(page, 'shaoguan');
    await openUsers(page);
  });
  afterAll(() => page?.close());

  it('refuses a too-short password in the drawer with a Chinese message', async () => {
    await page.getByTestId('user-create').click();
    const drawer = page.getByTestId('user-drawer');
    await drawer.waitFor();
    await input(page, 'user-username').fill(username);
    await input(page, 'user-display-name').fill(displayName);
    await choose(page, 'user-role', '巡查队员');
    await choose(page, 'user-region', '浈江区', '浈江');
    await input(page, 'user-password').fill('short');
    await input(page, 'user-phone').fill(phone);
    await page.getByTestId('user-save').click();
    const explain = drawer.getByText('密码至少 10 位，最多 128 位');
    await explain.waitFor();
    await screenshot(page, 'users-short-password');
    expect(await drawer.isVisible()).toBe(true);
    expect(await page.getByTestId('user-form-error').count()).toBe(0);
  });

  it('creates a patrol member in 浈江区 with a phone number and lists it', async () => {
    // The drawer from the previous step is still open with everything but a good password.
    await input(page, 'user-password').fill(password);
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-drawer').waitFor({ state: 'hidden' });
    await page.getByText('已创建').waitFor();

    await search(page, username);
    const row = rowOf(page, username);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toContain(displayName);
    expect(cells).toContain('巡查队员');
    expect(cells).toContain('浈江区');
    await screenshot(page, 'users-created');
  });

  it('shows the phone masked and reveals it on a deliberate click', async () => {
    const row = rowOf(page, username);
    expect(await row.getByTestId('phone-masked').textContent()).toBe(masked);
    expect(await row.getByText(phone).count()).toBe(0);
    await row.getByTestId('phone-reveal').click();
    const full = row.getByTestId('phone-full');
    await full.waitFor();
    expect(await full.textContent()).toBe(phone);
    await screenshot(page, 'users-phone-revealed');
  });

  it('finds the new user by display name', async () => {
    await search(page, `无此人${stamp}`);
    await rowOf(page, username).waitFor({ state: 'detached' });
    await search(page, displayName);
    await rowOf(page, username).waitFor();
    await tableSettled(page);
    expect(await page.locator('[data-testid^="user-row-"]').count()).toBe(1);
  });

  it('refuses a taken username with 用户名已被使用', async () => {
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-drawer').waitFor();
    await input(page, 'user-username').fill(username);
    await input(page, 'user-display-name').fill(`重名${stamp}`);
    await choose(page, 'user-role', '巡查队员');
    await input(page, 'user-password').fill(password);
    await page.getByTestId('user-save').click();
    const error = page.getByTestId('user-form-error');
    await error.waitFor();
    expect(errorCatalog.USERNAME_TAKEN.zh).toBe('用户名已被使用');
    expect(await error.textContent()).toContain('用户名已被使用');
    expect(await page.getByTestId('user-drawer').isVisible()).toBe(true);
    await screenshot(page, 'users-username-taken');
  });
});

describe('who sees the new user', () => {
  it('zhenjiang (浈江区, the same county) sees it', async () => {
    const page = await newPage();
    try {
      await signInAs(page, 'zhenjiang');
      await openUsers(page);
      await search(page, username);
      const row = rowOf(page, username);
      await row.waitFor();
      expect(await row.locator('td').allTextContents()).toContain(displayName);
    } finally {
      await page.close();
    }
  });

  it('wujiang (武江区, a sibling county) finds no such row', async () => {
    const page = await newPage();
    try {
      await signInAs(page, 'wujiang');
      await openUsers(page);
      // The list is not empty to begin with: wujiang sees at least its own account.
      await rowOf(page, 'wujiang').waitFor();
      await search(page, username);
      await rowOf(page, 'wujiang').waitFor({ state: 'detached' });
      await tableSettled(page);
      expect(await rowOf(page, username).count()).toBe(0);
      expect(await page.locator('[data-testid^="user-row-"]').count()).toBe(0);
      await screenshot(page, 'users-wujiang-none');
      // Not just hidden by the screen: the API answers the same for this session.
      const res = await page.request.get(`${baseUrl()}/api/users`, { params: { q: username } });
      expect(res.status()).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('supervisor reads the list but has no 新建用户 button', async () => {
    const page = await newPage();
    try {
      await signInAs(page, 'supervisor');
      await openUsers(page);
      await search(page, username);
      await rowOf(page, username).waitFor();
      expect(await page.getByTestId('user-create').count()).toBe(0);
      expect(await page.getByRole('button', { name: /新建/ }).count()).toBe(0);
      expect(await page.getByTestId('user-edit').count()).toBe(0);
      // The phone stays masked: revealing it is a managing act the API would refuse.
      await rowOf(page, username).getByTestId('phone-masked').waitFor();
      expect(await rowOf(page, username).getByTestId('phone-reveal').count()).toBe(0);
      await page.getByText('您可以查看用户，但不能修改').waitFor();
      await screenshot(page, 'users-supervisor');
    } finally {
      await page.close();
    }
  });
});
