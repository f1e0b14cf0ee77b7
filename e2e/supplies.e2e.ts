import ExcelJS from 'exceljs';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, desktopPage, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 物资: the supplies keeper (keeper1) opens the screen with the demo season's alerts on top,
 * records a donation from a local enterprise into the city warehouse, issues coats from there to
 * 曲江区救助分队's vehicle, sets the vehicle's threshold and sees it raised as low stock, then
 * imports an opening stock list from Excel: a file with one bad row is refused with that row's
 * error and nothing imported, the fixed file is imported.
 */
const run = Date.now().toString(36);
const donor = `韶关市曲江区暖心商贸有限公司（e2e ${run}）`;
const WAREHOUSE = '韶关市救助物资仓库';
const VEHICLE = '曲江区救助分队巡查车';

interface StockRow {
  placeName: string;
  itemName: string;
  quantity: number;
}

let browser: Browser;
let context: BrowserContext;
let keeperApi: APIRequestContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  const login = await context.request.post(`${baseUrl()}/api/auth/login`, {
    data: { username: 'keeper1', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  keeperApi = context.request;
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** What the server says a place holds of an item (0 when it has none). */
async function held(place: string, item: string): Promise<number> {
  const res = await keeperApi.get(`${baseUrl()}/api/supplies/stock`);
  const rows = ((await res.json()) as { items: StockRow[] }).items;
  return rows.find((r) => r.placeName === place && r.itemName === item)?.quantity ?? 0;
}

const searchable = new Set(['donation-place', 'movement-fromPlaceId', 'movement-teamId', 'assemble-place']);

/** Opens an antd Select and clicks the option whose label is (or, for a RegExp, matches) `label`. */
async function choose(page: Page, testId: string, label: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.waitFor();
  await expect.poll(() => dropdown.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
  // The places' and teams' lists are virtual (a dozen team vehicles come before the warehouse):
  // search them first, so the option is rendered.
  if (typeof label === 'string' && searchable.has(testId)) await page.keyboard.type(label);
  await dropdown
    .locator('.ant-select-item-option')
    .getByText(label, { exact: typeof label === 'string' })
    .first()
    .click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/**
 * Modals and drawers slide in: wait until nothing moves, so a screenshot shows the end state
 * (a clicked button's two-second wave is not a slide).
 */
async function settled(page: Page): Promise<void> {
  const moving = `[...document.querySelectorAll('.ant-drawer, .ant-modal-root')]
    .reduce((n, el) => n + el.getAnimations({ subtree: true })
      .filter((a) => !a.effect?.target?.classList?.contains('ant-wave')).length, 0)`;
  await expect.poll(() => page.evaluate(moving)).toBe(0);
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('库存导入');
  sheet.addRow(['地点', '物品', '数量']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const stockRow = (page: Page, place: string, item: string) =>
  page.locator(`[data-testid="stock-row"][data-place="${place}"][data-item="${item}"]`);

describe('物资', () => {
  it('a keeper records a donation, issues to a team, sees a low-stock alert and imports an Excel list', async () => {
    const page = await desktopPage(browser);
    try {
      await signIn(page, 'keeper1');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-supplies').click();
      await page.waitForURL(`${baseUrl()}/supplies`);
      await page.getByTestId('supplies-page').waitFor();
      // The demo season left items under their threshold, and 武江's quilts handed out beyond the book.
      const low = page.getByTestId('low-stock-alert');
      await low.waitFor();
      expect(await low.textContent()).toMatch(/\d+ 项库存低于预警线/);
      expect(await low.textContent()).toContain(`${WAREHOUSE} · 感冒药`);
      expect(await page.getByTestId('discrepancy-alert').textContent()).toContain(
        '武江区联合救助队巡查车 · 棉被 多发',
      );
      await stockRow(page, WAREHOUSE, '棉衣').waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'supplies-stock');

      // 登记捐赠: 50 coats from a local enterprise into the city warehouse.
      const coatsBefore = await held(WAREHOUSE, '棉衣');
      await page.getByTestId('supply-action-donate').click();
      await page.getByTestId('donation-form').waitFor();
      await input(page, 'donation-name').fill(donor);
      await input(page, 'donation-contact').fill('王经理 13922334455');
      await choose(page, 'donation-place', `${WAREHOUSE}（仓库）`);
      await choose(page, 'line-item-0', '棉衣 · 件');
      await input(page, 'line-quantity-0').fill('50');
      await settled(page);
      await screenshot(page, 'supplies-donation', { fullPage: false });
      await page.getByTestId('donation-save').click();
      await page.getByTestId('donation-form').waitFor({ state: 'detached' });
      await page.getByText('已登记').first().waitFor();
      expect(await held(WAREHOUSE, '棉衣')).toBe(coatsBefore + 50);
      await expect
        .poll(() => stockRow(page, WAREHOUSE, '棉衣').getAttribute('data-quantity'))
        .toBe(String(coatsBefore + 50));
      await page.getByRole('tab', { name: '捐赠' }).click();
      const donation = page.locator(`[data-testid="donation-row"][data-donor="${donor}"]`);
      await donation.waitFor();
      // The donor's phone is shown masked.
      expect(await donation.textContent()).toContain('王经理 139****4455');
      await page.getByRole('tab', { name: '库存' }).click();

      // 发放给巡查队: 2 coats from the warehouse into 曲江's vehicle.
      const vehicleBefore = await held(VEHICLE, '棉衣');
      await page.getByTestId('supply-action-issue').click();
      await page.getByTestId('movement-form').waitFor();
      await choose(page, 'movement-fromPlaceId', `${WAREHOUSE}（仓库）`);
      await choose(page, 'movement-teamId', '曲江区救助分队（粤F·J3102）');
      // With a source chosen, each item says what it holds there.
      await choose(page, 'line-item-0', new RegExp(`^棉衣 · 数量 ${coatsBefore + 50} 件$`));
      await input(page, 'line-quantity-0').fill('2');
      await page.getByTestId('movement-save').click();
      await page.getByTestId('movement-form').waitFor({ state: 'detached' });
      expect(await held(VEHICLE, '棉衣')).toBe(vehicleBefore + 2);
      expect(await held(WAREHOUSE, '棉衣')).toBe(coatsBefore + 48);

      // An issue beyond the stock is refused in Chinese with what is there, and moves nothing.
      await page.getByTestId('supply-action-issue').click();
      await page.getByTestId('movement-form').waitFor();
      await choose(page, 'movement-fromPlaceId', `${VEHICLE}（巡查车）`);
      await choose(page, 'movement-teamId', '浈江区联合救助一队（粤F·J1206）');
      await choose(page, 'line-item-0', /^棉衣 · /);
      await input(page, 'line-quantity-0').fill('999');
      await page.getByTestId('movement-save').click();
      const refused = page.getByTestId('movement-save-error');
      await refused.waitFor();
      expect(await refused.textContent()).toContain(
        `库存不足，本次出库未执行（棉衣 现有 ${vehicleBefore + 2}，需要 999）`,
      );
      await page.getByRole('button', { name: /取\s*消/ }).click();
      await page.getByTestId('movement-form').waitFor({ state: 'detached' });
      expect(await held(VEHICLE, '棉衣')).toBe(vehicleBefore + 2);

      // The vehicle should carry 5 coats: the keeper sets the threshold in its ledger, and the
      // alert and the red row follow.
      const row = stockRow(page, VEHICLE, '棉衣');
      await row.click();
      const drawer = page.getByTestId('ledger-drawer');
      await drawer.waitFor();
      await drawer.getByTestId('ledger-row').first().waitFor();
      expect(await drawer.getByTestId('ledger-row').first().getAttribute('data-kind')).toBe('issue');
      expect(await drawer.getByTestId('ledger-row').first().textContent()).toContain(WAREHOUSE);
      const coatLine = drawer.locator('tr').filter({ hasText: '棉衣' }).first();
      await coatLine.locator('input').fill('5');
      await coatLine.getByRole('button', { name: '设预警线' }).click();
      await page.getByText('已设置预警线').first().waitFor();
      await settled(page);
      await screenshot(page, 'supplies-ledger', { fullPage: false });
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      await expect.poll(() => row.getAttribute('data-low')).toBe('true');
      expect(await row.getAttribute('class')).toContain('wl-stock-low');
      await page
        .locator(`[data-testid="low-stock-item"][data-place="${VEHICLE}"][data-item="棉衣"]`)
        .waitFor();
      expect(await low.textContent()).toContain(`${VEHICLE} · 棉衣 剩 ${vehicleBefore + 2}（预警线 5）`);

      // Excel 导入: one bad row, and nothing is imported.
      const waterBefore = await held(WAREHOUSE, '矿泉水');
      const shoesBefore = await held(WAREHOUSE, '棉鞋');
      await page.getByTestId('supply-action-import').click();
      const fileInput = page.locator('.ant-modal input[type=file]');
      await fileInput.setInputFiles({
        name: '期初库存.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbook([
          [WAREHOUSE, '矿泉水', 100],
          [WAREHOUSE, '羽绒服', 10],
        ]),
      });
      await page.getByTestId('import-submit').click();
      const errorRow = page.getByTestId('import-error-row');
      await errorRow.waitFor();
      expect(await errorRow.count()).toBe(1);
      expect(await errorRow.getAttribute('data-row')).toBe('3');
      expect(await errorRow.getAttribute('data-code')).toBe('ITEM_UNKNOWN');
      expect(await errorRow.locator('td').allTextContents()).toEqual(['3', '物品', '物资目录中没有“羽绒服”']);
      expect(await page.getByTestId('import-error').first().textContent()).toContain(
        '文件中有 1 处错误，未导入任何数据',
      );
      await settled(page);
      await screenshot(page, 'supplies-import-error', { fullPage: false });
      expect(await held(WAREHOUSE, '矿泉水')).toBe(waterBefore);

      // The fixed file goes in whole.
      await fileInput.setInputFiles({
        name: '期初库存（修正）.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbook([
          [WAREHOUSE, '矿泉水', 100],
          [WAREHOUSE, '棉鞋', 10],
        ]),
      });
      expect(await errorRow.count()).toBe(0);
      await page.getByTestId('import-submit').click();
      await page.getByText('已导入 2 行，共 110 件').waitFor();
      expect(await held(WAREHOUSE, '矿泉水')).toBe(waterBefore + 100);
      expect(await held(WAREHOUSE, '棉鞋')).toBe(shoesBefore + 10);
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'supplies-after');
    } finally {
      await page.close();
    }
  });

  it('a keeper opens a cold shelter as a place and assembles warmth kits from their parts', async () => {
    const page = await desktopPage(browser);
    const shelter = `武江区西河临时避寒点（e2e ${run}）`;
    try {
      await signIn(page, 'keeper1');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-supplies').click();
      await page.getByTestId('supply-action-newPlace').click();
      await page.getByTestId('place-form').waitFor();
      await input(page, 'place-name').fill(shelter);
      await choose(page, 'place-kind', '避寒场所');
      await choose(page, 'place-region', '武江区');
      await input(page, 'place-address').fill('武江区西河镇社区服务中心');
      await settled(page);
      await screenshot(page, 'supplies-new-place', { fullPage: false });
      await page.getByTestId('place-save').click();
      await page.getByTestId('place-form').waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: '存放点' }).click();
      await page.locator(`[data-testid="place-row"][data-name="${shelter}"]`).waitFor();

      const kitsBefore = await held(WAREHOUSE, '温暖包');
      const padsBefore = await held(WAREHOUSE, '暖宝宝');
      await page.getByTestId('supply-action-assemble').click();
      await page.getByTestId('assemble-form').waitFor();
      await choose(page, 'assemble-place', `${WAREHOUSE}（仓库）`);
      await choose(page, 'assemble-kit', /^温暖包（/);
      await input(page, 'assemble-quantity').fill('10');
      await page.getByTestId('assemble-save').click();
      await page.getByTestId('assemble-form').waitFor({ state: 'detached' });
      expect(await held(WAREHOUSE, '温暖包')).toBe(kitsBefore + 10);
      // A kit holds two heat pads.
      expect(await held(WAREHOUSE, '暖宝宝')).toBe(padsBefore - 20);
    } finally {
      await page.close();
    }
  });

  it('a supervisor reads the same screen without the buttons that change it', async () => {
    const page = await desktopPage(browser);
    try {
      await signIn(page, 'supervisor');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-supplies').click();
      await page.getByTestId('stock-row').first().waitFor();
      expect(await page.getByTestId('supply-action-receive').count()).toBe(0);
      expect(await page.getByTestId('low-stock-alert').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
