import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { capAlert } from './fixtures/cap-builder.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SECRET = 'test-push-secret';
let t: TestApp;
// Sessions last an hour and this file's days pass: a fresh one for each request.
let ids = { city: '', county: '', sibling: '' };
const city = () => t.sessionFor(ids.city);
const county = () => t.sessionFor(ids.county);
const sibling = () => t.sessionFor(ids.sibling);
const at = (iso: string) => t.clock.advance(Date.parse(iso) - t.clock.now().getTime());

beforeAll(async () => {
  // The warnings' days pass in this file: sessions outlast them.
  t = await createTestApp({ config: { WEATHER_PUSH_SECRET: SECRET, SESSION_HOURS: '240' } });
  at('2026-12-01T09:00:00+08:00');
  ids = {
    city: (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id,
    county: (await buildUser(t.db, { role: 'dispatcher', regionCode: '440281' })).id,
    sibling: (await buildUser(t.db, { role: 'station_staff', regionCode: '440204' })).id,
  };
});
afterAll(() => t.close());

type Who = () => Promise<string>;
const upload = async (who: Who, xml: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/weather/cap',
    headers: { cookie: await who(), 'content-type': 'application/xml' },
    payload: xml,
  });
const active = async (who: Who) =>
  (
    await t.app.inject({ method: 'GET', url: '/api/weather/warnings', headers: { cookie: await who() } })
  ).json().items as {
    identifier: string;
    colour: string;
    regionCodes: string[];
  }[];

