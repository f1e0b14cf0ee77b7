import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 气象预警 in the cold wave: the command centre's dispatcher opens the warnings page, reads the
 * demo winter's warnings (the road icing on the mountain roads flagged 待人工核对 for an area no
 * region names), uploads the observatory's CAP file and sees it listed with its counties, is told
 * in Chinese why a broken file was refused, types in a warning heard on the TV (手工录入), and
 * corrects tonight's forecast minimum for 浈江区.
 */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../packages/server/src/modules/weather/fixtures/${name}`, import.meta.url));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await desktopPage(browser);
  await signIn(page, 'dispatcher');
  await page.waitForURL(`${baseUrl()}/`);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

const items = () => page.getByTestId('warning-item');
const item = (identifier: string) =>
  page.locator(`[data-testid="warning-item"][data-identifier="${identifier}"]`);
const tab = async (which: 'active' | 'recent') => {
  await page.getByTestId(`weather-tab-${which}`).click();
  await page.locator('.ant-tabs-tab-active').getByTestId(`weather-tab-${which}`).waitFor();
};
/** No animation running in it (the e2e files compile without DOM types). */
const settled = (target: Locator) =>
  target.evaluate(
    (el) => (el as { getAnimations(o: object): unknown[] }).getAnimations({ subtree: true }).length === 0,
  );
const openLists = () => page.locator('.ant-select-dropdown:visible').count();
/** Picks an option of an antd Select by its label; a single select's list closes after. */
async function pick(select: Locator, label: string, { multiple = false } = {}) {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.waitFor();
  // An option clicked while the list still slides in can be missed (seen under load).
  await expect.poll(() => settled(dropdown)).toBe(true);
  await dropdown.locator('.ant-select-item-option').getByText(label, { exact: true }).click();
  if (!multiple) await expect.poll(openLists).toBe(0);
}

describe('气象预警', () => {
  it('shows the warnings in force and the winter’s past ones, each with its signal, regions and source', async () => {
    await page.getByRole('menuitem', { name: /气象预警/ }).click();
    await page.waitForURL(`${baseUrl()}/weather`);
    await items().first().waitFor();
    const tags = await page.getByTestId('warning-tag').allTextContents();
    expect(tags).toContain('道路结冰黄色预警');
    expect(tags).toContain('寒冷黄色预警');
    const icing = items().filter({ hasText: '道路结冰黄色预警' });
    expect(await icing.getByTestId('warning-review').textContent()).toBe('待人工核对');
    expect(await icing.getByTestId('warning-unresolved').textContent()).toContain('京港澳高速粤北段');
    expect(await icing.getByTestId('warning-regions').textContent()).toContain('乳源瑶族自治县');
    expect(await icing.getByTestId('warning-source').textContent()).toBe('源：推送');
    expect(await items().filter({ hasText: '翁源电视台' }).getByTestId('warning-source').textContent()).toBe(
      '源：手工录入',
    );
    // The criteria are shown for reference.
    expect(await icing.textContent()).toContain('标准参考');
    await screenshot(page, 'weather-active');

    await tab('recent');
    // The demo's red of the north (another journey may have had a red of its own since).
    const red = items().filter({ hasText: '寒潮红色预警' }).filter({ hasText: '乐昌市' });
    await red.first().waitFor();
    expect(await red.first().textContent()).toContain('已解除');
    expect(await red.first().getByTestId('warning-regions').textContent()).toContain('乐昌市');
    expect(await items().filter({ hasText: '寒潮蓝色预警' }).count()).toBeGreaterThanOrEqual(1);
  });

  it('uploads the observatory’s CAP file and lists it with its counties; a broken one is refused in Chinese', async () => {
    const upload = page.locator('.ant-upload input[type=file]');
    await upload.setInputFiles(fixture('malformed.xml'));
    const error = page.getByTestId('cap-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('不是有效的 CAP 1.2 预警文件');
    expect(await error.textContent()).toContain('原因：');

    await upload.setInputFiles(fixture('cold-wave-red-update.xml'));
    await page.locator('.ant-message-success').filter({ hasText: '已入库 1 条预警' }).waitFor();
    expect(await error.count()).toBe(0);
    await tab('recent');
    const uploaded = item('44020041600000_20261202060000');
    await uploaded.waitFor();
    expect(await uploaded.getByTestId('warning-tag').textContent()).toBe('寒潮橙色预警');
    expect(await uploaded.getByTestId('warning-source').textContent()).toBe('源：上传');
    const regions = await uploaded.getByTestId('warning-regions').textContent();
    for (const name of ['乐昌市', '南雄市', '仁化县', '始兴县']) expect(regions).toContain(name);
    expect(regions).not.toMatch(/4402\d\d/);
  });

  it('types in a warning heard on the TV, marked 手工录入', async () => {
    await page.getByTestId('manual-open').click();
    const form = page.getByTestId('manual-form');
    await form.waitFor();
    await expect.poll(() => settled(page.locator('.ant-modal'))).toBe(true);
    await pick(page.getByTestId('manual-kind'), '暴雪');
    await pick(page.getByTestId('manual-colour'), '黄色');
    await pick(page.getByTestId('manual-regions'), '仁化县', { multiple: true });
    // Close the multiple select's list (a click on the dialog's title, as a person would).
    await page.locator('.ant-modal-title').click();
    await expect.poll(openLists).toBe(0);
    // Until the day after tomorrow 20:00, Beijing time (the browser's own zone is not Beijing's).
    const day = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Asia/Shanghai',
    });
    const expires = input(page, 'manual-expires');
    await expires.click();
    await expires.fill(`${day} 20:00`);
    await expires.press('Enter');
    await input(page, 'manual-headline').fill('仁化县气象台发布暴雪黄色预警信号');
    await page.getByTestId('manual-note').fill('新丰电视台 19:30 字幕');
    await screenshot(page, 'weather-manual', { fullPage: false });
    await page.getByTestId('manual-save').click();
    await page.locator('.ant-message-success').filter({ hasText: '已录入预警' }).waitFor();
    await tab('active');
    const typed = items().filter({ hasText: '仁化县气象台发布暴雪黄色预警信号' });
    await typed.waitFor();
    expect(await typed.getByTestId('warning-source').textContent()).toBe('源：手工录入');
    expect(await typed.getByTestId('warning-regions').textContent()).toContain('仁化县');
    expect(await typed.textContent()).toContain('新丰电视台 19:30 字幕');
    expect(await typed.getByTestId('warning-time').textContent()).toContain(`至 ${day} 20:00`);
  });

  it('corrects tonight’s forecast minimum for 浈江区', async () => {
    const table = page.getByTestId('forecast-table');
    await table.scrollIntoViewIfNeeded();
    const cell = table.locator('[data-testid="forecast-cell"][data-region="440204"]').first();
    await cell.click();
    const field = input(table, 'forecast-input');
    await field.fill('-2.5');
    await field.press('Enter');
    await page.locator('.ant-message-success').filter({ hasText: '浈江区' }).waitFor();
    await expect
      .poll(() =>
        table
          .locator('[data-testid="forecast-cell"][data-region="440204"]')
          .first()
          .getByTestId('forecast-value')
          .textContent(),
      )
      .toBe('-2.5℃');
    // Every county has tonight's and the next three nights' minimum.
    expect(await table.getByTestId('forecast-value').count()).toBe(40);
    await screenshot(page, 'weather-forecasts');
  });
});
