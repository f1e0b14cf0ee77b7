import { figureDefinitions } from '@warmline/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 数据看板: the city's bureau admin (shaoguan) opens the dashboard and reads the same numbers
 * the API answers, clicks 救助人次 and gets exactly that many records, opens one on its own
 * screen, and moves to a county from the ranked table; a county's bureau admin (zhenjiang)
 * cannot see the county next door. Expectations come from the API at the time of asking —
 * never from the demo's numbers, which other journeys change while this one runs.
 */
const CITY = '440200';

interface Figures {
  region: { code: string; name: string };
  figures: Record<string, number | null>;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A GET from within the page, with its session cookie: the status and the JSON. */
async function fetchIn(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' });
    return { status: res.status, body: await res.json() };
  }, path);
}

async function period(page: Page): Promise<{ from: string; to: string; region: string }> {
  const el = page.getByTestId('stats-page');
  return {
    from: (await el.getAttribute('data-from')) ?? '',
    to: (await el.getAttribute('data-to')) ?? '',
    region: (await el.getAttribute('data-region')) ?? '',
  };
}

/** Every headline card whose number differs from the API's answer (none, once the page has settled). */
async function mismatches(page: Page): Promise<string[]> {
  const { from, to, region } = await period(page);
  const answer = (await fetchIn(page, `/api/stats/figures?region=${region}&from=${from}&to=${to}`))
    .body as Figures;
  const cards = page.getByTestId('figure-card');
  const shown: [string, string][] = [];
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    shown.push([
      (await card.getAttribute('data-figure')) ?? '',
      (await card.getByTestId('figure-value').getAttribute('data-value')) ?? '?',
    ]);
  }
  return shown
    .filter(([figure, value]) => String(answer.figures[figure] ?? '') !== value)
    .map(([figure, value]) => `${figure}: shown ${value}, API ${answer.figures[figure]}`);
}

describe('数据看板', () => {
  it('a city bureau reads the figures the API answers, drills into 救助人次 and moves to a county', async () => {
    const page = await desktopPage(browser);
    try {
      await signIn(page, 'shaoguan');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-stats').click();
      await page.waitForURL(`${baseUrl()}/stats`);
      await page.getByTestId('stats-headline').waitFor();
      const { from, to, region } = await period(page);
      expect(region).toBe(CITY);
      // The season so far: from 15 October to today.
      expect(from).toMatch(/^\d{4}-10-15$/);
      expect(await page.getByTestId('stats-scope').textContent()).toBe(`韶关市 · ${from} 至 ${to}`);

      // Sixteen headline numbers, each what /api/stats/figures answers.
      expect(await page.getByTestId('figure-card').count()).toBe(16);
      await expect.poll(() => mismatches(page)).toEqual([]);
      const assisted = page.locator('[data-testid="figure-card"][data-figure="assisted"]');
      expect(Number(await assisted.getByTestId('figure-value').getAttribute('data-value'))).toBeGreaterThan(
        0,
      );

      // The ? shows the written definition from the domain's catalogue.
      await assisted.getByTestId('figure-help').hover();
      await expect
        .poll(() => page.getByTestId('figure-definition').first().textContent())
        .toContain(figureDefinitions.assisted.definition.zh);
      await page.mouse.move(0, 0); // the tooltip goes, before the screenshot

      // The ranked table lists the city's counties, and the map draws them.
      const rows = page.getByTestId('rollup-row');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(10);
      await page.getByTestId('stats-map').waitFor();
      await page.getByTestId('stats-breakdowns').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'stats-city');

      // 救助人次 → exactly that many records (total = the figure, both read now).
      await assisted.getByTestId('figure-value').click();
      const drawer = page.getByTestId('stats-records');
      await drawer.getByTestId('records-title').waitFor();
      expect(await drawer.getByTestId('records-title').textContent()).toBe('救助人次 · 记录明细');
      await expect
        .poll(async () => {
          const shown = Number(await drawer.getByTestId('records-total').getAttribute('data-total'));
          const f = (await fetchIn(page, `/api/stats/figures?region=${CITY}&from=${from}&to=${to}`))
            .body as Figures;
          const r = (
            await fetchIn(
              page,
              `/api/stats/records?region=${CITY}&from=${from}&to=${to}&figure=assisted&limit=1`,
            )
          ).body as { total: number };
          return { shown: shown === f.figures.assisted, records: r.total === f.figures.assisted };
        })
        .toEqual({ shown: true, records: true });
      const records = drawer.getByTestId('stats-record');
      const total = Number(await drawer.getByTestId('records-total').getAttribute('data-total'));
      await expect.poll(() => records.count()).toBe(Math.min(20, total));
      // A temporary number, never a name.
      expect(await drawer.getByTestId('record-person').first().textContent()).toMatch(/^LS-/);
      await screenshot(page, 'stats-records', { fullPage: false });

      // One record opens on its own screen: an encounter on its person, a stay at the station.
      await records.first().getByTestId('record-open').click();
      await page.waitForURL(/\/(persons\?person=|station\?stay=)/);
      const opened = page.url().includes('/persons') ? 'person-drawer' : 'stay-drawer';
      await page.getByTestId(opened).waitFor();
      await page.goBack();
      await page.getByTestId('stats-headline').waitFor();

      // A row of the ranked table moves the dashboard to that county.
      const zhenjiang = page.locator('[data-testid="rollup-row"][data-code="440204"]');
      await zhenjiang.locator('td').nth(1).click();
      await page.waitForURL(/region=440204/);
      await expect.poll(() => page.getByTestId('stats-scope').textContent()).toContain('浈江区');
      await expect.poll(() => mismatches(page)).toEqual([]);
      await page.getByTestId('stats-lowest').waitFor();
      expect(await page.getByTestId('stats-breadcrumb').textContent()).toContain('韶关市');
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'stats-county');
    } finally {
      await page.close();
    }
  });

  it('a county bureau sees its own county and not the one next door', async () => {
    const page = await desktopPage(browser);
    try {
      await signIn(page, 'zhenjiang');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-stats').click();
      await page.getByTestId('stats-headline').waitFor();
      expect((await period(page)).region).toBe('440204');
      await expect.poll(() => mismatches(page)).toEqual([]);

      // 武江区 (440203), the sibling: the API answers 404 as for a region that does not exist…
      const { from, to } = await period(page);
      for (const path of ['figures', 'children', 'trend']) {
        const res = await fetchIn(page, `/api/stats/${path}?region=440203&from=${from}&to=${to}`);
        expect(res.status, path).toBe(404);
      }
      const records = await fetchIn(
        page,
        `/api/stats/records?region=440203&from=${from}&to=${to}&figure=assisted`,
      );
      expect(records.status).toBe(404);
      // …and so does the city above.
      expect((await fetchIn(page, `/api/stats/figures?region=${CITY}&from=${from}&to=${to}`)).status).toBe(
        404,
      );

      // …and the screen says so in plain Chinese, with the way back.
      await page.goto(`${baseUrl()}/stats?region=440203`);
      const notFound = page.getByTestId('stats-not-found');
      await notFound.waitFor();
      expect(await notFound.textContent()).toContain('无法查看该辖区的统计');
      expect(await notFound.textContent()).toContain('不在您的管辖范围内');
      expect(await page.getByTestId('figure-card').count()).toBe(0);
      await screenshot(page, 'stats-not-found', { fullPage: false });
      await page.getByTestId('stats-back-home').click();
      await page.getByTestId('stats-headline').waitFor();
      expect((await period(page)).region).toBe('440204');
    } finally {
      await page.close();
    }
  });
});
