import { LOCKOUT_THRESHOLD } from '@warmline/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, event } from '../../db/schema.ts';
import { buildUser, TEST_PASSWORD } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { totpCodeAt } from './totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('auth routes', () => {
  it('requires authentication', async () => {
    for (const [method, url] of [
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/auth/password'],
      ['POST', '/api/auth/totp/setup'],
      ['POST', '/api/auth/totp/enable'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('signs in with a session cookie and answers me with role and region', async () => {
    const user = await buildUser(t.db, { username: 'zj', role: 'bureau_admin', regionCode: '440204' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zj', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'wl_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `wl_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({
      id: user.id,
      role: 'bureau_admin',
      regionCode: '440204',
      regionName: '浈江区',
      regionLevel: 'county',
    });
  });

  it('gives unknown users and wrong passwords the same 401', async () => {
    await buildUser(t.db, { username: 'known' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'known', password: 'x' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(unknown.json().error.message).toBe('用户名或密码错误');
  });

  it('locks the account after repeated failures, even against the right password', async () => {
    const user = await buildUser(t.db, { username: 'guessed' });
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'guessed', password: 'nope' },
      });
      expect(r.statusCode).toBe(401);
    }
    const last = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'guessed', password: 'nope' },
    });
    expect(last.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'guessed', password: TEST_PASSWORD },
    });
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    const locked = await t.db.select().from(event).where(eq(event.action, 'user.locked'));
    expect(locked.map((e) => e.entityId)).toContain(user.id);

    t.clock.advance(16 * 60_000);
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'guessed', password: TEST_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it('logs out: the cookie stops working', async () => {
    await buildUser(t.db, { username: 'leaver' });
    const cookie = await t.login('leaver');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('enrols TOTP and then requires the code at sign-in', async () => {
    await buildUser(t.db, { username: 'careful', role: 'bureau_admin' });
    const cookie = await t.login('careful');
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie } });
    const { secret } = setup.json();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers: { cookie },
      payload: { code: '000000' },
    });
    expect(bad.json().error.code).toBe('TOTP_INVALID');
    const code = totpCodeAt(secret, t.clock.now());
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers: { cookie },
      payload: { code },
    });
    expect(ok.statusCode).toBe(204);

    const without = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'careful', password: TEST_PASSWORD },
    });
    expect(without.json().error.code).toBe('TOTP_REQUIRED');
    // The code that proved enrolment cannot sign in: codes count once.
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'careful', password: TEST_PASSWORD, totp: code },
    });
    expect(reused.json().error.code).toBe('TOTP_INVALID');
    t.clock.advance(30_000);
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'careful', password: TEST_PASSWORD, totp: totpCodeAt(secret, t.clock.now()) },
    });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().totpEnabled).toBe(true);
  });

  it('accepts each one-time code once: a replayed code is refused, even in parallel', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    await buildUser(t.db, { username: 'replayed', totpSecret: secret });
    t.clock.advance(60_000);
    const code = totpCodeAt(secret, t.clock.now());
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'replayed', password: TEST_PASSWORD, totp: code },
      });
    const [a, b] = await Promise.all([attempt(), attempt()]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
    expect([a, b].find((r) => r.statusCode === 401)!.json().error.code).toBe('TOTP_INVALID');
    expect((await attempt()).json().error.code).toBe('TOTP_INVALID');

    t.clock.advance(30_000);
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'replayed', password: TEST_PASSWORD, totp: totpCodeAt(secret, t.clock.now()) },
    });
    expect(next.statusCode).toBe(200);
  });

  it('changes the password only with the current one', async () => {
    const user = await buildUser(t.db, { username: 'changer' });
    const cookie = await t.login('changer');
    const other = await t.login('changer');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'nope', newPassword: 'a-new-long-password' },
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const before = (await t.db.select().from(appUser).where(eq(appUser.id, user.id)))[0]!.passwordHash;
    expect(before).toBe(user.passwordHash);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(204);
    // This session stays; every other session of the user ends.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode,
    ).toBe(401);
    await t.login('changer', 'a-new-long-password');
  });

  it('refuses a disabled account', async () => {
    await buildUser(t.db, { username: 'gone', disabled: true });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gone', password: TEST_PASSWORD },
    });
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });
});
