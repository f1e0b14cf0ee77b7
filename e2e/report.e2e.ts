import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, openReportForm, phonePage, screenshot } from './browser.ts';

/**
 * 群众上报: someone on a phone, in the cold, reports a person who may need help — no login,
 * a typed landmark, two toggles, a few words, a call-back number — gets a tracking code,
 * and follows it on its status page. The page is the small public one (no React).
 */
const run = Date.now().toString(36);
const description = `桥洞下有位老人，衣服很薄，叫他没有反应（e2e ${run}）`;
const address = `浈江区风度路桥洞（e2e ${run}）`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const phone = () => phonePage(browser);

describe('reporting someone who may need help', () => {
  let trackingCode = '';

  it('a person fills the form, gets a tracking code, and sees 已受理 on its status page', async () => {
    const { context, page } = await phone();
    try {
      const posted: unknown[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/public/leads')) posted.push(r.postDataJSON());
      });
      await openReportForm(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('发现有人需要帮助？');
      expect(await page.locator('.emergency').textContent()).toMatch(/紧急情况请直接拨打\s*110\s*\/\s*120/);
      // The public page is plain TypeScript: no React root, no Ant Design styles.
      expect(await page.locator('#root, [class^="ant-"]').count()).toBe(0);

      await page.getByTestId('address').fill(address);
      const elderly = page.locator('[data-descriptor="elderly"]');
      const thin = page.locator('[data-descriptor="thin_clothing"]');
      await elderly.click();
      await thin.click();
      expect(await elderly.getAttribute('aria-pressed')).toBe('true');
      expect(await thin.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('[data-descriptor="minor"]').getAttribute('aria-pressed')).toBe('false');
      // Toggles are big enough for a cold thumb.
      const box = await elderly.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);

      await page.getByTestId('description').fill(description);
      expect(await page.locator('#description-count').textContent()).toBe(`${description.length} / 1000`);
      await page.getByTestId('phone').fill('138 1234 5678');
      await page.getByTestId('call-back').check();
      await screenshot(page, 'report-filled');

      await page.getByTestId('submit').click();
      const code = page.getByTestId('tracking-code');
      await code.waitFor();
      trackingCode = (await code.getAttribute('data-code')) ?? '';
      expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      // Shown in two groups of four, to be read aloud easily.
      expect(await code.textContent()).toBe(`${trackingCode.slice(0, 4)} ${trackingCode.slice(4)}`);

      // What went over the wire: the two toggles, the trimmed text, the phone as digits, a device token.
      expect(posted).toHaveLength(1);
      expect(posted[0]).toMatchObject({
        descriptors: ['elderly', 'thin_clothing'],
        description,
        address,
        reporterPhone: '13812345678',
        callBack: true,
      });
      expect((posted[0] as { deviceToken: string }).deviceToken).toMatch(/^[0-9a-f-]{36}$/);

      // This phone remembers the code.
      expect(await page.getByTestId('my-codes').textContent()).toContain(trackingCode.slice(0, 4));
      await screenshot(page, 'report-success');

      await page.getByTestId('status-link').click();
      await page.waitForURL(`${baseUrl()}/report/${trackingCode}`);
      const status = page.getByTestId('lead-status');
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('received');
      expect(await status.locator('.status-now').textContent()).toBe('已受理');
      expect(await status.locator('[aria-current="step"]').textContent()).toContain('已受理');
      // Beijing time (UTC+8, no daylight saving) although this phone is set to London.
      const { receivedAt } = (await (
        await page.request.get(`${baseUrl()}/api/public/leads/${trackingCode}`)
      ).json()) as { receivedAt: string };
      const beijing = new Date(Date.parse(receivedAt) + 8 * 3600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      expect(await page.getByTestId('received-at').textContent()).toMatch(
        new RegExp(
          `^(\\d{4}年)?${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}$`,
        ),
      );
      let statusReads = 0;
      page.on('request', (r) => {
        if (r.url().endsWith(`/api/public/leads/${trackingCode}`)) statusReads += 1;
      });
      await page.getByTestId('refresh').click();
      await expect.poll(() => statusReads).toBe(1);
      await expect.poll(() => page.getByTestId('refresh').isEnabled()).toBe(true);
      expect(await page.getByTestId('refreshed-at').textContent()).toMatch(/^\d{2}:\d{2}:\d{2} 已刷新$/);
      await screenshot(page, 'report-status-received');

      // A reload on the status page (the server sends the same small page for /report/<code>).
      await page.reload();
      await page.getByTestId('lead-status').waitFor();
      expect(await page.getByTestId('my-codes').locator('[aria-current="page"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the command centre receives what the person reported', async () => {
    expect(trackingCode).not.toBe('');
    const context = await browser.newContext();
    try {
      const login = await context.request.post(`${baseUrl()}/api/auth/login`, {
        data: { username: 'dispatcher', password: DEMO_PASSWORD },
      });
      expect(login.status()).toBe(200);
      const list = await context.request.get(`${baseUrl()}/api/leads?source=public&pageSize=200`);
      expect(list.status()).toBe(200);
      const { items } = (await list.json()) as { items: Record<string, unknown>[] };
      const lead = items.find((l) => l.trackingCode === trackingCode);
      expect(lead).toMatchObject({
        source: 'public',
        descriptors: ['elderly', 'thin_clothing'],
        description,
        address,
        callBack: true,
        reporterPhoneMasked: '138****5678',
      });
    } finally {
      await context.close();
    }
  });

  it('a code typed in lower case with a dash is found', async () => {
    expect(trackingCode).not.toBe('');
    const { context, page } = await phone();
    try {
      await openReportForm(page);
      const typed = `${trackingCode.slice(0, 4)}-${trackingCode.slice(4)}`.toLowerCase();
      await page.getByTestId('lookup-input').fill(typed);
      await page.getByTestId('lookup-submit').click();
      await page.waitForURL(`${baseUrl()}/report/${trackingCode}`);
      await page.getByTestId('lead-status').waitFor();
      expect(await page.getByTestId('status-code').getAttribute('data-code')).toBe(trackingCode);
      expect(await page.locator('.status-now').textContent()).toBe('已受理');

      // A lower-case link opened directly is tidied to the canonical address.
      await page.goto(`${baseUrl()}/report/${trackingCode.toLowerCase()}`);
      await page.getByTestId('lead-status').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/report/${trackingCode}`);
      await screenshot(page, 'report-lookup-lower-case');
    } finally {
      await context.close();
    }
  });

  it('an empty submit shows what is missing, in Chinese, and sends nothing', async () => {
    const { context, page } = await phone();
    try {
      let posts = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST') posts += 1;
      });
      await openReportForm(page);
      await page.getByTestId('submit').click();
      const errors = page.getByTestId('form-errors');
      await errors.waitFor();
      const text = await errors.textContent();
      expect(text).toContain('请告诉我们地点');
      expect(text).toContain('请至少选择一项情况');
      expect(await page.locator('#location-error').isVisible()).toBe(true);
      expect(await page.getByTestId('address').getAttribute('aria-invalid')).toBe('true');
      // The first problem gets the focus, so the keyboard opens where it is needed.
      expect(await page.getByTestId('address').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(
        true,
      );
      // A wrong number is caught here too.
      await page.getByTestId('address').fill(address);
      await page.getByTestId('phone').fill('12345');
      await page.locator('[data-descriptor="minor"]').click();
      await page.getByTestId('submit').click();
      await expect.poll(() => page.locator('#phone-error').textContent()).toContain('电话号码格式不对');
      expect(posts).toBe(0);
      await screenshot(page, 'report-validation');
    } finally {
      await context.close();
    }
  });

  it('a lost connection keeps the form filled and offers a retry that works', async () => {
    const { context, page } = await phone();
    try {
      await openReportForm(page);
      await page.getByTestId('address').fill(address);
      await page.locator('[data-descriptor="injured_or_ill"]').click();
      await page.getByTestId('description').fill(`重试 ${description}`);
      await page.route('**/api/public/leads', (route) => route.abort('internetdisconnected'));
      await page.getByTestId('submit').click();
      const retry = page.getByTestId('retry');
      await retry.waitFor();
      expect(await page.getByTestId('form-errors').textContent()).toContain('网络不好');
      expect(await page.getByTestId('description').inputValue()).toBe(`重试 ${description}`);
      expect(await page.getByTestId('address').inputValue()).toBe(address);
      await screenshot(page, 'report-network-failure');
      await page.unroute('**/api/public/leads');
      await retry.click();
      await page.getByTestId('tracking-code').waitFor();
    } finally {
      await context.close();
    }
  });

  it('a report that arrived but whose reply was lost is not filed twice when retried', async () => {
    const { context, page } = await phone();
    try {
      await openReportForm(page);
      await page.getByTestId('address').fill(address);
      await page.locator('[data-descriptor="elderly"]').click();
      await page.getByTestId('description').fill(`回执丢失 ${description}`);
      const sent: { clientId?: string }[] = [];
      let firstCode = '';
      // The first attempt reaches the server, but its answer never reaches the phone.
      await page.route('**/api/public/leads', async (route) => {
        sent.push(route.request().postDataJSON() as { clientId?: string });
        const response = await route.fetch();
        firstCode = ((await response.json()) as { trackingCode: string }).trackingCode;
        await route.abort('internetdisconnected');
      });
      await page.getByTestId('submit').click();
      const retry = page.getByTestId('retry');
      await retry.waitFor();
      await page.unroute('**/api/public/leads');
      await page.route('**/api/public/leads', async (route) => {
        sent.push(route.request().postDataJSON() as { clientId?: string });
        await route.continue();
      });
      await retry.click();
      const code = page.getByTestId('tracking-code');
      await code.waitFor();
      expect(sent).toHaveLength(2);
      expect(sent[0]!.clientId).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent[1]!.clientId).toBe(sent[0]!.clientId);
      expect((await code.textContent())?.replace(/\W/g, '')).toBe(firstCode);
    } finally {
      await context.close();
    }
  });

  it('an unknown code says 没有找到这个编号', async () => {
    const { context, page } = await phone();
    try {
      await page.goto(`${baseUrl()}/report/ZZZZ-ZZZZ`);
      const missing = page.getByTestId('status-missing');
      await missing.waitFor();
      expect(await missing.textContent()).toContain('没有找到这个编号');
      await screenshot(page, 'report-unknown-code');
    } finally {
      await context.close();
    }
  });
});
