import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot, signIn } from './browser.ts';

/** A hotline operator turns a call into a lead from the keyboard; the dispatcher sees it. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('来电登记', () => {
  it('logs a call with the keyboard alone and the lead reaches the queue', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    try {
      await signIn(page, 'hotline');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-hotline').click();
      await page.getByTestId('hotline-page').waitFor();
      // The caller's number has the focus: type, Tab out, pick with digit keys, file with Ctrl+Enter.
      await page.keyboard.type('13912340000');
      await page.keyboard.press('Tab');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('2');
      await page.keyboard.press('4');
      expect(await page.getByTestId('hotline-descriptor-minor').getAttribute('class')).toContain('checked');
      expect(await page.getByTestId('hotline-descriptor-thin_clothing').getAttribute('class')).toContain(
        'checked',
      );
      const place = `韶关站进站口 ${Date.now()}`;
      await page.getByTestId('hotline-address').fill(place);
      await page.getByTestId('hotline-description').fill('来电：有个小孩独自在候车室，穿得很少');
      await page.keyboard.press('Control+Enter');
      const filed = page.getByTestId('hotline-filed');
      await filed.waitFor();
      const code = /([0-9A-Z]{8})/.exec((await filed.textContent()) ?? '')?.[1];
      expect(code).toBeTruthy();
      // Ready for the next call: the form is empty and the number has the focus again.
      expect(await page.getByTestId('hotline-address').inputValue()).toBe('');
      await page.getByTestId(`hotline-recent-${code}`).waitFor();
      expect(await page.getByTestId(`hotline-recent-${code}`).textContent()).toContain('139****0000');
      await screenshot(page, 'hotline-filed');

      await page.getByTestId('menu-leads').click();
      const row = page.getByTestId(`lead-row-${code}`);
      await row.waitFor();
      expect(await row.textContent()).toContain('救助热线');
      expect(await row.textContent()).toContain('未成年人');
    } finally {
      await page.close();
    }
  });

  it('refuses a call without a place, in Chinese, and keeps what was typed', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    try {
      await signIn(page, 'dispatcher');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-hotline').click();
      await page.getByTestId('hotline-description').fill('来电人没说在哪里');
      await page.getByTestId('hotline-submit').click();
      const error = page.getByTestId('hotline-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('请提供位置');
      expect(await page.getByTestId('hotline-description').inputValue()).toBe('来电人没说在哪里');
    } finally {
      await page.close();
    }
  });
});
