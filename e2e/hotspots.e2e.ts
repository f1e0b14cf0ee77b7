import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO_PASSWORD,
  desktopPage,
  input,
  launchBrowser,
  phonePage,
  screenshot,
  signIn,
} from './browser.ts';

/**
 * 重点区域: the dispatcher registers an underpass on the map, sees it red as 从未巡查 at the top
 * of the coverage list, a patrol member checks in there from their phone (through the API, as
 * the phone would), and the list turns it green (已覆盖) by itself; the drawer shows the
 * check-in, and a check-in from too far away tagged 距离过远. A supervisor reads the same page
 * without the buttons that change it.
 */
const run = Date.now().toString(36);
const name = `风采楼地下通道（e2e ${run}）`;

interface ApiHotspot {
  id: string;
  name: string;
  lat: number;
  lng: number;
  coverage: { state: string };
}

/** Places around 韶关 in each coverage state, so the list and the map have something to order. */
const around: {
  name: string;
  kind: string;
  risk: 'high' | 'medium' | 'low';
  regionCode: string;
  lat: number;
  lng: number;
  usualCount: number;
  /** Hours since the patrol's check-in; none means never visited. */
  visited?: number;
}[] = [
  // High risk, seen 20 h ago against 12 h: overdue.
  {
    name: `风度路桥洞（${run}）`,
    kind: 'bridge_culvert',
    risk: 'high',
    regionCode: '440204',
    lat: 24.8102,
    lng: 113.5968,
    usualCount: 4,
    visited: 20,
  },
  // Medium risk, 20 h of 24: due soon.
  {
    name: `西河桥底（${run}）`,
    kind: 'bridge_culvert',
    risk: 'medium',
    regionCode: '440203',
    lat: 24.8035,
    lng: 113.5862,
    usualCount: 2,
    visited: 20,
  },
  {
    name: `韶关站南广场（${run}）`,
    kind: 'station_square',
    risk: 'high',
    regionCode: '440204',
    lat: 24.8127,
    lng: 113.6052,
    usualCount: 6,
    visited: 1,
  },
  {
    name: `中山公园（${run}）`,
    kind: 'park',
    risk: 'low',
    regionCode: '440203',
    lat: 24.8076,
    lng: 113.593,
    usualCount: 1,
    visited: 10,
  },
  {
    name: `马坝在建工地（${run}）`,
    kind: 'construction_site',
    risk: 'medium',
    regionCode: '440205',
    lat: 24.6826,
    lng: 113.6003,
    usualCount: 3,
  },
];

let browser: Browser;
const contexts: BrowserContext[] = [];

