import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 报送: 浈江区 (zhenjiang) submits its November return, the city (shaoguan) sends it back with a
 * comment, 浈江区 sees the comment, fixes the remarks and resubmits (version 2), the city approves;
 * the Excel workbook downloaded from the screen carries the figures the screen shows.
 */
const COMMENT = '请补充寒潮期间夜间巡查和临时避寒场所开放情况。';
const PERIOD = '2026-11';

let browser: Browser;
let county: Page;
let city: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  county = await desktopPage(browser);
  city = await desktopPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function openReports(page: Page, username: string) {
  await signIn(page, username);
  await page.waitForURL(`${baseUrl()}/`);
  await page.getByTestId('menu-reports').click();
  await page.waitForURL(`${baseUrl()}/reports`);
  await page.getByTestId('campaign-name').waitFor();
  expect(await page.getByTestId('campaign-name').textContent()).toBe(
    '2026—2027年度韶关市寒冬送温暖专项救助行动',
  );
}

/** The county's own November row: open the return (the demo made a draft), or generate it. */
async function openOwn(page: Page) {
  const row = page.locator(`[data-testid="own-row"][data-period="${PERIOD}"]`);
  await row.waitFor();
  const generate = row.getByTestId('own-generate');
  if (await generate.count()) await generate.click();
  else await row.getByTestId('own-open').click();
  await page.getByTestId('submission-body').waitFor();
}

/** The city's cell for 浈江区 in November. */
async function openChild(page: Page) {
  const cell = page.locator(`[data-testid="child-open"][data-region="440204"][data-period="${PERIOD}"]`);
  await cell.waitFor();
  await cell.click();
  await page.getByTestId('submission-body').waitFor();
}

const body = (page: Page) => page.getByTestId('submission-body');
const stateIs = (page: Page, state: string) =>
  expect.poll(() => body(page).getAttribute('data-state'), { timeout: 10_000 }).toBe(state);

async function closeDrawer(page: Page) {
  await page.getByTestId('submission-drawer').locator('.ant-drawer-close').click();
  await page.getByTestId('submission-body').waitFor({ state: 'detached' });
}

/** Every figure as the drawer shows it: key → the number (null for —). */
async function screenFigures(page: Page): Promise<Record<string, number | null>> {
  const rows = page.getByTestId('figure-row');
  await rows.first().waitFor();
  const out: Record<string, number | null> = {};
  for (const row of await rows.all()) {
    const text = (await row.getByTestId('figure-value').textContent())?.trim() ?? '';
    out[(await row.getAttribute('data-figure'))!] = text === '—' ? null : Number(text);
  }
  return out;
}

describe('报送', () => {
  it('a county submits, the city sends it back, the county resubmits, the city approves; the Excel matches', async () => {
    // 浈江区 fills in and submits its November return.
    await openReports(county, 'zhenjiang');
    await openOwn(county);
    await stateIs(county, 'draft');
    await input(county, 'submission-filledBy').fill('李志强');
    await county.getByTestId('submission-remarks-input').fill('韶关站、风度路桥洞等重点区域每晚巡查。');
    await screenshot(county, 'submissions-county-draft', { fullPage: false });
    await county.getByTestId('submission-submit').click();
    await stateIs(county, 'submitted');
    expect(await county.getByTestId('submission-version').textContent()).toBe('第 1 版');
    await closeDrawer(county);

    // The city sees it waiting, opens it and sends it back with a comment.
    await openReports(city, 'shaoguan');
    const cell = city.locator(`[data-testid="child-open"][data-region="440204"][data-period="${PERIOD}"]`);
    await expect
      .poll(() => cell.getByTestId('return-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('submitted');
    // Counties that never filed October are flagged overdue.
    const overdue = city.locator('[data-testid="child-row"][data-region="440222"] [data-overdue="true"]');
    expect(await overdue.count()).toBeGreaterThan(0);
    await screenshot(city, 'submissions-city-overview');
    await openChild(city);
    await stateIs(city, 'submitted');
    expect(await city.getByTestId('submission-filled-by').textContent()).toBe('李志强');
    await city.getByTestId('submission-return').click();
    await city.getByTestId('return-comment').fill(COMMENT);
    await city.getByTestId('return-confirm').click();
    await stateIs(city, 'returned');
    await closeDrawer(city);

    // 浈江区 sees the comment, fixes the remarks, takes the figures again and resubmits.
    await county.reload();
    await openOwn(county);
    await stateIs(county, 'returned');
    expect(await county.getByTestId('submission-returned').textContent()).toContain(COMMENT);
    await screenshot(county, 'submissions-county-returned', { fullPage: false });
    await county
      .getByTestId('submission-remarks-input')
      .fill('韶关站、风度路桥洞等重点区域每晚巡查；寒潮期间风采街道临时避寒场所每晚开放。');
    await county.getByTestId('submission-regenerate').click();
    await county.getByText('已按最新业务记录重新生成').first().waitFor();
    await county.getByTestId('submission-submit').click();
    await stateIs(county, 'submitted');
    expect(await county.getByTestId('submission-version').textContent()).toBe('第 2 版');
    await closeDrawer(county);

    // The city approves version 2.
    await city.reload();
    await openChild(city);
    await stateIs(city, 'submitted');
    expect(await city.getByTestId('submission-remarks').textContent()).toContain('风采街道临时避寒场所');
    await city.getByTestId('submission-approve').click();
    await stateIs(city, 'approved');
    await city.getByTestId('submission-changes').waitFor();
    await screenshot(city, 'submissions-city-approved', { fullPage: false });
    const shown = await screenFigures(city);
    expect(Object.keys(shown).length).toBeGreaterThan(15);

    // The workbook downloaded from the screen: the same figures, 填报人 and title.
    const [download] = await Promise.all([
      city.waitForEvent('download'),
      city.getByTestId('submission-excel').click(),
    ]);
    expect(download.suggestedFilename()).toBe('韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('报表')!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe('韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表');
    expect(rows.flat().join('|')).toContain('填报人：李志强');
    const names: Record<string, string> = {};
    for (const row of await city.getByTestId('figure-row').all())
      names[(await row.getAttribute('data-figure'))!] = (await row.locator('td').first().textContent())!;
    for (const [key, value] of Object.entries(shown)) {
      const line = rows.find((r) => r[1] === names[key]);
      expect(line, key).toBeDefined();
      expect(line![3], key).toBe(value === null ? '—' : value);
    }
    // The brief opens as a PDF.
    const pdf = await city.request.get(
      `${baseUrl()}${await city.getByTestId('submission-pdf').getAttribute('href')}`,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
