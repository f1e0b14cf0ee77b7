import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, desktopPage, input, launchBrowser, screenshot, signIn } from './browser.ts';

/**
 * 操作日志: a sign-in and a change leave their records; the city bureau admin filters the log
 * by action and opens one record's payload. A patrol member is not let in.
 */
const stamp = Date.now().toString().slice(-7);
const orgName = `韶关市卫健应急点${stamp}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const newPage = () => desktopPage(browser);

const rows = (page: Page) => page.locator('[data-testid="events-page"] tr.ant-table-row');
/** The action codes (e.g. `org.created`) of the rows on screen. */
const actionCodes = (page: Page) => rows(page).locator('code').allTextContents();

async function filterByAction(page: Page, action: string): Promise<void> {
  const box = input(page, 'events-action-filter');
  await box.fill(action);
  await box.press('Enter');
}

describe('操作日志 for the city bureau admin', () => {
  let page: Page;
  let orgId: string;
  beforeAll(async () => {
    page = await newPage();
    await signIn(page, 'shaoguan');
    await page.waitForURL(`${baseUrl()}/`);
    // The change to look for: a health department of the city, made in this session.
    const res = await page.request.post(`${baseUrl()}/api/orgs`, {
      data: { name: orgName, kind: 'health', regionCode: '440200' },
    });
    expect(res.status()).toBe(201);
    orgId = ((await res.json()) as { id: string }).id;
  });
  afterAll(() => page?.close());

  it('filters by action and opens the payload of the change', async () => {
    await page.getByTestId('menu-events').click();
    await page.waitForURL(`${baseUrl()}/admin/events`);
    await page.getByTestId('events-page').waitFor();
    // Unfiltered, the log holds more than org creations (at least this sign-in).
    await expect.poll(async () => (await actionCodes(page)).some((a) => a !== 'org.created')).toBe(true);

    await filterByAction(page, 'org.created');
    await expect
      .poll(async () => {
        const codes = await actionCodes(page);
        return codes.length > 0 && codes.every((a) => a === 'org.created');
      })
      .toBe(true);
    const row = rows(page).filter({ hasText: `…${orgId.slice(-8)}` });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toContain('黄燕斌');
    expect(cells.join(' ')).toContain('新建机构');
    expect(cells).toContain('440200');

    await row.getByRole('button', { name: '展开行' }).click();
    const payload = page.getByTestId('event-payload');
    await payload.waitFor();
    const json = await payload.locator('pre').textContent();
    expect(JSON.parse(json ?? 'null')).toEqual({ kind: 'health' });
    await screenshot(page, 'events-org-created');
  });

  it('filters by an action prefix: auth. lists this sign-in', async () => {
    await filterByAction(page, 'auth.');
    await expect
      .poll(async () => {
        const codes = await actionCodes(page);
        return codes.length > 0 && codes.every((a) => a.startsWith('auth.'));
      })
      .toBe(true);
    const signIns = rows(page).filter({ hasText: 'auth.logged_in' }).filter({ hasText: '黄燕斌' });
    expect(await signIns.count()).toBeGreaterThan(0);
    await screenshot(page, 'events-auth');
  });
});

describe('操作日志 for a patrol member', () => {
  it('patrol1 opening /admin/events sees 403, not the log', async () => {
    const page = await newPage();
    try {
      await signIn(page, 'patrol1');
      await page.waitForURL(`${baseUrl()}/`);
      expect(await page.getByTestId('menu-events').count()).toBe(0);
      await page.goto(`${baseUrl()}/admin/events`);
      const forbidden = page.getByTestId('forbidden');
      await forbidden.waitFor();
      expect(await forbidden.textContent()).toContain('403');
      expect(await forbidden.textContent()).toContain('您的角色没有查看此页面的权限');
      expect(await page.getByTestId('events-page').count()).toBe(0);
      await screenshot(page, 'events-patrol-forbidden');
      const res = await page.request.get(`${baseUrl()}/api/events`);
      expect(res.status()).toBe(403);
    } finally {
      await page.close();
    }
  });
});
