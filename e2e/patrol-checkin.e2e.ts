import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, phonePage, screenshot, signIn } from './browser.ts';

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
    // Tonight's shift first: the check-in is filed under it.
    const shiftCard = page.getByTestId('shift-card');
    if ((await shiftCard.getByTestId('end-shift').count()) > 0)
      await shiftCard.getByTestId('end-shift').click();
    await shiftCard.getByTestId('start-shift').click();
    // The whole team is ticked; plan the station square and the bridge for tonight.
    const sheet = page.getByTestId('shift-start-sheet');
    expect(await sheet.getByTestId('shift-member').count()).toBeGreaterThan(1);
    const plannedChips = sheet.getByTestId('shift-hotspots').locator('.ant-tag-checkable-checked');
    while ((await plannedChips.count()) > 0) await plannedChips.first().click();
    await expect.poll(() => plannedChips.count()).toBe(0);
    for (const name of ['韶关站站前广场', '五里亭桥下'])
      await sheet.getByTestId('shift-hotspots').getByText(name, { exact: false }).click();
    await page.waitForTimeout(400); // the chips' colour transition
    await screenshot(page, 'patrol-shift-start', { fullPage: false });
    await page.getByTestId('shift-start-confirm').click();
    await expect.poll(() => shiftCard.getByTestId('shift-summary').textContent()).toContain('已打卡 0 处');
    await expect
      .poll(() => shiftCard.getByTestId('shift-planned-left').textContent())
      .toContain('还剩 2 / 2 处');
    const section = page.getByTestId('patrol-hotspots');
    await section.waitFor();
    const square = section.getByTestId('patrol-hotspot').filter({ hasText: '韶关站站前广场' });
    await square.getByRole('spinbutton').fill('3');
    await square.getByTestId('check-in').click();
    await page.getByText('已打卡：韶关站站前广场').waitFor();
    await expect.poll(() => square.getByTestId('hotspot-state').textContent()).toBe('已覆盖');
    await expect.poll(() => square.textContent()).toContain('上次巡查 0 小时前');
    // The plan's place still to visit comes first, marked; then, once the phone knows where it
    // is, the nearest.
    const cards = section.getByTestId('patrol-hotspot');
    await expect.poll(() => cards.first().textContent()).toContain('五里亭桥下');
    expect(await cards.first().getByTestId('hotspot-planned').count()).toBe(1);
    await expect.poll(() => cards.nth(1).textContent()).toContain('韶关站站前广场');
    const box = await square.getByTestId('check-in').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await expect.poll(() => shiftCard.getByTestId('shift-summary').textContent()).toContain('已打卡 1 处');
    // The station square is off the plan's list; the bridge is still to do, marked and first.
    await expect
      .poll(() => shiftCard.getByTestId('shift-planned-left').textContent())
      .toBe('计划重点区域：还剩 1 / 2 处：五里亭桥下');
    // The shift's track has the position the phone reported when the shift started.
    const shiftId: string = await page.evaluate(
      async () =>
        ((await (await fetch('/api/patrol/shifts/current')).json()) as { shift: { id: string } }).shift.id,
    );
    const command = await browser.newContext();
    await command.request.post(`${baseUrl()}/api/auth/login`, {
      data: { username: 'dispatcher', password: DEMO_PASSWORD },
    });
    await expect
      .poll(async () => {
        const res = await command.request.get(`${baseUrl()}/api/shifts/${shiftId}/track`);
        return ((await res.json()) as { items: { lat: number }[] }).items.some(
          (p) => Math.abs(p.lat - station.latitude) < 0.001,
        );
      })
      .toBe(true);
    await command.close();
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

