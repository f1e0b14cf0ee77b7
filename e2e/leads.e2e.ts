import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, confirmRowAction, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * The command centre's lead queue: a public report appears without a reload, a dispatcher
 * quarantines an ad and restores it; the supervisor reads but cannot act.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function reportFromPublic(description: string, deviceToken: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/public/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      descriptors: ['elderly', 'thin_clothing'],
      description,
      address: '浈江区风度路桥洞',
      deviceToken,
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}

async function openQueue(page: Page, username: string) {
  await signIn(page, username);
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByTestId('menu-leads').click();
  await page.getByTestId('leads-page').waitFor();
  // Live updates only arrive on an open stream.
  await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-status')).toBe('open');
}

describe('线索队列', () => {
  it('a public report appears live; the dispatcher quarantines and restores it', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    try {
      await openQueue(page, 'dispatcher');
      const description = `桥洞下老人衣着单薄 ${Date.now()}`;
      const code = await reportFromPublic(description, crypto.randomUUID());
      const row = page.getByTestId(`lead-row-${code}`);
      // Live, but the whole suite shares two cores with it: allow what a loaded CI machine needs.
      await row.waitFor({ timeout: 20_000 }).catch(async (e) => {
        await screenshot(page, 'leads-queue-missing');
        const api = await page.evaluate(async () => (await fetch('/api/leads?open=true&pageSize=5')).text());
        console.log('QUEUE-DEBUG', code, api.slice(0, 1500));
        throw e;
      });
      expect(await row.textContent()).toContain('优先');
      expect(await row.textContent()).toContain('群众上报');
      await screenshot(page, 'leads-queue-live');

      await confirmRowAction(page, row, 'lead-quarantine');
      await page.getByTestId('leads-scope').getByText('已隔离').click();
      const quarantined = page.getByTestId(`lead-row-${code}`);
      await quarantined.waitFor();
      expect(await quarantined.getByTestId('lead-state').textContent()).toContain('已隔离');
      // The reporter still just sees "received".
      const publicStatus = (await (await fetch(`${baseUrl()}/api/public/leads/${code}`)).json()) as {
        status: string;
      };
      expect(publicStatus.status).toBe('received');

      await quarantined.getByTestId('lead-restore').click();
      await quarantined.waitFor({ state: 'detached' });
      await page.getByTestId('leads-scope').getByText('待处理').click();
      await page.getByTestId(`lead-row-${code}`).waitFor();
      await screenshot(page, 'leads-restored');
    } finally {
      await page.close();
    }
  });

  it('a second report of the same person is flagged as a likely duplicate and merged in one click', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    try {
      // A spot of its own, kilometres from every demo place and other journeys' reports, so
      // nothing else is a candidate.
      const spot = { lat: 24.72 + Math.random() / 100, lng: 113.45 };
      const post = async (description: string) => {
        const res = await fetch(`${baseUrl()}/api/public/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            descriptors: ['elderly'],
            description,
            ...spot,
            deviceToken: crypto.randomUUID(),
          }),
        });
        return ((await res.json()) as { trackingCode: string }).trackingCode;
      };
      const first = await post(`乳源汽车站旁有位老人 ${Date.now()}`);
      const second = await post(`车站旁边那个老人还在，很冷 ${Date.now()}`);
      await openQueue(page, 'dispatcher');
      const row = page.getByTestId(`lead-row-${second}`);
      await row.waitFor();
      expect(await row.getByTestId('lead-likely-duplicate').textContent()).toContain(first);
      expect(await page.getByTestId(`lead-row-${first}`).getByTestId('lead-likely-duplicate').count()).toBe(
        0,
      );
      await screenshot(page, 'leads-likely-duplicate');
      await row.getByTestId('lead-merge').click();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId(`lead-row-${first}`).waitFor();
      // A wrong merge is undone: the duplicate, found under 全部, goes back to the queue.
      await page.getByTestId('leads-scope').getByText('全部').click();
      const merged = page.getByTestId(`lead-row-${second}`);
      await merged.waitFor();
      expect(await merged.getByTestId('lead-state').textContent()).toContain('重复线索');
      await merged.getByTestId('lead-restore').click();
      await expect.poll(() => merged.getByTestId('lead-state').textContent()).toContain('新线索');
    } finally {
      await page.close();
    }
  });

  it('an ad sent through the public form waits in quarantine with its reasons', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    try {
      const res = await fetch(`${baseUrl()}/api/public/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          descriptors: [],
          description: `代开发票 正规税票 联系QQ 2837461 ${Date.now()}`,
          address: '韶关',
          deviceToken: crypto.randomUUID(),
        }),
      });
      const { trackingCode } = (await res.json()) as { trackingCode: string };
      await openQueue(page, 'dispatcher');
      expect(await page.getByTestId(`lead-row-${trackingCode}`).count()).toBe(0);
      await page.getByTestId('leads-scope').getByText('已隔离').click();
      const row = page.getByTestId(`lead-row-${trackingCode}`);
      await row.waitFor();
      expect(await row.getByTestId('lead-spam-reason').count()).toBeGreaterThan(0);
      // Over the queue, the season's record of the screening, which this ad is part of.
      const panel = page.getByTestId('screening-panel');
      await panel.getByTestId('screening-caught').waitFor();
      expect(await panel.textContent()).toContain('自动筛查成效');
      expect(await panel.getByTestId('screening-caught').textContent()).toMatch(/\d+\.\d %/);
      const restored = async () =>
        Number(await panel.getByTestId('screening-restored').getAttribute('data-count'));
      const before = await restored();
      await screenshot(page, 'leads-quarantine-reasons');
      // A dispatcher restoring it (as if it had been a real report) is counted against the screening.
      await row.getByTestId('lead-restore').click();
      await row.waitFor({ state: 'detached' });
      await expect.poll(restored).toBeGreaterThanOrEqual(before + 1);
    } finally {
      await page.close();
    }
  });

  it('the supervisor reads the queue but has no actions', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    try {
      const code = await reportFromPublic(`督导查看 ${Date.now()}`, crypto.randomUUID());
      await openQueue(page, 'supervisor');
      await page.getByTestId(`lead-row-${code}`).waitFor();
      expect(await page.getByTestId('lead-quarantine').count()).toBe(0);
      expect(await page.getByTestId('lead-triage').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
