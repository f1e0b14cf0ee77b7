import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, idempotencyKey, lead } from '../../db/schema.ts';
import { buildLead, buildPartnerKey, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let partner: { key: string; id: string };

beforeAll(async () => {
  t = await createTestApp();
  cookies.dispatcher = await t.sessionFor(
    (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id,
  );
  cookies.dispatcher2 = await t.sessionFor(
    (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id,
  );
  cookies.hotline = await t.sessionFor(
    (await buildUser(t.db, { role: 'hotline_operator', regionCode: '440200' })).id,
  );
  cookies.wujiang = await t.sessionFor(
    (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440203' })).id,
  );
  partner = await buildPartnerKey(t.db, { source: 'police_110', regionCode: '440200' });
});
afterAll(() => t.close());

const report = (payload: object, ip = '10.1.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/public/leads', payload, remoteAddress: ip });
const status = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/leads/${code}` });
const staff = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const fromPartner = (key: string, idem: string | null, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/partner/leads',
    headers: { authorization: `Bearer ${key}`, ...(idem ? { 'idempotency-key': idem } : {}) },
    payload,
  });
const leadCount = async () => (await t.db.select({ n: count() }).from(lead))[0]!.n;

describe('leads', () => {
  it('requires authentication', async () => {
    for (const url of ['/api/leads', '/api/leads/01900000-0000-7000-8000-000000000000']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    const noKey = await t.app.inject({ method: 'POST', url: '/api/partner/leads', payload: {} });
    expect(noKey.json().error.code).toBe('INVALID_API_KEY');
  });

  it('a member of the public reports and follows the lead by its code, seeing no personal data', async () => {
    const res = await report({
      descriptors: ['elderly', 'thin_clothing'],
      description: '风度路桥洞下有位老人，衣服很薄，一直发抖',
      address: '浈江区风度路桥洞',
      lat: 24.8044,
      lng: 113.6111,
      reporterPhone: '13800138000',
      callBack: true,
      deviceToken: '0192f3a4-1111-7abc-8def-0123456789ab',
    });
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);

    const seen = await status(trackingCode.toLowerCase().replace(/(.{4})/, '$1-'));
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ trackingCode, status: 'received' });
    expect(seen.body).not.toContain('13800138000');
    expect(seen.body).not.toContain('老人');

    const [row] = await t.db.select().from(lead).where(eq(lead.trackingCode, trackingCode));
    expect(row).toMatchObject({ source: 'public', state: 'new', regionCode: '440200', callBack: true });
    const [received] = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, row!.id), eq(event.action, 'lead.received')));
    expect(received!.payload).toMatchObject({
      source: 'public',
      descriptors: ['elderly', 'thin_clothing'],
      vulnerable: true,
      state: 'new',
    });
  });

  it('quarantines an ad sent through the public form, keeps it, and tells the sender only "received"', async () => {
    const res = await report(
      { descriptors: [], description: '专业办理各类证件 加微信 bz8866 当天拿证', address: '韶关' },
      '10.3.0.1',
    );
    expect(res.statusCode).toBe(201);
    const code = res.json().trackingCode;
    const [row] = await t.db.select().from(lead).where(eq(lead.trackingCode, code));
    expect(row!.state).toBe('spam');
    expect(row!.spamReasons).toContain('contact_id');
    expect((await status(code)).json().status).toBe('received');
    const open = (await staff('dispatcher', 'GET', '/api/leads?open=true&pageSize=200')).json().items;
    expect(open.map((l: { id: string }) => l.id)).not.toContain(row!.id);
    const quarantined = (await staff('dispatcher', 'GET', '/api/leads?state=spam&pageSize=200')).json().items;
    expect(quarantined.find((l: { id: string }) => l.id === row!.id).spamReasons).toContain('contact_id');
  });

  it('refuses a report without a place or without anything seen, writing nothing', async () => {
    const before = await leadCount();
    const noPlace = await report({ descriptors: ['minor'] });
    expect(noPlace.json().error).toMatchObject({
      code: 'LOCATION_REQUIRED',
      message: '请提供位置：使用定位或填写地址',
    });
    const nothing = await report({ address: '韶关站' });
    expect(nothing.json().error.code).toBe('DETAILS_REQUIRED');
    const halfGps = await report({ lat: 24.8, descriptors: ['minor'] });
    expect(halfGps.json().error.code).toBe('VALIDATION_FAILED');
    expect(await leadCount()).toBe(before);
    expect((await status('ZZZZZZZZ')).json().error.code).toBe('NOT_FOUND');
  });

  it('rate-limits one device on one address with a Chinese message', async () => {
    const device = '0192f3a4-2222-7abc-8def-0123456789ab';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push(
        (await report({ descriptors: ['group'], address: `韶关东站${i}`, deviceToken: device }, '10.9.9.9'))
          .statusCode,
      );
    }
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    const limited = await report(
      { descriptors: ['group'], address: '韶关东站', deviceToken: device },
      '10.9.9.9',
    );
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    // Another phone behind the same carrier NAT is not punished for it.
    const neighbour = await report(
      { descriptors: ['group'], address: '韶关东站', deviceToken: '0192f3a4-3333-7abc-8def-0123456789ab' },
      '10.9.9.9',
    );
    expect(neighbour.statusCode).toBe(201);
  });

  it('a resent public report (same clientId, same phone) returns the first code, even racing', async () => {
    const before = await leadCount();
    const body = {
      descriptors: ['minor'],
      address: '韶关东站出站口',
      deviceToken: '0192f3a4-4444-7abc-8def-0123456789ab',
      clientId: '0192f3a4-5555-7abc-8def-0123456789ab',
    };
    const [a, b] = await Promise.all([report(body, '10.2.0.1'), report(body, '10.2.0.1')]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().trackingCode).toBe(a.json().trackingCode);
    expect((await report(body, '10.2.0.1')).json().trackingCode).toBe(a.json().trackingCode);
    expect(await leadCount()).toBe(before + 1);
    // Someone else's device cannot read a code by reusing the id.
    const stranger = await report(
      { ...body, deviceToken: '0192f3a4-6666-7abc-8def-0123456789ab' },
      '10.2.0.2',
    );
    expect(stranger.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('partner resends with the same Idempotency-Key return the same lead; another body is refused', async () => {
    const body = {
      descriptors: ['intoxicated'],
      address: '武江区沙洲尾公园',
      externalRef: '110-20261215-0042',
    };
    const first = await fromPartner(partner.key, 'idem-0042-aaaa', body);
    expect(first.statusCode).toBe(201);
    const again = await fromPartner(partner.key, 'idem-0042-aaaa', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    const other = await fromPartner(partner.key, 'idem-0042-aaaa', { ...body, address: '别处' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const [row] = await t.db.select().from(lead).where(eq(lead.trackingCode, first.json().trackingCode));
    expect(row).toMatchObject({
      source: 'police_110',
      regionCode: '440200',
      externalRef: '110-20261215-0042',
    });
    expect((await fromPartner(partner.key, null, body)).json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a script rotating device tokens from one address meets the soft per-address limit', async () => {
    const limit = 300; // PUBLIC_IP_RATE_PER_MINUTE's default
    const codes: number[] = [];
    for (let i = 0; i < limit + 1; i++) {
      const deviceToken = `0192f3a4-3333-7abc-8def-${String(i).padStart(12, '0')}`;
      codes.push(
        (await report({ descriptors: ['group'], address: `韶关站${i}`, deviceToken }, '10.7.7.7')).statusCode,
      );
    }
    expect(codes.slice(0, limit).filter((c) => c !== 201)).toEqual([]);
    expect(codes[limit]).toBe(429);
    // Counted before the body is read: a refused request stored nothing.
    const stored = await t.db
      .select({ n: count() })
      .from(lead)
      .where(eq(lead.address, `韶关站${limit}`));
    expect(stored[0]!.n).toBe(0);
    // Another address is unaffected.
    expect((await report({ descriptors: ['group'], address: '韶关站' }, '10.7.7.8')).statusCode).toBe(201);
    // Off the open queue, so the list tests below see their own leads on the first page.
    await t.db.update(lead).set({ state: 'closed' }).where(like(lead.address, '韶关站%'));
  });

  it('100 concurrent identical partner posts make exactly one lead', async () => {
    const before = await leadCount();
    const body = { descriptors: ['minor'], address: '韶关站候车室', externalRef: 'grid-778' };
    const results = await Promise.all(
      Array.from({ length: 100 }, () => fromPartner(partner.key, 'idem-concurrent-1', body)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((c) => c === 201)).toHaveLength(1);
    expect(statuses.filter((c) => c === 200)).toHaveLength(99);
    expect(new Set(results.map((r) => r.json().trackingCode)).size).toBe(1);
    expect(await leadCount()).toBe(before + 1);
    const keys = await t.db.select().from(idempotencyKey).where(eq(idempotencyKey.key, 'idem-concurrent-1'));
    expect(keys).toHaveLength(1);
  });

  it('refuses an unknown or revoked partner key', async () => {
    const revoked = await buildPartnerKey(t.db, { revoked: true });
    for (const key of [revoked.key, 'not-a-real-key-123']) {
      const res = await fromPartner(key, 'idem-x-000001', { descriptors: ['group'], address: '某处' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_API_KEY');
    }
  });

  it('the command centre lists, quarantines and restores; the reporter only ever sees "received"', async () => {
    const spam = await buildLead(t.db, {
      regionCode: '440203',
      description: '办证加微信 abc123',
      reporterPhone: '13912345678',
    });
    const list = await staff('dispatcher', 'GET', '/api/leads?open=true&pageSize=200');
    const listed = list.json().items.find((l: { id: string }) => l.id === spam.id);
    expect(listed).toMatchObject({
      reporterPhoneMasked: '139****5678',
      vulnerable: true,
      regionName: '武江区',
    });

    const q = await staff('dispatcher', 'POST', `/api/leads/${spam.id}/actions`, { action: 'quarantine' });
    expect(q.json().state).toBe('spam');
    expect((await status(spam.trackingCode)).json().status).toBe('received');
    const r = await staff('dispatcher', 'POST', `/api/leads/${spam.id}/actions`, { action: 'restore' });
    expect(r.json().state).toBe('new');
    const actions = await t.db
      .select({ action: event.action })
      .from(event)
      .where(eq(event.entityId, spam.id));
    expect(actions.map((a) => a.action)).toEqual(['lead.quarantined', 'lead.restored']);
    // Still stored: quarantine never deletes.
    expect(await t.db.select().from(lead).where(eq(lead.id, spam.id))).toHaveLength(1);
  });

  it('merges a duplicate: the reporter of the duplicate follows the lead it joined', async () => {
    const main = await buildLead(t.db, { regionCode: '440204', state: 'dispatched' });
    const dup = await buildLead(t.db, { regionCode: '440204' });
    const res = await staff('dispatcher', 'POST', `/api/leads/${dup.id}/actions`, {
      action: 'merge',
      duplicateOf: main.id,
    });
    expect(res.json()).toMatchObject({ state: 'duplicate', duplicateOf: main.id });
    expect((await status(dup.trackingCode)).json().status).toBe('dispatched');
    const self = await staff('dispatcher', 'POST', `/api/leads/${main.id}/actions`, {
      action: 'merge',
      duplicateOf: main.id,
    });
    expect(self.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('suggests an earlier nearby report of the same person as a likely duplicate, never merging by itself', async () => {
    const at = (min: number) => new Date(Date.parse('2026-12-16T21:00:00+08:00') + min * 60_000);
    const first = await buildLead(t.db, {
      regionCode: '440205',
      lat: 24.6826,
      lng: 113.6045,
      descriptors: ['elderly'],
      receivedAt: at(0),
    });
    const near = await buildLead(t.db, {
      regionCode: '440205',
      lat: 24.6833,
      lng: 113.6049,
      descriptors: ['elderly', 'thin_clothing'],
      receivedAt: at(40),
    });
    const child = await buildLead(t.db, {
      regionCode: '440205',
      lat: 24.6827,
      lng: 113.6045,
      descriptors: ['minor'],
      receivedAt: at(50),
    });
    const far = await buildLead(t.db, {
      regionCode: '440205',
      lat: 24.69,
      lng: 113.6045,
      descriptors: ['elderly'],
      receivedAt: at(60),
    });

    const seen = async (id: string) =>
      (await staff('dispatcher', 'GET', `/api/leads/${id}`)).json().likelyDuplicate;
    expect(await seen(near.id)).toMatchObject({ id: first.id, trackingCode: first.trackingCode });
    expect(await seen(child.id)).toBeNull();
    expect(await seen(far.id)).toBeNull();
    expect(await seen(first.id)).toBeNull();
    const listed = (await staff('dispatcher', 'GET', '/api/leads?open=true&pageSize=200')).json().items;
    const listedNear = listed.find((l: { id: string }) => l.id === near.id);
    expect(
      listedNear,
      JSON.stringify(listed.map((l: { id: string; state: string }) => [l.id.slice(-4), l.state])),
    ).toBeDefined();
    expect(listedNear.likelyDuplicate?.id).toBe(first.id);
    expect((await t.db.select().from(lead).where(eq(lead.id, near.id)))[0]!.state).toBe('new');
  });

  it('two dispatchers acting on one lead at once: exactly one wins', async () => {
    const contested = await buildLead(t.db, { regionCode: '440204' });
    const [a, b] = await Promise.all([
      staff('dispatcher', 'POST', `/api/leads/${contested.id}/actions`, { action: 'triage' }),
      staff('dispatcher2', 'POST', `/api/leads/${contested.id}/actions`, { action: 'triage' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const triaged = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, contested.id), eq(event.action, 'lead.triaged')));
    expect(triaged).toHaveLength(1);
  });

  it('the hotline logs a call; the reporter number is masked and revealed only with an audit event', async () => {
    const res = await staff('hotline', 'POST', '/api/leads', {
      descriptors: ['minor'],
      description: '来电：韶关站有个小孩独自哭了很久',
      address: '韶关站进站口',
      reporterPhone: '13700001111',
      callBack: true,
      regionCode: '440204',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'hotline',
      regionCode: '440204',
      reporterPhoneMasked: '137****1111',
    });
    const id = res.json().id;
    expect((await staff('hotline', 'GET', `/api/leads/${id}/reporter-phone`)).statusCode).toBe(403);
    const shown = await staff('dispatcher', 'GET', `/api/leads/${id}/reporter-phone`);
    expect(shown.json().phone).toBe('13700001111');
    const audit = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, id), eq(event.action, 'lead.reporter_phone_viewed')));
    expect(audit).toHaveLength(1);
    // A sibling county does not see the city's leads elsewhere.
    expect((await staff('wujiang', 'GET', `/api/leads/${id}`)).statusCode).toBe(404);
  });
});