describe('patrol phone: encounters', () => {
  it('records an unknown adult who refuses the station in 4 taps; the re-check is due and can be made', async () => {
    const { context, page } = await phonePage(browser, {
      geolocation: station,
      permissions: ['geolocation'],
    });
    await signIn(page, 'patrol1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/patrol`);
    const dueIds = () =>
      page.getByTestId('follow-up').evaluateAll((els) => els.map((e) => e.getAttribute('data-encounter')));
    await page.getByTestId('new-encounter').waitFor();
    // The list of re-checks already due must have loaded before it is compared with later.
    await page.waitForLoadState('networkidle');
    const before = new Set(await dueIds());
    let taps = 0;
    const tap = async (target: ReturnType<typeof page.getByTestId>) => {
      taps += 1;
      await target.click();
    };
    const started = Date.now();
    await tap(page.getByTestId('new-encounter'));
    const form = page.getByTestId('encounter-form');
    await tap(form.locator('[data-fact="refuses_station"]'));
    await expect.poll(() => form.getByTestId('proposal').textContent()).toContain('现场救助');
    await tap(form.getByText('男', { exact: true }));
    // The suggested warmth kit shows what the vehicle has left, from the team's stock.
    const kitsLeft = async () =>
      Number(/余 (\d+)/.exec((await form.locator('[data-item="warmth_kit"]').textContent()) ?? '')?.[1]);
    await expect.poll(kitsLeft).toBeGreaterThan(0);
    const kitsBefore = await kitsLeft();
    await tap(form.getByTestId('encounter-save'));
    await page.getByText(/已记录：现场救助，\d\d:\d\d 前复查/).waitFor();
    expect(taps).toBeLessThanOrEqual(6);
    expect(Date.now() - started).toBeLessThan(30_000);
    // It came off the vehicle's stock.
    await page.getByTestId('team-stock').waitFor();
    await page.getByTestId('new-encounter').click();
    await form.locator('[data-fact="refuses_station"]').click();
    await expect.poll(kitsLeft).toBe(kitsBefore - 1);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(async () => (await dueIds()).filter((id) => !before.has(id)).length).toBe(1);
    const id = (await dueIds()).find((x) => !before.has(x))!;
    await screenshot(page, 'patrol-follow-ups');

    // The re-check, recorded against it, takes it off the list (staying out again sets a new one).
    await page.locator(`[data-encounter="${id}"]`).getByTestId('recheck').click();
    await page.getByTestId('encounter-form').locator('[data-fact="refuses_station"]').click();
    await page.getByTestId('encounter-save').click();
    await expect.poll(async () => (await dueIds()).includes(id)).toBe(false);
    await context.close();
  });

  it('refuses to leave a minor with onsite relief, in Chinese, and keeps the form as it was', async () => {
    const { context, page } = await phonePage(browser, {
      geolocation: station,
      permissions: ['geolocation'],
    });
    await signIn(page, 'patrol1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/patrol`);
    await page.getByTestId('new-encounter').click();
    const form = page.getByTestId('encounter-form');
    await form.locator('[data-fact="minor"]').click();
    await form.locator('[data-fact="refuses_station"]').click();
    await expect.poll(() => form.getByTestId('proposal').textContent()).toContain('保护性救助');
    await form.getByText('更改救助类别（须填理由）').click();
    await form.getByTestId('override-category').click();
    await page.locator('.ant-select-item-option', { hasText: '现场救助' }).click();
    await form.getByTestId('override-reason').fill('孩子坚持不走');
    await form.getByTestId('encounter-save').click();
    await expect.poll(() => form.getByTestId('encounter-problem').textContent()).toContain('不得现场救助');
    await screenshot(page, 'patrol-encounter-refused');
    await context.close();
  });
});

describe('patrol phone at night', () => {
  it('follows the phone into dark mode', async () => {
    const { context, page } = await phonePage(browser, { colorScheme: 'dark' });
    await signIn(page, 'patrol1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto(`${baseUrl()}/patrol`);
    await page.getByTestId('new-encounter').waitFor();
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(13, 21, 32)');
    await screenshot(page, 'patrol-dark');
    await context.close();
  });
});
