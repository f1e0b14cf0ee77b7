import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, phonePage, screenshot, signIn } from './browser.ts';

/**
 * The patrol phone offline: patrol1 opens 我的任务 while online (the service worker keeps the
 * shell, the shift's data is saved on the device), loses the network, records 50 encounters
 * through the form (不愿入站, 保存), reloads the page without network — it comes back from the
 * device with 待上传 50 条 — and when the network returns every one of them reaches the server
 * exactly once — and so does the photo taken with the first one.
 */
const station = { latitude: 24.8133, longitude: 113.6049, accuracy: 15 };
const COUNT = 50;

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

interface OutboxSeen {
  ids: string[];
  sealed: boolean;
  photos: number;
  keyExtractable: boolean | null;
}

/**
 * The outbox's keys (= the clientIds), whether every body there is ciphertext only, and whether
 * the device key could be exported. Browser-side code as a string: this project's TypeScript has
 * no DOM types.
 */
function readOutbox(page: Page): Promise<OutboxSeen> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const req = indexedDB.open('warmline-patrol');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction(['outbox', 'keys'], 'readonly');
      const all = tx.objectStore('outbox').getAll();
      const key = tx.objectStore('keys').get('outbox');
      tx.oncomplete = () => resolve({
        ids: all.result.map((e) => e.id),
        sealed: all.result.every((e) => e.body.data instanceof ArrayBuffer && !('facts' in e.body)
          && (!e.file || e.file.data instanceof ArrayBuffer)),
        photos: all.result.filter((e) => e.kind === 'photo').length,
        keyExtractable: key.result ? key.result.extractable : null,
      });
    };
  })`);
}

describe('patrol phone: offline', () => {
  it('records 50 encounters offline, survives a reload, and the server stores each once', async () => {
    const { context, page } = await phonePage(browser, {
      geolocation: station,
      permissions: ['geolocation'],
    });
    contexts.push(context);
    await signIn(page, 'patrol1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/patrol`);
    await page.getByTestId('patrol-hotspots').waitFor();
    await expect.poll(() => pending(page)).toBe('待上传 0 条');
    // The shell is cached once the service worker controls the page; the data a second after it loaded.
    await expect
      .poll(() => page.evaluate("navigator.serviceWorker?.controller?.state ?? 'none'"), { timeout: 30_000 })
      .toBe('activated');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_500);

    await context.setOffline(true);
    expect(await page.evaluate('navigator.onLine')).toBe(false);
    // The worker is offline too, so the reload below can only come from its cache.
    const [worker] = context.serviceWorkers();
    expect(worker).toBeDefined();
    expect(
      await worker!.evaluate(
        "fetch('/index.html', { cache: 'no-store' }).then(() => 'online', () => 'offline')",
      ),
    ).toBe('offline');
    const form = page.getByTestId('encounter-form');
    const picture = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: { r: 90, g: 60, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    for (let i = 0; i < COUNT; i++) {
      await page.getByTestId('new-encounter').click();
      await form.locator('[data-fact="refuses_station"]').click();
      if (i === 0) {
        // 拍照: the camera's picture, shrunk and sealed on the phone, waits with its encounter.
        await form
          .getByTestId('photo-input')
          .setInputFiles({ name: 'p.jpg', mimeType: 'image/jpeg', buffer: picture });
        await form.locator('.wl-photo-thumb img').waitFor();
        await screenshot(page, 'patrol-encounter-photo', { fullPage: false });
      }
      await form.getByTestId('encounter-save').click();
      await form.waitFor({ state: 'detached' });
    }
    await page.getByText('已保存，待联网后上传').first().waitFor();
    await expect.poll(() => pending(page)).toBe(`待上传 ${COUNT + 1} 条`);
    const outbox = await readOutbox(page);
    expect(outbox.ids).toHaveLength(COUNT + 1);
    expect(new Set(outbox.ids).size).toBe(COUNT + 1);
    expect(outbox.photos).toBe(1);
    // Sealed on the device: ciphertext only, and the key cannot be exported by script.
    expect(outbox.sealed).toBe(true);
    expect(outbox.keyExtractable).toBe(false);

    // A reload without network: the shell from the service worker, the data from the device.
    await page.reload();
    await expect.poll(() => pending(page), { timeout: 20_000 }).toBe(`待上传 ${COUNT + 1} 条`);
    await page.getByTestId('patrol-hotspots').waitFor();
    // The team's stock came back from the device too.
    await page.getByTestId('team-stock').waitFor();
    await screenshot(page, 'patrol-offline-pending');

    await context.setOffline(false);
    await expect.poll(() => pending(page), { timeout: 60_000 }).toBe('待上传 0 条');

    // On the server: each of the 50 client ids exactly once.
    const api = await browser.newContext();
    contexts.push(api);
    const login = await api.request.post(`${baseUrl()}/api/auth/login`, {
      data: { username: 'dispatcher', password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const list = await api.request.get(`${baseUrl()}/api/encounters`);
    expect(list.status()).toBe(200);
    const { items } = (await list.json()) as { items: { id: string; clientId: string }[] };
    const ours = items.filter((e) => outbox.ids.includes(e.clientId));
    expect(ours).toHaveLength(COUNT);
    expect(new Set(ours.map((e) => e.clientId)).size).toBe(COUNT);
    // The photo reached its encounter once, shrunk on the phone within 1600 px.
    const counts = await Promise.all(
      ours.map(async (e) => {
        const photos = await api.request.get(`${baseUrl()}/api/encounters/${e.id}/photos`);
        return ((await photos.json()) as { items: { width: number }[] }).items;
      }),
    );
    const withPhotos = counts.filter((p) => p.length > 0);
    expect(withPhotos).toHaveLength(1);
    expect(withPhotos[0]).toHaveLength(1);
    expect(withPhotos[0]![0]!.width).toBe(1200);
  }, 240_000);
});