/** A signed-in API client for a demo user (its own cookie jar). */
async function apiAs(username: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  contexts.push(context);
  const login = await context.request.post(`${baseUrl()}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return context.request;
}

async function checkIn(
  patrol: APIRequestContext,
  body: { hotspotId: string; lat: number; lng: number; peopleSeen?: number; at?: string },
) {
  const res = await patrol.post(`${baseUrl()}/api/patrol/checkins`, {
    data: { clientId: crypto.randomUUID(), ...body },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { distanceM: number; tooFar: boolean };
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

let dispatcherApi: APIRequestContext;
let patrolApi: APIRequestContext;

beforeAll(async () => {
  browser = await launchBrowser();
  dispatcherApi = await apiAs('dispatcher');
  patrolApi = await apiAs('patrol1');
  for (const { visited, ...spot } of around) {
    const res = await dispatcherApi.post(`${baseUrl()}/api/hotspots`, { data: spot });
    expect(res.status(), await res.text()).toBe(201);
    const created = (await res.json()) as ApiHotspot;
    if (visited !== undefined)
      await checkIn(patrolApi, {
        hotspotId: created.id,
        lat: spot.lat,
        lng: spot.lng,
        at: hoursAgo(visited),
      });
  }
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** Opens an antd Select and clicks the option whose label is `label`. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.waitFor();
  await expect.poll(() => dropdown.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
  await dropdown.locator('.ant-select-item-option').getByText(label, { exact: true }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function openHotspots(page: Page, username: string): Promise<void> {
  await signIn(page, username);
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByTestId('menu-hotspots').click();
  await page.waitForURL(`${baseUrl()}/hotspots`);
  await page.getByTestId('hotspots-page').waitFor();
  await page.getByTestId('hotspot-row').first().waitFor();
}

/** The coverage map, drawn: county outlines and one marker per listed hotspot. */
async function mapDrawn(scope: Page | Locator): Promise<void> {
  const map = scope.getByTestId('region-map').first();
  await map.waitFor();
  await expect.poll(() => map.getAttribute('data-outlines'), { timeout: 15_000 }).not.toBe('0');
}

/** Drawers and modals slide in: wait until nothing moves, so a screenshot shows the end state. */
async function settled(page: Page): Promise<void> {
  const moving = `[...document.querySelectorAll('.ant-drawer, .ant-modal-root')]
    .reduce((n, el) => n + el.getAnimations({ subtree: true }).length, 0)`;
  await expect.poll(() => page.evaluate(moving)).toBe(0);
}

const rowOf = (page: Page, hotspotName: string) =>
  page.locator(`[data-testid="hotspot-row"][data-name="${hotspotName}"]`);

const summaryCount = async (page: Page, attr: 'data-total' | 'data-never' | 'data-overdue') =>
  Number(await page.getByTestId('hotspot-summary').getAttribute(attr));

describe('重点区域', () => {
  it('a dispatcher registers a hotspot on the map; a patrol check-in turns it from 从未巡查 to 已覆盖', async () => {
    const page = await desktopPage(browser);
    try {
      await openHotspots(page, 'dispatcher');
      await mapDrawn(page.getByTestId('hotspots-page'));
      const summary = page.getByTestId('hotspot-summary');
      expect(await summary.textContent()).toMatch(/\d+ 处重点区域 · \d+ 处超时 · \d+ 处从未巡查/);
      const neverBefore = await summaryCount(page, 'data-never');
      const totalBefore = await summaryCount(page, 'data-total');

      // Most urgent first: never visited, then overdue, then due soon, then covered.
      const states = await page
        .getByTestId('hotspot-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
      const rank = { never: 0, overdue: 1, due_soon: 2, ok: 3 } as Record<string, number>;
      expect(states.map((s) => rank[s!])).toEqual(states.map((s) => rank[s!]).sort());
      const overdue = rowOf(page, around[0]!.name);
      expect(await overdue.getAttribute('data-state')).toBe('overdue');
      expect(await overdue.getAttribute('class')).toContain('wl-hotspot-urgent');
      expect(await overdue.getByTestId('hotspot-last-visited').textContent()).toBe('20 小时前');
      // 20 h of a medium risk's 24: due soon — unless an emergency response in force shortens the
      // interval at night (a level's hotspotIntervalHours), and then the same visit is overdue.
      const answer = (await (await dispatcherApi.get(`${baseUrl()}/api/hotspots`)).json()) as {
        items: { name: string; coverage: { intervalHours: number } }[];
      };
      const west = answer.items.find((h) => h.name === around[1]!.name)!;
      expect(await rowOf(page, around[1]!.name).getByTestId('coverage-tag').textContent()).toBe(
        west.coverage.intervalHours === 24 ? '即将到期' : '已超时',
      );

      // Register a new place: kind, risk, district, and the position clicked on the map.
      await page.getByTestId('hotspot-create').click();
      const form = page.getByTestId('hotspot-form');
      await form.waitFor();
      await input(page, 'hotspot-name').fill(name);
      await choose(page, 'hotspot-kind', '地下通道');
      await choose(page, 'hotspot-risk', '高 · 每 12 小时巡查');
      await choose(page, 'hotspot-region', '浈江区');
      await input(page, 'hotspot-address').fill('浈江区风采路风采楼旁地下通道');
      await input(page, 'hotspot-usual-count').fill('3');
      await page.getByTestId('hotspot-notes').fill('夜间 22 点后常有两三人，北侧入口避风');
      const picker = page.getByTestId('hotspot-position-map');
      await mapDrawn(picker);
      // The picking map frames the chosen district (浈江区), so its centre lies inside it.
      await expect.poll(() => picker.getByTestId('region-map').getAttribute('data-focus')).toBe('440204');
      await settled(page); // the modal's opening animation
      await picker.getByTestId('region-map').click();
      await expect.poll(() => picker.getByTestId('region-map').getAttribute('data-pin')).not.toBe('');
      const lat = Number(await input(page, 'hotspot-lat').inputValue());
      const lng = Number(await input(page, 'hotspot-lng').inputValue());
      expect(lat).toBeGreaterThan(24.5);
      expect(lat).toBeLessThan(25.3);
      expect(lng).toBeGreaterThan(113.3);
      expect(lng).toBeLessThan(114);
      await screenshot(page, 'hotspots-create', { fullPage: false });
      await page.getByTestId('hotspot-save').click();
      await form.waitFor({ state: 'detached' });
      await page.getByText('已新建重点区域').waitFor();

      // It heads the list, red: 从未巡查, and the summary counts it.
      const row = rowOf(page, name);
      await row.waitFor();
      expect(await row.getAttribute('data-state')).toBe('never');
      expect(await row.getAttribute('class')).toContain('wl-hotspot-urgent');
      const tag = row.getByTestId('coverage-tag');
      expect(await tag.textContent()).toBe('从未巡查');
      expect(await tag.getAttribute('class')).toContain('ant-tag-red');
      expect(await row.getByTestId('hotspot-last-visited').textContent()).toBe('从未巡查');
      const cells = await row.locator('td').allTextContents();
      expect(cells).toEqual(expect.arrayContaining(['地下通道', '高', '浈江区', '3 人']));
      await expect.poll(() => summaryCount(page, 'data-never')).toBe(neverBefore + 1);
      expect(await summaryCount(page, 'data-total')).toBe(totalBefore + 1);

      // The same name twice in one district: the server refuses, in Chinese (coordinates typed).
      await page.getByTestId('hotspot-create').click();
      await form.waitFor();
      await input(page, 'hotspot-name').fill(name);
      await choose(page, 'hotspot-kind', '地下通道');
      await choose(page, 'hotspot-region', '浈江区');
      await input(page, 'hotspot-lat').fill('24.81');
      await input(page, 'hotspot-lng').fill('113.6');
      await page.getByTestId('hotspot-save').click();
      const error = page.getByTestId('hotspot-form-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('该辖区内已有同名重点区域');
      await page.getByRole('button', { name: /取\s*消/ }).click();
      await form.waitFor({ state: 'detached' });

      // The patrol member checks in from the phone: first from too far away (kept, not counted),
      // then within 100 m. The screen is not reloaded: the live stream brings the change.
      const listed = (await (await dispatcherApi.get(`${baseUrl()}/api/hotspots`)).json()) as {
        items: ApiHotspot[];
      };
      const spot = listed.items.find((h) => h.name === name)!;
      expect(spot.lat).toBeCloseTo(lat, 5);
      const far = await checkIn(patrolApi, {
        hotspotId: spot.id,
        lat: spot.lat + 0.005,
        lng: spot.lng,
        at: hoursAgo(0.5),
      });
      expect(far.tooFar).toBe(true);
      const near = await checkIn(patrolApi, {
        hotspotId: spot.id,
        lat: spot.lat + 0.0005,
        lng: spot.lng,
        peopleSeen: 2,
      });
      expect(near.tooFar).toBe(false);
      expect(near.distanceM).toBeLessThan(100);

      await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
      expect(await tag.textContent()).toBe('已覆盖');
      expect(await tag.getAttribute('class')).toContain('ant-tag-green');
      expect(await row.getAttribute('class')).not.toContain('wl-hotspot-urgent');
      expect(await row.getByTestId('hotspot-last-visited').textContent()).toBe('不到 1 小时前');
      // The people seen at the check-in become the usual count.
      expect(await row.locator('td').allTextContents()).toContain('2 人');
      expect(await summaryCount(page, 'data-never')).toBe(neverBefore);

      // The drawer: the check-in with team, time and distance; the far one tagged 距离过远.
      await row.click();
      const drawer = page.getByTestId('hotspot-drawer');
      await drawer.getByTestId('hotspot-checkins').waitFor();
      const items = drawer.getByTestId('checkin-item');
      expect(await items.count()).toBe(2);
      const newest = await items.nth(0).textContent();
      expect(newest).toContain('浈江区联合救助一队');
      expect(newest).toContain(`距离 ${near.distanceM} 米`);
      expect(newest).toContain('见到 2 人');
      expect(await items.nth(0).getByTestId('checkin-too-far').count()).toBe(0);
      expect(await items.nth(1).getByTestId('checkin-too-far').textContent()).toBe('距离过远');
      expect(await items.nth(1).textContent()).toContain(`距离 ${far.distanceM} 米`);
      expect(await drawer.getByTestId('coverage-tag').textContent()).toBe('已覆盖');
      await settled(page);
      await screenshot(page, 'hotspots-drawer', { fullPage: false });
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // Filters: by coverage state, then by kind.
      await page
        .getByTestId('hotspot-state-filter')
        .locator('.ant-segmented-item', { hasText: '已超时' })
        .click();
      await expect
        .poll(() => page.getByTestId('hotspot-row').evaluateAll((r) => r.map((e) => e.dataset.state)))
        .toEqual(expect.arrayContaining(['overdue']));
      expect(
        new Set(await page.getByTestId('hotspot-row').evaluateAll((r) => r.map((e) => e.dataset.state))),
      ).toEqual(new Set(['overdue']));
      await page
        .getByTestId('hotspot-state-filter')
        .locator('.ant-segmented-item', { hasText: '全部' })
        .click();
      await choose(page, 'hotspot-kind-filter', '车站广场');
      await expect.poll(() => rowOf(page, name).count()).toBe(0);
      expect(await rowOf(page, around[2]!.name).count()).toBe(1);
      await page.getByTestId('hotspot-kind-filter').locator('.ant-select-clear').click();
      await rowOf(page, name).waitFor();

      // Edit: the form opens on the place's own values; a lower risk shows in the list.
      await rowOf(page, name).getByTestId('hotspot-edit').click();
      await form.waitFor();
      expect(await input(page, 'hotspot-name').inputValue()).toBe(name);
      expect(Number(await input(page, 'hotspot-lat').inputValue())).toBeCloseTo(spot.lat, 5);
      await choose(page, 'hotspot-risk', '中 · 每 24 小时巡查');
      await page.getByTestId('hotspot-save').click();
      await form.waitFor({ state: 'detached' });
      await expect.poll(async () => (await rowOf(page, name).locator('td').allTextContents())[2]).toBe('中');

      await mapDrawn(page.getByTestId('hotspots-page'));
      await screenshot(page, 'hotspots');
    } finally {
      await page.close();
    }
  });

  it('fits a phone: the list scrolls sideways, the drawer takes the whole width', async () => {
    const { context, page } = await phonePage(browser);
    try {
      await signIn(page, 'dispatcher');
      await page.waitForURL(`${baseUrl()}/`);
      await page.goto(`${baseUrl()}/hotspots`);
      await page.getByTestId('hotspot-row').first().waitFor();
      await mapDrawn(page.getByTestId('hotspots-page'));
      await screenshot(page, 'hotspots-phone');
      // Nothing wider than the screen but the table's own scroller.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await rowOf(page, name).click();
      const drawer = page.getByTestId('hotspot-drawer');
      await drawer.getByTestId('hotspot-checkins').waitFor();
      await settled(page);
      // The drawer takes the phone's whole width.
      expect((await drawer.boundingBox())!.width).toBeGreaterThanOrEqual(389);
      await screenshot(page, 'hotspots-phone-drawer', { fullPage: false });
    } finally {
      await context.close();
    }
  });

  it('a supervisor reads the coverage list and the check-ins, with no 新建 or 编辑', async () => {
    const page = await desktopPage(browser);
    try {
      await openHotspots(page, 'supervisor');
      await rowOf(page, name).waitFor();
      expect(await page.getByTestId('hotspot-create').count()).toBe(0);
      expect(await page.getByText('新建重点区域').count()).toBe(0);
      expect(await page.getByTestId('hotspot-edit').count()).toBe(0);
      await rowOf(page, name).click();
      const drawer = page.getByTestId('hotspot-drawer');
      await drawer.getByTestId('hotspot-checkins').waitFor();
      expect(await drawer.getByTestId('checkin-item').count()).toBe(2);
      expect(await drawer.getByTestId('hotspot-drawer-edit').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
