import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../packages/server/src/modules/auth/totp.ts';
import { baseUrl, DEMO_PASSWORD, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 账号安全: a freshly opened county admin account changes its password and turns on two-step
 * sign-in, then signs in with the new password and a code from "the phone" (computed here).
 * The account is this file's own, so the demo users keep their passwords and second factor.
 */
const stamp = Date.now().toString().slice(-7);
const username = `e2e.account.${stamp}`;
const displayName = `账号测试${stamp}`;
const firstPassword = 'first-e2e-password';
const newPassword = 'second-e2e-password';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // The city bureau admin opens the account through the API, as an integration would.
  const admin = await browser.newContext();
  try {
    const login = await admin.request.post(`${baseUrl()}/api/auth/login`, {
      data: { username: 'shaoguan', password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const created = await admin.request.post(`${baseUrl()}/api/users`, {
      data: {
        username,
        displayName,
        role: 'bureau_admin',
        regionCode: '440204',
        password: firstPassword,
      },
    });
    expect(created.status()).toBe(201);
  } finally {
    await admin.close();
  }
});
afterAll(() => browser?.close());

/** An entry of the header's user dropdown (the side menu has a 账号安全 entry too). */
async function userMenu(page: Page, entry: string): Promise<void> {
  await page.getByTestId('user-menu').click();
  const dropdown = page.locator('.ant-dropdown:visible');
  await dropdown.waitFor();
  // Click once the menu has finished sliding in, not while it still moves.
  await expect.poll(() => dropdown.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
  await dropdown.getByRole('menuitem', { name: entry }).click();
}

async function openAccount(page: Page): Promise<void> {
  await userMenu(page, '账号安全');
  await page.waitForURL(`${baseUrl()}/account`);
  await page.getByTestId('account-page').waitFor();
}

async function signOut(page: Page): Promise<void> {
  await userMenu(page, '退出登录');
  await page.waitForURL(`${baseUrl()}/login`);
  await page.getByTestId('login-form').waitFor();
}

async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await input(page, 'current-password').fill(current);
  await input(page, 'new-password').fill(next);
  await input(page, 'confirm-password').fill(next);
  await page.getByTestId('change-password-submit').click();
}

/** A six-digit code the server cannot accept now: not the code of this step or either neighbour. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-60, -30, 0, 30, 60].map((s) => totpCodeAt(secret, new Date(now + s * 1000))));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

describe('账号安全 for a new county admin', () => {
  let page: Page;
  let secret = '';
  beforeAll(async () => {
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  });
  afterAll(() => page?.close());

  it('changes the password: a wrong current one is refused, the right one works', async () => {
    await signIn(page, username, firstPassword);
    await page.waitForURL(`${baseUrl()}/`);
    expect(await page.getByTestId('header-display-name').textContent()).toBe(displayName);
    // An admin without a second factor is reminded on the home page.
    await page.getByTestId('totp-advice').waitFor();
    await openAccount(page);

    await changePassword(page, 'not-my-password', newPassword);
    const error = page.getByTestId('password-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('当前密码不正确');
    await screenshot(page, 'account-wrong-current-password');

    await changePassword(page, firstPassword, newPassword);
    await page.getByText('密码已修改').waitFor();
    await error.waitFor({ state: 'detached' });
    // The form is emptied after a change, so the new password does not linger on screen.
    expect(await input(page, 'new-password').inputValue()).toBe('');
  });

  it('signs out and signs in only with the new password', async () => {
    await signOut(page);
    await signIn(page, username, firstPassword);
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('用户名或密码错误');

    await signIn(page, username, newPassword);
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByTestId('home-header').waitFor();
    expect(await page.getByTestId('header-display-name').textContent()).toBe(displayName);
  });

  it('turns on two-step sign-in with a code computed from the shown secret', async () => {
    await openAccount(page);
    const card = page.getByTestId('totp-card');
    expect(await card.textContent()).toContain('未启用');
    await page.getByTestId('totp-start').click();
    const shown = page.getByTestId('totp-secret');
    await shown.waitFor();
    secret = ((await shown.textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
    expect(await page.getByTestId('totp-url').textContent()).toContain(`secret=${secret}`);
    await screenshot(page, 'account-totp-setup');

    await input(page, 'totp-code').fill(wrongCode(secret));
    await page.getByTestId('totp-confirm').click();
    const error = page.getByTestId('totp-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('动态验证码错误');

    await input(page, 'totp-code').fill(totpCodeAt(secret, new Date()));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('totp-enabled').waitFor();
    await expect.poll(() => card.textContent()).toContain('已启用');
    await screenshot(page, 'account-totp-enabled');
  });

  it('after signing out, sign-in asks for the code and accepts a fresh one', async () => {
    await signOut(page);
    await signIn(page, username, newPassword);
    const code = page.getByTestId('login-totp');
    await code.waitFor();
    await page.getByRole('heading', { name: '两步验证' }).waitFor();
    // Asking for the code is a step, not a failure.
    expect(await page.getByTestId('login-error').count()).toBe(0);
    await screenshot(page, 'account-login-asks-code');

    await input(page, 'login-totp').fill(wrongCode(secret));
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('动态验证码错误');
    expect(new URL(page.url()).pathname).toBe('/login');

    // Each code counts once, and enrolment used this step's: the phone's next code (accepted
    // within the ±1-step drift window) is what a person typing a fresh code would give.
    await input(page, 'login-totp').fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByTestId('home-header').waitFor();
    expect(await page.getByTestId('header-display-name').textContent()).toBe(displayName);
    // With the second factor on, the reminder is gone.
    expect(await page.getByTestId('totp-advice').count()).toBe(0);
    await screenshot(page, 'account-signed-in-with-code');
  });
});
