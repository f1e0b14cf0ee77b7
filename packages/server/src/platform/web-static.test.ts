import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** The built web app: client routes get index.html, missing files a 404, assets long caching. */
let t: TestApp;
let dist: string;
const bigJson = JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: 300 }, (_, i) => ({ id: i, name: '浈江区' })),
});

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'warmline-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  mkdirSync(path.join(dist, 'boundaries'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>暖线</title>');
  writeFileSync(path.join(dist, 'report.html'), '<!doctype html><title>发现有人需要帮助？</title>');
  writeFileSync(path.join(dist, 'sentinel.html'), '<!doctype html><title>信息哨点</title>');
  writeFileSync(path.join(dist, 'shelters.html'), '<!doctype html><title>附近避寒点</title>');
  writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'boundaries', '440200.json'), bigJson);
  t = await createTestApp({ webDist: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('requires authentication for the API behind it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('answers client-side routes with index.html, never cached', async () => {
    for (const url of ['/', '/login', '/admin/users?page=2']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>暖线</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers the public report pages with their own light page', async () => {
    for (const url of ['/report', '/report/7K2M9PQ0']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('发现有人需要帮助');
    }
    expect((await t.app.inject({ method: 'GET', url: '/reports' })).body).toContain('<title>暖线</title>');
  });

  it("answers /sentinel with the sentinels' light page, and the staff's /sentinels with the SPA", async () => {
    expect((await t.app.inject({ method: 'GET', url: '/sentinel' })).body).toContain(
      '<title>信息哨点</title>',
    );
    expect((await t.app.inject({ method: 'GET', url: '/sentinels' })).body).toContain('<title>暖线</title>');
  });

  it('answers /shelters with the public finder, and the staff’s /shelter-network with the SPA', async () => {
    for (const url of ['/shelters', '/shelters?q=%E6%9B%B2%E6%B1%9F'])
      expect((await t.app.inject({ method: 'GET', url })).body, url).toContain('<title>附近避寒点</title>');
    for (const url of ['/shelter-network', '/shelter-keeper'])
      expect((await t.app.inject({ method: 'GET', url })).body, url).toContain('<title>暖线</title>');
  });

  it('caches hashed assets for a year and answers a missing file with 404, not the page', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/assets/gone-999.js', '/boundaries/999900.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('compresses what it serves when the client accepts it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/boundaries/440200.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(bigJson);
  });
});
