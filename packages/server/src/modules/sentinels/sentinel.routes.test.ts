import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, lead, sentinel } from '../../db/schema.ts';
import { buildLead, buildSentinel, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const users = {
    zhenjiang: await buildUser(t.db, { role: 'bureau_admin', regionCode: '440204' }),
    wujiang: await buildUser(t.db, { role: 'bureau_admin', regionCode: '440203' }),
    dispatcher: await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' }),
  };
  for (const [who, user] of Object.entries(users)) cookies[who] = await t.sessionFor(user.id);
});
afterAll(() => t.close());

let ipSerial = 0;
const register = (payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/sentinels',
    payload,
    // A fresh address per call: the rate limit is not what these tests are about.
    remoteAddress: `10.9.0.${++ipSerial}`,
  });
const asSentinel = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Sentinel ${token}` },
    ...(payload ? { payload } : {}),
  });
const staff = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
const eventsOf = (entityId: string, action: string) =>
  t.db
    .select()
    .from(event)
    .where(and(eq(event.entityId, entityId), eq(event.action, action)));

const sighting = {
  descriptors: ['elderly', 'thin_clothing'],
  description: '清扫时看到桥洞下有位老人，衣服很薄',
  address: '浈江区风度路五里亭桥下',
};

describe('sentinels', () => {
  it('requires authentication', async () => {
    for (const url of ['/api/sentinels', '/api/sentinels/01900000-0000-7000-8000-000000000000/phone']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    for (const authorization of [undefined, 'Sentinel not-a-known-token', 'Bearer demo-partner-110']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/sentinel/me',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_SENTINEL_TOKEN');
    }
    // A staff session is not a sentinel.
    const res = await staff('zhenjiang', 'GET', '/api/sentinel/leads');
    expect(res.json().error.code).toBe('INVALID_SENTINEL_TOKEN');
  });

  it('registers, waits for approval, is approved by its own bureau only, then reports', async () => {
    const res = await register({
      displayName: '王师傅',
      phone: '13712345678',
      orgType: 'sanitation',
      orgName: '浈江区环卫所',
      regionCode: '440204',
    });
    expect(res.statusCode).toBe(201);
    const { sentinelId, token, state } = res.json();
    expect(state).toBe('pending');
    expect(token.length).toBeGreaterThanOrEqual(40);
    const [row] = await t.db.select().from(sentinel).where(eq(sentinel.id, sentinelId));
    expect(row).toMatchObject({ state: 'pending', regionCode: '440204', orgType: 'sanitation' });
    expect(JSON.stringify(row)).not.toContain(token);
    const [registered] = await eventsOf(sentinelId, 'sentinel.registered');
    expect(registered!.payload).toEqual({ orgType: 'sanitation' });
    expect(JSON.stringify(registered)).not.toContain('13712345678');

    const me = await asSentinel(token, 'GET', '/api/sentinel/me');
    expect(me.json()).toEqual({
      displayName: '王师傅',
      orgType: 'sanitation',
      state: 'pending',
      trust: { score: 0.5, level: 'new' },
    });

    const early = await asSentinel(token, 'POST', '/api/sentinel/leads', sighting);
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('SENTINEL_NOT_APPROVED');

    // 武江区 cannot see, let alone approve, a 浈江区 sentinel: it is simply not found.
    const foreign = await staff('wujiang', 'POST', `/api/sentinels/${sentinelId}/actions`, {
      action: 'approve',
    });
    expect(foreign.statusCode).toBe(404);
    // The dispatcher reads sentinels but does not decide on them.
    const dispatcher = await staff('dispatcher', 'POST', `/api/sentinels/${sentinelId}/actions`, {
      action: 'approve',
    });
    expect(dispatcher.json().error.code).toBe('FORBIDDEN');

    const approved = await staff('zhenjiang', 'POST', `/api/sentinels/${sentinelId}/actions`, {
      action: 'approve',
      note: '已电话核实，环卫所确认',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', reviewNote: '已电话核实，环卫所确认' });
    const [approval] = await eventsOf(sentinelId, 'sentinel.approved');
    expect(approval).toMatchObject({ regionCode: '440204', payload: { from: 'pending', to: 'approved' } });
    expect(approval!.actorId).not.toBeNull();
    const again = await staff('zhenjiang', 'POST', `/api/sentinels/${sentinelId}/actions`, {
      action: 'approve',
    });
    expect(again.json().error.code).toBe('INVALID_TRANSITION');

    const reported = await asSentinel(token, 'POST', '/api/sentinel/leads', {
      ...sighting,
      clientId: '0192f3a4-2222-7abc-8def-0123456789ab',
    });
    expect(reported.statusCode).toBe(201);
    const { trackingCode } = reported.json();
    const [leadRow] = await t.db.select().from(lead).where(eq(lead.trackingCode, trackingCode));
    expect(leadRow).toMatchObject({ source: 'sentinel', sentinelId, regionCode: '440204', state: 'new' });
    // A resend of the same submission is the same lead.
    const resent = await asSentinel(token, 'POST', '/api/sentinel/leads', {
      ...sighting,
      clientId: '0192f3a4-2222-7abc-8def-0123456789ab',
    });
    expect(resent.json().trackingCode).toBe(trackingCode);

    // The command centre sees who reported it and how far to trust them, in one list query.
    const list = await staff('dispatcher', 'GET', '/api/leads?source=sentinel');
    const seen = list.json().items.find((l: { trackingCode: string }) => l.trackingCode === trackingCode);
    expect(seen.sentinel).toEqual({
      id: sentinelId,
      displayName: '王师傅',
      orgType: 'sanitation',
      trust: 0.5,
      trustLevel: 'new',
    });
    expect(JSON.stringify(seen)).not.toContain('13712345678');
    const one = await staff('dispatcher', 'GET', `/api/leads/${leadRow!.id}`);
    expect(one.json().sentinel.displayName).toBe('王师傅');
    const other = await buildLead(t.db, { regionCode: '440204' });
    expect((await staff('dispatcher', 'GET', `/api/leads/${other.id}`)).json().sentinel).toBeNull();

    // The sentinel follows the outcome of their report.
    const before = await asSentinel(token, 'GET', '/api/sentinel/leads');
    expect(before.json().items).toEqual([
      expect.objectContaining({ trackingCode, status: 'received', address: sighting.address }),
    ]);
    t.clock.advance(30 * 60_000);
    const closed = await staff('dispatcher', 'POST', `/api/leads/${leadRow!.id}/actions`, {
      action: 'close',
      note: '已送救助站',
    });
    expect(closed.statusCode).toBe(200);
    const after = (await asSentinel(token, 'GET', '/api/sentinel/leads')).json().items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ trackingCode, status: 'closed' });
    expect(JSON.stringify(after)).not.toContain('已送救助站');
  });

  it('shows each sentinel only their own reports', async () => {
    const mine = await buildSentinel(t.db);
    const theirs = await buildSentinel(t.db);
    await buildLead(t.db, { source: 'sentinel', sentinelId: theirs.id, trackingCode: 'THE1RS00' });
    const res = await asSentinel(mine.token, 'GET', '/api/sentinel/leads');
    expect(res.json().items).toEqual([]);
  });

  it('suspends and reinstates; a suspended sentinel cannot report but still sees their reports', async () => {
    const s = await buildSentinel(t.db, { regionCode: '440204' });
    const act = (action: string) =>
      staff('zhenjiang', 'POST', `/api/sentinels/${s.id}/actions`, { action, note: '多次误报' });
    expect((await act('suspend')).json().state).toBe('suspended');
    expect((await eventsOf(s.id, 'sentinel.suspended')).length).toBe(1);
    const refused = await asSentinel(s.token, 'POST', '/api/sentinel/leads', sighting);
    expect(refused.json().error.code).toBe('SENTINEL_NOT_APPROVED');
    expect((await asSentinel(s.token, 'GET', '/api/sentinel/leads')).statusCode).toBe(200);
    expect((await asSentinel(s.token, 'GET', '/api/sentinel/me')).json().state).toBe('suspended');
    expect((await act('reinstate')).json().state).toBe('approved');
    expect((await asSentinel(s.token, 'POST', '/api/sentinel/leads', sighting)).statusCode).toBe(201);
    expect((await act('reject')).json().error.code).toBe('INVALID_TRANSITION');
  });

  it('lists with the phone masked, pending first; the full number is a managed, audited read', async () => {
    const waiting = await buildSentinel(t.db, {
      state: 'pending',
      phone: '13900001111',
      displayName: '待审',
    });
    const res = await staff('dispatcher', 'GET', '/api/sentinels?pageSize=200');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(items.length);
    expect(items[0].state).toBe('pending');
    const row = items.find((s: { id: string }) => s.id === waiting.id);
    expect(row).toMatchObject({ phoneMasked: '139****1111', reportCount: 0, regionName: '浈江区' });
    expect(res.body).not.toContain('13900001111');
    expect(res.body).not.toContain('tokenHash');
    const pendingOnly = (await staff('dispatcher', 'GET', '/api/sentinels?state=pending')).json().items;
    expect(pendingOnly.every((s: { state: string }) => s.state === 'pending')).toBe(true);
    expect((await staff('wujiang', 'GET', '/api/sentinels')).json().items).toEqual([]);

    const url = `/api/sentinels/${waiting.id}/phone`;
    expect((await staff('dispatcher', 'GET', url)).json().error.code).toBe('FORBIDDEN');
    expect((await staff('wujiang', 'GET', url)).statusCode).toBe(404);
    const full = await staff('zhenjiang', 'GET', url);
    expect(full.json()).toEqual({ phone: '13900001111' });
    const [viewed] = await eventsOf(waiting.id, 'sentinel.phone_viewed');
    expect(viewed).toMatchObject({ regionCode: '440204', payload: { field: 'phone' } });
    expect(viewed!.actorId).not.toBeNull();
  });

  it('computes trust from how their reports turned out', async () => {
    const s = await buildSentinel(t.db);
    const dispatcher = await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' });
    for (let i = 0; i < 3; i++)
      await buildLead(t.db, { source: 'sentinel', sentinelId: s.id, state: 'resolved' });
    await buildLead(t.db, { source: 'sentinel', sentinelId: s.id, state: 'spam' });
    await buildLead(t.db, { source: 'sentinel', sentinelId: s.id, state: 'new' });
    // Closed after being helped still confirms; closed straight from the queue says nothing.
    const helpedThenClosed = await buildLead(t.db, { source: 'sentinel', sentinelId: s.id, state: 'closed' });
    const closedUnseen = await buildLead(t.db, { source: 'sentinel', sentinelId: s.id, state: 'closed' });
    for (const [l, from] of [
      [helpedThenClosed, 'resolved'],
      [closedUnseen, 'triaged'],
    ] as const) {
      await t.db.insert(event).values({
        id: crypto.randomUUID(),
        at: new Date(),
        actorId: dispatcher.id,
        action: 'lead.closed',
        entityType: 'lead',
        entityId: l.id,
        regionCode: l.regionCode,
        payload: { from, to: 'closed', source: 'sentinel' },
      });
    }
    const listed = (await staff('zhenjiang', 'GET', '/api/sentinels?state=approved&pageSize=200')).json()
      .items;
    // 4 confirmed, 1 not: Beta(2 + 4, 2 + 0.5) → 0.71.
    expect(listed.find((r: { id: string }) => r.id === s.id)).toMatchObject({
      reportCount: 7,
      trust: { score: 0.71, level: 'trusted' },
    });
    expect((await asSentinel(s.token, 'GET', '/api/sentinel/me')).json().trust).toEqual({
      score: 0.71,
      level: 'trusted',
    });
  });

  it('offers the city and its counties to register in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/sentinels/regions' });
    const { items } = res.json();
    expect(items[0]).toEqual({ code: '440200', name: '韶关市' });
    expect(items).toContainEqual({ code: '440204', name: '浈江区' });
    expect(items).toHaveLength(11);
  });

  it('refuses bad registrations with a code', async () => {
    const good = {
      displayName: '李骑手',
      phone: '13811112222',
      orgType: 'delivery_rider',
      regionCode: '440203',
    };
    const cases: [object, string][] = [
      [{ ...good, phone: '12345' }, 'VALIDATION_FAILED'],
      [{ ...good, orgType: 'astronaut' }, 'VALIDATION_FAILED'],
      [{ ...good, displayName: '' }, 'VALIDATION_FAILED'],
      [{ ...good, regionCode: '110101' }, 'VALIDATION_FAILED'], // outside the city served here
      [{ ...good, regionCode: '440204001' }, 'VALIDATION_FAILED'], // a township, not a county
      [{ ...good, regionCode: '440299' }, 'VALIDATION_FAILED'], // no such county
      [{ ...good, extra: true }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const res = await register(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const first = await register(good);
    expect(first.statusCode).toBe(201);
    const twice = await register({ ...good, displayName: '又一个' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('SENTINEL_PHONE_TAKEN');
    // Without a region the sentinel belongs to the city this service covers.
    const cityWide = await register({ ...good, phone: '13811113333', regionCode: undefined });
    const [row] = await t.db.select().from(sentinel).where(eq(sentinel.id, cityWide.json().sentinelId));
    expect(row!.regionCode).toBe('440200');

    const s = await buildSentinel(t.db);
    const bad = await asSentinel(s.token, 'POST', '/api/sentinel/leads', { descriptors: ['astronaut'] });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const nowhere = await asSentinel(s.token, 'POST', '/api/sentinel/leads', { descriptors: ['elderly'] });
    expect(nowhere.json().error.code).toBe('LOCATION_REQUIRED');
  });
});
