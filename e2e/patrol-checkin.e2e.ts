import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, phonePage, screenshot, signIn } from './browser.ts';

/**
 * 重点区域打卡 on the patrol phone: patrol1 stands at 韶关站站前广场 and checks in with the
 * people seen there; the place shows as covered. From a kilometre away, a check-in at 五里亭桥下
 * is kept but flagged as too far, and the place stays as it was.
 */
const station = { latitude: 24.8133, longitude: 113.6049, accuracy: 15 };
const farFromBridge = { latitude: 24.8267, longitude: 113.6102, accuracy: 20 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('patrol phone: hotspot check-in', () => {
  it('checks in where the phone is, and flags a check-in from too far away', async () => {
    const { context, page } = await phonePage(browser, {
      geolocation: station,
      permissions: ['geolocation'],
    });
    await signIn(page, 'patrol1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/patrol`);
    const section = page.getByTestId('patrol-hotspots');
    await section.waitFor();
    const square = section.getByTestId('patrol-hotspot').filter({ hasText: '韶关站站前广场' });
    await square.getByRole('spinbutton').fill('3');
    await square.getByTestId('check-in').click();
    await page.getByText('已打卡：韶关站站前广场').waitFor();
    await expect.poll(() => square.getByTestId('hotspot-state').textContent()).toBe('已覆盖');
    await expect.poll(() => square.textContent()).toContain('上次巡查 0 小时前');
    // Once the phone knows where it is, the nearest place comes first.
    await expect
      .poll(() => section.getByTestId('patrol-hotspot').first().textContent())
      .toContain('韶关站站前广场');
    const box = await square.getByTestId('check-in').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'patrol-checkin');

    await context.setGeolocation(farFromBridge);
    const bridge = section.getByTestId('patrol-hotspot').filter({ hasText: '五里亭桥下' });
    const before = await bridge.getByTestId('hotspot-state').textContent();
    await bridge.getByTestId('check-in').click();
    await page.getByText(/距离 五里亭桥下 \d+ 米，超出 300 米/).waitFor();
    expect(await bridge.getByTestId('hotspot-state').textContent()).toBe(before);
    await context.close();
  });
});
