import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, phonePage, screenshot, signIn } from './browser.ts';

/**
 * A night without signal: the phone's clock starts 12 hours in the past (the server's is now),
 * patrol1 records three encounters offline, then 12 hours pass on the phone. Meanwhile the
 * session ended (signed out elsewhere, as an expired session would). The page reloads offline from the
 * device, the network returns, the server says 401: nothing is lost, the app asks to sign in,
 * and after signing in the three go — each once, with the time they happened 12 hours ago.
 */
const NIGHT_MS = 12 * 3_600_000;
const spot = { latitude: 24.8133, longitude: 113.6049, accuracy: 15 };

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const pending = (page: Page) => page.getByTestId('outbox-pending').textContent();
const outboxIds = (page: Page): Promise<string[]> =>
  page.evaluate(`new Promise((resolve, reject) => {
    const req = indexedDB.open('warmline-patrol');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const all = req.result.transaction('outbox', 'readonly').objectStore('outbox').getAll();
      all.onsuccess = () => resolve(all.result.map((e) => e.id));
    };
  })`);

describe('patrol phone: a night offline', () => {
  it('12 hours offline and signed out meanwhile: the records wait, then go once after signing in', async () => {
    const { context, page } = await phonePage(browser, { geolocation: spot, permissions: ['geolocation'] });
    contexts.push(context);
    const evening = Date.now() - NIGHT_MS;
    await page.clock.install({ time: new Date(evening) });
    await signIn(page, 'patrol1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/patrol`);
    await page.getByTestId('patrol-hotspots').waitFor();
    await expect
      .poll(() => page.evaluate("navigator.serviceWorker?.controller?.state ?? 'none'"), { timeout: 30_000 })
      .toBe('activated');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_500);

    await context.setOffline(true);
    const form = page.getByTestId('encounter-form');
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('new-encounter').click();
      await form.locator('[data-fact="refuses_station"]').click();
      await form.getByTestId('encounter-save').click();
      await form.waitFor({ state: 'detached' });
    }
    await expect.poll(() => pending(page)).toBe('待上传 3 条');
    const ids = await outboxIds(page);
    expect(ids).toHaveLength(3);

    // The night passes on the phone; the session ends on the server (signed out elsewhere).
    await page.clock.setSystemTime(new Date());
    const out = await context.request.post(`${baseUrl()}/api/auth/logout`);
    expect(out.status()).toBeLessThan(300);

    // Morning, still no signal: the page comes back from the device with the queue and the shift's data.
    await page.reload();
    await expect.poll(() => pending(page), { timeout: 20_000 }).toBe('待上传 3 条');
    await page.getByTestId('patrol-hotspots').waitFor();

    // Signal again: the server refuses the ended session; nothing is dropped, sign in is asked for.
    await context.setOffline(false);
    await page.waitForURL(/\/login/, { timeout: 60_000 });
    expect(await outboxIds(page)).toEqual(expect.arrayContaining(ids));
    await expect
      .poll(() => page.getByTestId('login-waiting').textContent(), { timeout: 10_000 })
      .toContain('本机有 3 条巡查记录尚未上传');
    await screenshot(page, 'patrol-night-sign-in-again');

    // Signed in again, the app returns to 我的任务 and the queue goes.
    await signIn(page, 'patrol1');
    await page.waitForURL(`${baseUrl()}/patrol`);
    await expect.poll(() => pending(page), { timeout: 60_000 }).toBe('待上传 0 条');

    const api = await browser.newContext();
    contexts.push(api);
    const login = await api.request.post(`${baseUrl()}/api/auth/login`, {
      data: { username: 'dispatcher', password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { items } = (await (
      await api.request.get(
        `${baseUrl()}/api/encounters?before=${new Date(evening + 30 * 60_000).toISOString()}`,
      )
    ).json()) as {
      items: { clientId: string; at: string }[];
    };
    const ours = items.filter((e) => ids.includes(e.clientId));
    expect(ours).toHaveLength(3);
    // Kept at the time they happened on the phone, 12 hours before they arrived.
    for (const e of ours) expect(Math.abs(Date.parse(e.at) - evening)).toBeLessThan(10 * 60_000);
  }, 240_000);
});
