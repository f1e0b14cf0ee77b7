import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bedAssignment, event, handover, tracingTask } from '../../db/schema.ts';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { stayFormPdf } from './stay-forms.ts';

let t: TestApp;
const users: Record<string, string> = {};
let stationId: string;

const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: await t.sessionFor(users[who]!) }, payload });

beforeAll(async () => {
  t = await createTestApp();
  stationId = (await buildOrg(t.db, { kind: 'station', name: '测试救助管理站', regionCode: '440200' })).id;
  users.staff = (await buildUser(t.db, { role: 'station_staff', regionCode: '440200' })).id;
  users.bureau = (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440200' })).id;
  users.elsewhere = (await buildUser(t.db, { role: 'station_staff', regionCode: '440300' })).id;
  users.patrol = (await buildUser(t.db, { role: 'patrol_member', regionCode: '440204' })).id;
  await buildTeam(t.db, { name: '入站测试队', regionCode: '440204', members: [{ userId: users.patrol }] });
  const zones = await call('bureau', 'PUT', `/api/stations/${stationId}/zones`, {
    zones: [
      { kind: 'men', name: '男宿区', capacity: 12, prefix: '男' },
      { kind: 'women', name: '女宿区', capacity: 10, prefix: '女' },
      { kind: 'minors', name: '未成年人区', capacity: 2, prefix: '未' },
      { kind: 'medical', name: '医疗观察区', capacity: 1, prefix: '医' },
    ],
  });
  expect(zones.statusCode).toBe(204);
});
afterAll(() => t.close());

const arrive = (over: object = {}) =>
  call('staff', 'POST', '/api/stays', { orgId: stationId, arrivalKind: 'walk_in', sex: 'male', ...over });
const admitBody = (over: object = {}) => ({
  sex: 'male',
  age: 45,
  reasonForHelp: '务工不着，身无分文',
  ...over,
});
const admitted = async (over: object = {}) => {
  const s = (await arrive()).json();
  const res = await call('staff', 'POST', `/api/stays/${s.id}/admit`, admitBody(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('rescue station: arrival and triage', () => {
  it('a walk-in is registered and admitted: belongings held with a receipt, a bed in the men’s zone, 10 days', async () => {
    const s = (await arrive({ name: '李建设', age: 45 })).json();
    expect(s).toMatchObject({
      state: 'arrived',
      arrivalKind: 'walk_in',
      triage: { route: 'admit' },
      bed: null,
    });
    expect(s.person.tempNumber).toMatch(/^LS-440200-/);
    const res = await call(
      'staff',
      'POST',
      `/api/stays/${s.id}/admit`,
      admitBody({
        belongings: [
          { item: '手机', quantity: 1 },
          { item: '现金（元）', quantity: 35 },
        ],
        refusedItems: [{ item: '水果刀', quantity: 1 }],
        name: '李建设',
        homeRegion: '湖南省郴州市',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    // What the registration learnt is on the person's record, found by pinyin too.
    expect((await call('staff', 'GET', `/api/persons/${res.json().person.id}`)).json()).toMatchObject({
      name: '李建设',
      homeRegion: '湖南省郴州市',
    });
    const a = res.json();
    expect(a).toMatchObject({
      state: 'admitted',
      day: 1,
      allowedDays: 10,
      longStay: false,
      bed: { zoneKind: 'men', label: '男-01' },
    });
    expect(a.receiptNumber).toMatch(/^BG-/);
    expect(a.belongings.map((b: { item: string; state: string }) => [b.item, b.state])).toEqual([
      ['手机', 'held'],
      ['现金（元）', 'held'],
      ['水果刀', 'refused'],
    ]);
  });

  it('medical facts send to hospital and police facts to the police: never a bed', async () => {
    const hurt = (await arrive({ triageFacts: ['visible_injury', 'suspected_fugitive'] })).json();
    expect(hurt).toMatchObject({ state: 'referred_out', triage: { route: 'hospital', notifyPolice: true } });
    const admit = await call('staff', 'POST', `/api/stays/${hurt.id}/admit`, admitBody());
    expect(admit.statusCode).toBe(409);
    expect(admit.json().error.code).toBe('STAY_STATE');
    const drugs = (await arrive({ triageFacts: ['suspected_drug_use'] })).json();
    expect(drugs.triage).toEqual({ facts: ['suspected_drug_use'], route: 'police', notifyPolice: true });
    const referred = (await call('staff', 'GET', '/api/stays?view=referred'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(referred).toEqual(expect.arrayContaining([hurt.id, drugs.id]));
  });

  it('receives a patrol’s hand-over once: the person comes with it, the hand-over is received', async () => {
    const patrol = await call('patrol', 'POST', '/api/patrol/encounters', {
      clientId: randomUUID(),
      lat: 24.81,
      lng: 113.6,
      facts: [],
      sex: 'male',
      ageBand: 'middle_aged',
      identity: { name: '周福生' },
      handoverOrgId: stationId,
    });
    expect(patrol.statusCode, patrol.body).toBe(201);
    const handoverId = patrol.json().handover.id;
    const [one, two] = await Promise.all([
      call('staff', 'POST', '/api/stays', { orgId: stationId, handoverId, sex: 'male' }),
      call('staff', 'POST', '/api/stays', { orgId: stationId, handoverId, sex: 'male' }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([201, 404]);
    const stay = (one.statusCode === 201 ? one : two).json();
    expect(stay).toMatchObject({
      arrivalKind: 'handover',
      person: { id: patrol.json().person.id, name: '周福生' },
    });
    const [h] = await t.db.select().from(handover).where(eq(handover.id, handoverId));
    expect(h!.state).toBe('received');
  });

  it('refuses a station outside the jurisdiction and an arrival without a kind', async () => {
    const far = await call('elsewhere', 'POST', '/api/stays', { orgId: stationId, arrivalKind: 'walk_in' });
    expect(far.statusCode).toBe(404);
    const none = await call('staff', 'POST', '/api/stays', { orgId: stationId });
    expect(none.statusCode).toBe(400);
    const s = (await arrive()).json();
    expect((await call('elsewhere', 'GET', `/api/stays/${s.id}`)).statusCode).toBe(404);
  });
});

describe('rescue station: beds', () => {
  it('50 concurrent intakes for 10 free beds: exactly 10 assigned, no bed twice, the zone never overfills', async () => {
    const arrivals = await Promise.all(Array.from({ length: 50 }, () => arrive({ sex: 'female' })));
    const ids = arrivals.map((a) => a.json().id as string);
    const answers = await Promise.all(
      ids.map(async (id) =>
        call('staff', 'POST', `/api/stays/${id}/admit`, admitBody({ sex: 'female', age: 33 })),
      ),
    );
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok).toHaveLength(10);
    expect(
      answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'ZONE_FULL'),
    ).toBe(true);
    expect(new Set(ok.map((a) => a.json().bed.id)).size).toBe(10);
    const board = (await call('staff', 'GET', '/api/stations/beds')).json();
    expect(board.stations[0].zones.map((z: { kind: string }) => z.kind)).toEqual([
      'men',
      'women',
      'minors',
      'medical',
    ]);
    const women = board.stations[0].zones.find((z: { kind: string }) => z.kind === 'women');
    expect(women).toMatchObject({ capacity: 10, occupied: 10 });
    const open = await t.db.select().from(bedAssignment).where(isNull(bedAssignment.untilAt));
    expect(new Set(open.map((o) => o.bedId)).size).toBe(open.length);
  });

  it('moves to a free bed, refuses a taken one, and a zone cannot shrink below who is in it', async () => {
    const a = await admitted();
    const b = await admitted();
    const taken = await call('staff', 'POST', `/api/stays/${a.id}/bed`, { bedId: b.bed.id });
    expect(taken.json().error.code).toBe('BED_TAKEN');
    const board = (await call('staff', 'GET', '/api/stations/beds')).json();
    const free = board.stations[0].zones
      .find((z: { kind: string }) => z.kind === 'men')
      .beds.find((x: { stayId: string | null }) => !x.stayId);
    const moved = await call('staff', 'POST', `/api/stays/${a.id}/bed`, { bedId: free.id });
    expect(moved.json().bed.id).toBe(free.id);
    const shrink = await call('bureau', 'PUT', `/api/stations/${stationId}/zones`, {
      zones: [{ kind: 'men', name: '男宿区', capacity: 1, prefix: '男' }],
    });
    expect(shrink.json().error.code).toBe('ZONE_OCCUPIED');
  });
});

describe('rescue station: care, limits and discharge', () => {
  it('a 15-year-old goes to the minors’ zone, has no 10-day limit, and never leaves alone', async () => {
    const m = await admitted({ age: 15 });
    expect(m).toMatchObject({ bed: { zoneKind: 'minors' }, allowedDays: null });
    const alone = await call('staff', 'POST', `/api/stays/${m.id}/discharge`, {
      type: 'self_departure',
      details: { declarationSigned: true },
    });
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error).toMatchObject({
      code: 'DISCHARGE_REFUSED',
      details: { refusal: 'minor_self_discharge' },
    });
    const badId = await call('staff', 'POST', `/api/stays/${m.id}/discharge`, {
      type: 'family_collection',
      details: { collectorName: '王丽', collectorResidentId: '110105194912310021', relation: '母亲' },
    });
    expect(badId.json().error.details.refusal).toBe('collector_id');
    const home = await call('staff', 'POST', `/api/stays/${m.id}/discharge`, {
      type: 'family_collection',
      details: { collectorName: '王丽', collectorResidentId: '11010519491231002X', relation: '母亲' },
    });
    expect(home.statusCode, home.body).toBe(200);
    expect(home.json()).toMatchObject({ state: 'discharged', dischargeType: 'family_collection', bed: null });
  });

  it('records the five basics; identity unknown opens tracing; belongings go back at discharge', async () => {
    const s = await admitted({ identityUnknown: true, belongings: [{ item: '身份证复印件', quantity: 1 }] });
    expect(s.tracing).toMatchObject({ state: 'open' });
    const tasks = await t.db.select().from(tracingTask).where(eq(tracingTask.stayId, s.id));
    expect(tasks).toHaveLength(1);
    for (const kind of ['bath', 'clothes', 'haircut', 'meal'])
      expect((await call('staff', 'POST', `/api/stays/${s.id}/care`, { kind })).statusCode).toBe(200);
    const d = (await call('staff', 'GET', `/api/stays/${s.id}`)).json();
    expect(d.basicsDone).toEqual(['bath', 'clothes', 'haircut']);
    const bad = await call('staff', 'POST', `/api/stays/${s.id}/care`, { kind: 'massage' });
    expect(bad.statusCode).toBe(400);
    const out = await call('staff', 'POST', `/api/stays/${s.id}/discharge`, {
      type: 'return_home_ticket',
      details: { destination: '湖南省郴州市', ticket: 'K9063 韶关—郴州' },
    });
    expect(out.json().belongings[0].state).toBe('returned');
  });

  it('past 10 days a stay is long; an extension needs stay.approve and moves the limit', async () => {
    const s = await admitted();
    t.clock.advance(11 * 86_400_000);
    try {
      const listed = await call('staff', 'GET', '/api/stays?view=long');
      expect(listed.statusCode, listed.body).toBe(200);
      const long = listed.json().items.find((x: { id: string }) => x.id === s.id);
      expect(long).toMatchObject({ day: 12, longStay: true, overstay: true, allowedDays: 10 });
      const staff = await call('staff', 'POST', `/api/stays/${s.id}/extensions`, {
        days: 5,
        reason: '等待家属来接',
      });
      expect(staff.statusCode).toBe(403);
      const ok = await call('bureau', 'POST', `/api/stays/${s.id}/extensions`, {
        days: 5,
        reason: '等待家属来接',
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ allowedDays: 15, overstay: false, longStay: true });
    } finally {
      t.clock.advance(-11 * 86_400_000);
    }
  });

  it('a self-departure needs the signed declaration', async () => {
    const s = await admitted();
    const unsigned = await call('staff', 'POST', `/api/stays/${s.id}/discharge`, {
      type: 'self_departure',
      details: {},
    });
    expect(unsigned.json().error.details).toMatchObject({
      refusal: 'missing_detail',
      field: 'declarationSigned',
    });
    const signed = await call('staff', 'POST', `/api/stays/${s.id}/discharge`, {
      type: 'self_departure',
      details: { declarationSigned: true },
    });
    expect(signed.json().state).toBe('discharged');
    const again = await call('staff', 'POST', `/api/stays/${s.id}/discharge`, {
      type: 'self_departure',
      details: { declarationSigned: true },
    });
    expect(again.json().error.code).toBe('STAY_STATE');
    const still = await t.db
      .select()
      .from(bedAssignment)
      .where(and(eq(bedAssignment.stayId, s.id), isNull(bedAssignment.untilAt)));
    expect(still).toHaveLength(0);
  });
});

describe('rescue station: printed forms', () => {
  it('prints the three forms as PDF with the CJK font embedded, each print audited', async () => {
    const s = await admitted({ name: '表单测试', belongings: [{ item: '手机', quantity: 1 }] });
    for (const [form, title] of [
      ['registration', '求助登记表'],
      ['self_departure', '自行离站声明书'],
      ['service', '在站服务及离站登记表'],
    ] as const) {
      const res = await call('staff', 'GET', `/api/stays/${s.id}/forms/${form}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.rawPayload.toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(title));
      expect(pdf).toContain('/Title');
      expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJK/);
      // Only the glyphs used are embedded: a form is tens of KB, not the 19 MB font.
      expect(res.rawPayload.length).toBeLessThan(400_000);
    }
    const printed = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, s.id), eq(event.action, 'stay.form_printed')));
    expect(printed).toHaveLength(3);
    expect((await call('staff', 'GET', `/api/stays/${s.id}/forms/letter`)).statusCode).toBe(400);
    expect((await call('elsewhere', 'GET', `/api/stays/${s.id}/forms/registration`)).statusCode).toBe(404);
  });

  it('says so in the catalogue’s words when the server has no CJK font', async () => {
    const s = (await call('staff', 'GET', `/api/stays/${(await admitted()).id}`)).json();
    await expect(
      stayFormPdf('registration', s, { path: '/nonexistent/font.ttc', name: 'x' }),
    ).rejects.toMatchObject({
      code: 'PDF_FONT_MISSING',
    });
  });
});
