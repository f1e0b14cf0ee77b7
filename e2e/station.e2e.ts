import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, desktopPage, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 救助站 as station1 works it: a patrol's hand-over arrives and is received, triaged, checked in
 * with belongings and given a bed, the five basics ticked, and the man leaves on his own with the
 * declaration signed. A 14-year-old brought by the police is admitted to the minors' zone and the
 * screen refuses to let him leave alone, in Chinese. An injured man goes to hospital at triage.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

const tag = `${Date.now() % 100_000}`;
const ok = (page: Page) => page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ });

describe('rescue station', () => {
  it('receives a hand-over, triages, admits to a bed, ticks the five basics and discharges', async () => {
    const patrol = await browser.newContext();
    contexts.push(patrol);
    await patrol.request.post(`${baseUrl()}/api/auth/login`, {
      data: { username: 'patrol1', password: DEMO_PASSWORD },
    });
    const places = (await (await patrol.request.get(`${baseUrl()}/api/patrol/destinations`)).json()) as {
      items: { id: string; name: string; kind: string }[];
    };
    const station = places.items.find((p) => p.name === '韶关市救助管理站')!;
    const name = `吴站${tag}`;
    const rec = await patrol.request.post(`${baseUrl()}/api/patrol/encounters`, {
      data: {
        clientId: crypto.randomUUID(),
        lat: 24.8131,
        lng: 113.6047,
        sex: 'male',
        ageBand: 'middle_aged',
        identity: { name },
        handoverOrgId: station.id,
      },
    });
    expect(rec.status()).toBe(201);

    const page = await desktopPage(browser);
    await signIn(page, 'station1');
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByTestId('menu-station').click();
    await page.waitForURL(`${baseUrl()}/station`);
    const pending = page.getByTestId('pending-handover').filter({ hasText: name });
    await pending.waitFor();
    await screenshot(page, 'station-door');
    await pending.getByTestId('receive-handover').click();
    const arrival = page.getByTestId('arrival-form');
    await expect.poll(() => page.getByTestId('triage-result').textContent()).toContain('可以入站');
    await input(arrival, 'arrival-age').fill('47');
    await page.getByTestId('arrival-save').click();

    const admit = page.getByTestId('admit-form');
    await admit.waitFor();
    await admit
      .getByTestId('admit-reason')
      .locator('textarea')
      .or(admit.getByTestId('admit-reason'))
      .first()
      .fill('务工不着，露宿街头，巡查队劝导入站');
    await admit.getByTestId('admit-belongings').fill('手机 1\n现金（元） 20');
    await page.getByTestId('admit-save').click();

    const drawer = page.getByTestId('stay-drawer');
    await expect.poll(() => drawer.textContent()).toContain('男宿区');
    await expect.poll(() => drawer.textContent()).toContain('BG-');
    await drawer.locator('[data-basic="bath"]').click();
    await expect
      .poll(() => drawer.locator('[data-basic="bath"]').getAttribute('data-done'), { timeout: 10_000 })
      .toBe('true');
    await drawer.locator('[data-basic="clothes"]').click();
    await expect
      .poll(() => drawer.locator('[data-basic="clothes"]').getAttribute('data-done'), { timeout: 10_000 })
      .toBe('true');
    await screenshot(page, 'station-stay', { fullPage: false });
    // 求助登记表 prints as a PDF (an audited read).
    const href = await drawer.locator('[data-form="registration"]').getAttribute('href');
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // A coat from the station's store, booked against this stay.
    const bedLabel = /男-\d\d/.exec((await drawer.textContent()) ?? '')![0];
    await drawer.getByTestId('hand-out-item').click();
    const coat = page.locator('.ant-select-item-option').filter({ hasText: '棉衣' }).first();
    const coatName = ((await coat.textContent()) ?? '').replace(/（.*$/, '');
    await coat.click();
    await drawer.getByTestId('hand-out').click();
    await page.getByText('已保存').first().waitFor();

    // Home with a ticket: the form asks for what that needs.
    await drawer.getByTestId('discharge').click();
    await page.getByTestId('discharge-save').click();
    await expect.poll(() => page.getByTestId('discharge-problem').textContent()).toContain('离站信息不完整');
    await page.getByTestId('discharge-destination').fill('湖南省郴州市');
    await page.getByTestId('discharge-ticket').fill('K9063 韶关—郴州');
    await page.getByTestId('discharge-save').click();
    await page.getByTestId('discharge-form').waitFor({ state: 'detached' });
    await expect.poll(() => drawer.textContent()).toContain('乘车返乡');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: /已离站/ }).click();
    await page.getByTestId('stay-row').filter({ hasText: name }).waitFor();
    // The bed is free again, and the store's ledger shows the coat handed out to this stay.
    await page.getByRole('tab', { name: /床位/ }).click();
    const cityZones = page
      .getByTestId('bed-board')
      .locator('.ant-card')
      .filter({ hasText: '韶关市救助管理站' });
    const bed = cityZones.locator('[data-zone="men"] .ant-tag', { hasText: bedLabel });
    await expect.poll(() => bed.first().getAttribute('data-taken')).toBe('false');
    const stores = (await (
      await page.request.get(`${baseUrl()}/api/supplies/places?kind=station`)
    ).json()) as {
      items: { id: string; orgName: string | null }[];
    };
    const store = stores.items.find((p) => p.orgName === '韶关市救助管理站')!;
    const ledger = (await (
      await page.request.get(`${baseUrl()}/api/supplies/places/${store.id}/movements`)
    ).json()) as {
      items: { kind: string; itemName: string; quantity: number; stayId: string | null }[];
    };
    expect(ledger.items.find((m) => m.kind === 'distribute' && m.stayId !== null)).toMatchObject({
      itemName: coatName,
      quantity: -1,
    });
    await page.close();
  });

  it('a 14-year-old goes to the minors’ zone and is never let out alone; an injured man goes to hospital first', async () => {
    const page = await desktopPage(browser);
    await signIn(page, 'station1');
    await page.waitForURL(`${baseUrl()}/`);
    // A slow network: the list of stations arrives after the form has opened (the form must
    // still fill in the worker's station, or it refuses to save for a field they never saw).
    let stationsAsked = false;
    await page.route('**/api/stations', async (route) => {
      stationsAsked = true;
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${baseUrl()}/station`);
    const boy = `小郑${tag}`;
    await expect.poll(() => stationsAsked).toBe(true);
    await page.getByTestId('register-arrival').click();
    const arrival = page.getByTestId('arrival-form');
    await arrival.getByText('公安护送').click();
    await input(arrival, 'arrival-name').fill(boy);
    await arrival.getByText('男', { exact: true }).click();
    await input(arrival, 'arrival-age').fill('14');
    await page.getByTestId('arrival-save').click();
    await page.getByTestId('admit-form').getByTestId('admit-reason').fill('夜间独自在网吧附近，民警护送来站');
    await page.getByTestId('admit-save').click();
    const drawer = page.getByTestId('stay-drawer');
    await expect.poll(() => drawer.textContent()).toContain('未成年人区');
    expect(await drawer.textContent()).toContain('不受 10 天限制');
    await drawer.getByTestId('discharge').click();
    await page.getByTestId('discharge-type').click();
    await page.locator('.ant-select-item-option', { hasText: '自行离站' }).click();
    await page.getByTestId('discharge-declaration').click();
    await page.getByTestId('discharge-save').click();
    await expect
      .poll(() => page.getByTestId('discharge-problem').textContent())
      .toContain('未满 16 周岁的受助人员不得自行离站');
    await screenshot(page, 'station-minor-refused', { fullPage: false });
    await page
      .getByTestId('discharge-form')
      .locator('xpath=ancestor::div[contains(@class,"ant-modal")]')
      .getByRole('button', { name: /取\s*消|Cancel/ })
      .click();
    await page.keyboard.press('Escape');

    // Triage: a visible injury goes to hospital, never to a bed.
    const hurt = `钟伤${tag}`;
    await page.getByTestId('register-arrival').click();
    await input(page.getByTestId('arrival-form'), 'arrival-name').fill(hurt);
    await page.getByTestId('arrival-form').getByText('明显外伤').click();
    await expect.poll(() => page.getByTestId('triage-result').textContent()).toContain('先送医救治');
    await page.getByTestId('arrival-save').click();
    await page.getByTestId('arrival-form').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /分诊转出/ }).click();
    await page.getByTestId('stay-row').filter({ hasText: hurt }).waitFor();
    expect(await ok(page).count()).toBe(0);
    await page.getByRole('tab', { name: /床位/ }).click();
    await page.getByTestId('bed-board').waitFor();
    await screenshot(page, 'station-beds');
    await page.close();
  });
});
