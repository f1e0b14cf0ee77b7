import { type Permission, permissionsOf, type Role, roleLabels } from '@warmline/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot, signIn } from './browser.ts';

/** Every demo role signs in (zh-CN) and lands on a home that fits it, with only its menu. */
const demoRoles: { username: string; role: Role; region: string }[] = [
  { username: 'admin', role: 'system_admin', region: '全国' },
  { username: 'shaoguan', role: 'bureau_admin', region: '韶关市' },
  { username: 'zhenjiang', role: 'bureau_admin', region: '浈江区' },
  { username: 'wujiang', role: 'bureau_admin', region: '武江区' },
  { username: 'dispatcher', role: 'dispatcher', region: '韶关市' },
  { username: 'hotline', role: 'hotline_operator', region: '韶关市' },
  { username: 'patrol1', role: 'patrol_member', region: '韶关市' },
  { username: 'station1', role: 'station_staff', region: '韶关市' },
  { username: 'keeper1', role: 'supplies_keeper', region: '韶关市' },
  { username: 'shelter1', role: 'shelter_keeper', region: '浈江区' },
  { username: 'police1', role: 'police_liaison', region: '韶关市' },
  { username: 'supervisor', role: 'supervisor', region: '韶关市' },
];

const menuFor: Record<string, Permission | null> = {
  home: null,
  hotline: 'lead.create',
  leads: 'lead.read',
  hotspots: 'hotspot.read',
  shelters: 'shelter.read',
  shelterKeeper: 'shelter.keep',
  persons: 'encounter.read',
  station: 'stay.read',
  supplies: 'supply.read',
  reports: 'stats.read',
  duty: 'duty.read',
  weather: 'weather.read',
  users: 'user.read',
  orgs: 'org.read',
  events: 'event.read',
  account: null,
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('signing in as each demo role', () => {
  for (const { username, role, region } of demoRoles) {
    it(`${username} (${roleLabels[role].zh}) lands on a home that fits the role`, async () => {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      try {
        await signIn(page, username);
        await page.waitForURL(`${baseUrl()}/`);
        const title = page.getByTestId('home-title');
        await expect.poll(() => title.textContent()).toBe(`${region} · ${roleLabels[role].zh}`);
        expect(await page.getByTestId('home-header').getAttribute('data-role')).toBe(role);

        const granted = permissionsOf(role);
        for (const [menu, permission] of Object.entries(menuFor)) {
          const visible = permission === null || granted.includes(permission);
          expect(await page.getByTestId(`menu-${menu}`).count(), `${username} menu ${menu}`).toBe(
            visible ? 1 : 0,
          );
        }
        // Cards follow permissions too: the activity card needs event.read.
        expect(await page.getByTestId('home-activity-card').count()).toBe(
          granted.includes('event.read') ? 1 : 0,
        );
        await page.getByTestId('home-header').waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `home-${username}`);
      } finally {
        await page.close();
      }
    });
  }

  it('a wrong password shows a Chinese error and stays on the login page', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    try {
      await signIn(page, 'zhenjiang', 'not-the-password');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('用户名或密码错误');
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'login-wrong-password');
    } finally {
      await page.close();
    }
  });

  it('a page the role may not open answers 403, not the data', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    try {
      await signIn(page, 'patrol1');
      await page.waitForURL(`${baseUrl()}/`);
      await page.goto(`${baseUrl()}/admin/users`);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('users-page').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('switches to English and back', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    try {
      await page.goto(`${baseUrl()}/login`);
      await page.getByTestId('language-switch').getByText('EN').click();
      await expect.poll(() => page.getByTestId('login-submit').textContent()).toMatch(/Sign in/i);
      await signIn(page, 'wujiang');
      await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('Bureau admin');
      await page.getByTestId('language-switch').getByText('中文').click();
      await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('民政局管理员');
    } finally {
      await page.close();
    }
  });
});