describe('weather warnings from CAP', () => {
  it('stores a red cold wave for the city once, however often it is sent', async () => {
    const first = await upload(city, fixture('cold-wave-red-shaoguan.xml'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().warnings[0]).toMatchObject({
      kind: 'cold_wave',
      colour: 'red',
      regionCodes: ['440200'],
      source: 'upload',
      active: true,
      needsReview: false,
    });
    expect(first.json().warnings[0].criteria).toContain('16℃');
    const again = await upload(city, fixture('cold-wave-red-shaoguan.xml'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true });
    expect(again.json().warnings[0].id).toBe(first.json().warnings[0].id);
    // A county of the city is concerned by the city-wide warning, a station in another district too.
    expect((await active(county)).map((w) => w.colour)).toEqual(['red']);
    expect(await active(sibling)).toHaveLength(1);
  });

  it('lets an update replace it, for four northern counties, and a cancel end that', async () => {
    at('2026-12-02T07:00:00+08:00');
    const update = await upload(city, fixture('cold-wave-red-update.xml'));
    expect(update.statusCode, update.body).toBe(201);
    expect(update.json().ended.map((w: { colour: string }) => w.colour)).toEqual(['red']);
    expect(update.json().warnings[0]).toMatchObject({
      colour: 'orange',
      regionCodes: ['440222', '440224', '440281', '440282'],
      regionCode: '440200',
    });
    expect(update.json().warnings[0].regions).toContainEqual({ code: '440281', name: '乐昌市' });
    expect((await active(county)).map((w) => w.colour)).toEqual(['orange']);
    // 浈江区 is not among the four: nothing in force there any more.
    expect(await active(sibling)).toEqual([]);
    at('2026-12-03T11:00:00+08:00');
    const cancel = await upload(city, fixture('cold-wave-cancel.xml'));
    expect(cancel.statusCode, cancel.body).toBe(201);
    expect(cancel.json().ended.map((w: { colour: string }) => w.colour)).toEqual(['orange']);
    expect(await active(county)).toEqual([]);
  });

  it('places a polygon and a circle on the county outlines', async () => {
    const res = await upload(city, fixture('blizzard-yellow-polygon.xml'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warnings[0]).toMatchObject({ kind: 'blizzard', colour: 'yellow', needsReview: false });
    expect(res.json().warnings[0].regionCodes).toContain('440282');
  }, 60_000);

  it('keeps an area nobody can place, flagged for review', async () => {
    const res = await upload(city, fixture('unknown-region.xml'));
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings[0]).toMatchObject({
      kind: 'low_temperature',
      needsReview: true,
      regionCodes: [],
      regionCode: '440200',
    });
    expect(res.json().warnings[0].unresolved).toEqual([
      { areaDesc: '未知地区', reason: 'unknown_code', detail: '999999' },
    ]);
  });

  it('refuses what is not CAP, and test alerts, machine-readably; nothing stored', async () => {
    const bad = await upload(city, fixture('malformed.xml'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CAP_INVALID');
    const test = await upload(
      city,
      capAlert({ kind: 'blizzard', colour: 'red', identifier: 'T1' }).replace(
        '<status>Actual</status>',
        '<status>Exercise</status>',
      ),
    );
    expect(test.json().error.code).toBe('CAP_NOT_ACTUAL');
    const all = (
      await t.app.inject({
        method: 'GET',
        url: '/api/weather/warnings?active=false',
        headers: { cookie: await city() },
      })
    ).json().items;
    expect(all.some((w: { identifier: string }) => w.identifier === 'T1' || w.identifier === 'broken')).toBe(
      false,
    );
  });

  it('takes a partner push only with a valid signature', async () => {
    const xml = capAlert({
      kind: 'road_icing',
      colour: 'orange',
      identifier: 'PUSH1',
      region: '440204',
      sent: '2026-12-03T10:00:00+08:00',
      expires: '2026-12-04T10:00:00+08:00',
    });
    const push = (sig: string | undefined) =>
      t.app.inject({
        method: 'POST',
        url: '/api/partner/weather/cap',
        headers: { 'content-type': 'application/cap+xml', ...(sig ? { 'x-warmline-signature': sig } : {}) },
        payload: xml,
      });
    expect((await push(undefined)).json().error.code).toBe('CAP_SIGNATURE_INVALID');
    expect((await push(`sha256=${'0'.repeat(64)}`)).statusCode).toBe(401);
    const ok = await push(`sha256=${createHmac('sha256', SECRET).update(xml).digest('hex')}`);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().warnings[0]).toMatchObject({
      kind: 'road_icing',
      colour: 'orange',
      source: 'push',
      regionCodes: ['440204'],
    });
    expect((await active(sibling)).map((w) => w.identifier)).toContain('PUSH1');
    expect((await active(county)).map((w) => w.identifier)).not.toContain('PUSH1');
  });

  it('takes a warning read off the TV, marked manual, within the officer’s region only', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/weather/warnings',
      headers: { cookie: await county() },
      payload: {
        kind: 'low_temperature',
        colour: 'yellow',
        regionCodes: ['440281'],
        headline: '电视：乐昌寒冷黄色预警',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'manual', regionCodes: ['440281'], active: true });
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/weather/warnings',
      headers: { cookie: await county() },
      payload: { kind: 'low_temperature', colour: 'yellow', regionCodes: ['440204'] },
    });
    expect(out.json().error.code).toBe('REGION_OUT_OF_SCOPE');
    const heard = await t.app.inject({
      method: 'POST',
      url: '/api/weather/warnings',
      headers: { cookie: await county() },
      payload: {
        kind: 'road_icing',
        colour: 'yellow',
        regionCodes: ['440281'],
        effective: '2026-12-03T07:00:00+08:00',
        expires: '2026-12-04T07:00:00+08:00',
        note: '乐昌电视台早间新闻',
      },
    });
    expect(heard.statusCode, heard.body).toBe(201);
    expect(heard.json()).toMatchObject({
      activeFrom: '2026-12-02T23:00:00.000Z',
      description: '乐昌电视台早间新闻',
      regions: [{ code: '440281', name: '乐昌市' }],
    });
    const backwards = await t.app.inject({
      method: 'POST',
      url: '/api/weather/warnings',
      headers: { cookie: await county() },
      payload: {
        kind: 'road_icing',
        colour: 'yellow',
        regionCodes: ['440281'],
        effective: '2026-12-03T07:00:00+08:00',
        expires: '2026-12-03T06:00:00+08:00',
      },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('WARNING_TIMES_INVALID');
  });

  it('keeps tonight’s forecast minimum per region', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/weather/forecasts',
      headers: { cookie: await county() },
      payload: { regionCode: '440281', night: '2026-12-03', minC: -3.5 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const got = await t.app.inject({
      method: 'GET',
      url: '/api/weather/forecasts?night=2026-12-03',
      headers: { cookie: await city() },
    });
    expect(got.json().items).toEqual([
      { regionCode: '440281', night: '2026-12-03', minC: -3.5, source: 'manual' },
    ]);
    await t.app.inject({
      method: 'PUT',
      url: '/api/weather/forecasts',
      headers: { cookie: await county() },
      payload: { regionCode: '440281', night: '2026-12-04', minC: -1 },
    });
    const two = await t.app.inject({
      method: 'GET',
      url: '/api/weather/forecasts?night=2026-12-03&nights=2',
      headers: { cookie: await city() },
    });
    expect(two.json().items.map((f: { night: string; minC: number }) => [f.night, f.minC])).toEqual([
      ['2026-12-03', -3.5],
      ['2026-12-04', -1],
    ]);
  });
});
