import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounter, event, person, supplyDiscrepancy } from '../../db/schema.ts';
import { buildLead, buildOrg, buildUser } from '../../testing/builders.ts';
import {
  buildSupplyItem,
  buildSupplyPlace,
  ledgerMismatches,
  stockOf,
} from '../../testing/supply-builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let teamId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ config: { FORECAST_MIN_TEMP_C: '-12' } });
  const make = async (
    name: string,
    role: 'dispatcher' | 'patrol_member' | 'station_staff' | 'bureau_admin',
    regionCode = '440204',
  ) => {
    const id = (await buildUser(t.db, { role, regionCode })).id;
    cookies[name] = await t.sessionFor(id);
    return id;
  };
  const patrol = await make('patrol', 'patrol_member');
  await make('dispatcher', 'dispatcher', '440200');
  await make('station', 'station_staff', '440200');
  teamId = (
    await buildTeam(t.db, { name: '街面救助测试队', regionCode: '440204', members: [{ userId: patrol }] })
  ).id;
  await make('bureau', 'bureau_admin', '440200');
});
afterAll(() => t.close());

const post = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
const spot = { lat: 24.8167, lng: 113.6102 };
const encounterBody = (over: object = {}) => ({ clientId: randomUUID(), ...spot, ...over });
const rows = async (table: typeof encounter | typeof person) =>
  (await t.db.select({ n: count() }).from(table))[0]!.n;

describe('encounters (街面救助)', () => {
  it('an unknown adult who refuses the station at −12 °C: onsite relief, items, a re-check within 2 h', async () => {
    const res = await post(
      'patrol',
      '/api/patrol/encounters',
      encounterBody({
        facts: ['refuses_station', 'thin_clothing'],
        sex: 'male',
        ageBand: 'middle_aged',
        itemsGiven: [
          { kind: 'warmth_kit', quantity: 1 },
          { kind: 'quilt', quantity: 1 },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      proposedCategory: 'onsite_relief',
      category: 'onsite_relief',
      overrideReason: null,
    });
    expect(e.person.tempNumber).toMatch(/^LS-440204-[0-9A-Z]{8}$/);
    expect(e.obligations.map((o: { code: string }) => o.code)).toEqual(
      expect.arrayContaining(['hand_out_items', 'help_card', 'leave_contact', 'schedule_follow_up']),
    );
    const due = new Date(e.followUpDueAt).getTime() - new Date(e.at).getTime();
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThanOrEqual(2 * 3_600_000);
    const events = await t.db.select().from(event).where(eq(event.entityId, e.id));
    expect(events.map((x) => x.action)).toEqual(['encounter.recorded']);

    // It is on the next shift's follow-up list until a re-check is recorded against it.
    const due1 = (await get('patrol', '/api/patrol/follow-ups'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(due1).toContain(e.id);
    const recheck = await post(
      'patrol',
      '/api/patrol/encounters',
      encounterBody({
        personId: e.person.id,
        followUpOf: e.id,
        facts: ['refuses_station'],
        ageBand: 'middle_aged',
      }),
    );
    expect(recheck.statusCode).toBe(201);
    expect(recheck.json().person.id).toBe(e.person.id);
    const due2 = (await get('patrol', '/api/patrol/follow-ups'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(due2).not.toContain(e.id);
  });

  it('a minor is protective and can never be left with onsite relief; a refused override stores nothing', async () => {
    const [e0, p0] = [await rows(encounter), await rows(person)];
    const refused = await post(
      'patrol',
      '/api/patrol/encounters',
      encounterBody({
        facts: ['minor', 'refuses_station'],
        category: 'onsite_relief',
        overrideReason: '孩子坚持不走',
      }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'OVERRIDE_REFUSED',
      details: { refusal: 'protected_never_onsite_relief', proposed: 'protective' },
    });
    expect([await rows(encounter), await rows(person)]).toEqual([e0, p0]);
    const ok = (
      await post('patrol', '/api/patrol/encounters', encounterBody({ facts: ['minor', 'refuses_station'] }))
    ).json();
    expect(ok.category).toBe('protective');
    expect(ok.obligations.map((o: { code: string }) => o.code)).toEqual(
      expect.arrayContaining(['police_escort', 'never_leave_on_street']),
    );
    expect(ok.followUpDueAt).toBeNull();
  });

  it('critically ill is medical first with 120; an override elsewhere is allowed with a reason and audited', async () => {
    const ill = (
      await post('patrol', '/api/patrol/encounters', encounterBody({ facts: ['critically_ill'] }))
    ).json();
    expect(ill.category).toBe('medical_first');
    expect(ill.obligations.map((o: { code: string }) => o.code)).toContain('call_120');

    const noReason = await post(
      'patrol',
      '/api/patrol/encounters',
      encounterBody({ facts: ['elderly'], category: 'transitional' }),
    );
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.details.refusal).toBe('reason_required');
    const overridden = await post(
      'patrol',
      '/api/patrol/encounters',
      encounterBody({
        facts: ['elderly'],
        category: 'transitional',
        overrideReason: '本人务工被骗，已有返乡车票',
      }),
    );
    expect(overridden.statusCode).toBe(201);
    expect(overridden.json()).toMatchObject({ proposedCategory: 'to_station', category: 'transitional' });
    const audit = await t.db.select().from(event).where(eq(event.entityId, overridden.json().id));
    expect(audit.map((x) => x.action).sort()).toEqual([
      'encounter.category_overridden',
      'encounter.recorded',
    ]);
  });

  it('validates a resident ID by its check digit, masks it, and links a second encounter to the same person', async () => {
    const bad = await post(
      'patrol',
      '/api/patrol/encounters',
      encounterBody({ identity: { residentId: '110105194912310021' } }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'RESIDENT_ID_INVALID',
      details: { reason: 'check_digit' },
    });

    const identity = { name: '王建国', residentId: '11010519491231002x', homeRegion: '北京市朝阳区' };
    const first = (await post('patrol', '/api/patrol/encounters', encounterBody({ identity }))).json();
    expect(first.person).toMatchObject({ name: '王建国', residentId: '110105********002X' });
    expect(first.ageBand).toBe('elderly');
    expect(JSON.stringify(first)).not.toContain('11010519491231002X');
    const second = (await post('patrol', '/api/patrol/encounters', encounterBody({ identity }))).json();
    expect(second.person.id).toBe(first.person.id);
    // Station staff see encounters in their jurisdiction, masked too.
    const seen = (await get('station', `/api/encounters/${first.id}`)).json();
    expect(seen.person.residentId).toBe('110105********002X');
  });

  it('links an encounter to the lead the team was sent to, on the lead’s timeline', async () => {
    const l = await buildLead(t.db, { regionCode: '440204', state: 'dispatched', ...spot });
    const e = (
      await post('patrol', '/api/patrol/encounters', encounterBody({ leadId: l.id, facts: ['elderly'] }))
    ).json();
    expect(e.leadId).toBe(l.id);
    const listed = (await get('dispatcher', `/api/encounters?leadId=${l.id}`)).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([e.id]);
    const timeline = (await get('dispatcher', `/api/leads/${l.id}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({
      action: 'lead.encounter_linked',
      payload: { encounterId: e.id },
    });
    const other = await buildLead(t.db, { regionCode: '440203' });
    const refused = await post('patrol', '/api/patrol/encounters', encounterBody({ leadId: other.id }));
    expect(refused.statusCode).toBe(404);
  });

  it('hands over: a pending arrival at the chosen station, a hospital referral for medical first, none for onsite relief', async () => {
    const station = await buildOrg(t.db, { regionCode: '440200', kind: 'station' });
    const hospital = await buildOrg(t.db, { regionCode: '440200', kind: 'hospital' });
    const toStation = (
      await post(
        'patrol',
        '/api/patrol/encounters',
        encounterBody({ facts: ['elderly'], handoverOrgId: station.id }),
      )
    ).json();
    expect(toStation.handover).toMatchObject({
      kind: 'station_arrival',
      orgId: station.id,
      state: 'pending',
    });
    const ill = (
      await post(
        'patrol',
        '/api/patrol/encounters',
        encounterBody({ facts: ['critically_ill'], handoverOrgId: hospital.id }),
      )
    ).json();
    expect(ill.handover).toMatchObject({ kind: 'hospital_referral', orgId: hospital.id });
    const stays = (
      await post('patrol', '/api/patrol/encounters', encounterBody({ facts: ['refuses_station'] }))
    ).json();
    expect(stays.handover).toBeNull();
    // A hospital is no station: refused, nothing stored.
    const before = await rows(encounter);
    const wrong = await post(
      'patrol',
      '/api/patrol/encounters',
      encounterBody({ facts: ['elderly'], handoverOrgId: hospital.id }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(await rows(encounter)).toBe(before);
    const pending = (await get('station', '/api/handovers?state=pending')).json().items;
    expect(pending.map((h: { encounter: { id: string } }) => h.encounter.id)).toEqual(
      expect.arrayContaining([toStation.id, ill.id]),
    );
    expect(pending.find((h: { encounter: { id: string } }) => h.encounter.id === toStation.id).orgName).toBe(
      station.name,
    );
  });

  it('stores an encounter replayed 100 times at once exactly once', async () => {
    const body = encounterBody({ facts: ['refuses_station'] });
    const before = await rows(encounter);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => post('patrol', '/api/patrol/encounters', body)),
    );
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await rows(encounter)).toBe(before + 1);
  });

  it('pages back in time with before: the encounters that happened earlier, newest first', async () => {
    const now = Date.parse((await post('patrol', '/api/patrol/encounters', encounterBody())).json().at);
    const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
    const older = (
      await post('patrol', '/api/patrol/encounters', encounterBody({ at: hoursAgo(20) }))
    ).json();
    const newer = (
      await post('patrol', '/api/patrol/encounters', encounterBody({ at: hoursAgo(19) }))
    ).json();
    const page = (await get('dispatcher', `/api/encounters?before=${encodeURIComponent(newer.at)}`)).json();
    const ids = page.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(older.id);
    expect(ids).not.toContain(newer.id);
    expect(page.items.every((e: { at: string }) => e.at < newer.at)).toBe(true);
    const bad = await get('dispatcher', '/api/encounters?before=yesterday');
    expect(bad.statusCode).toBe(400);
  });

  it('takes what was handed out off the team vehicle’s stock; beyond the book it is 账实不符, never refused', async () => {
    // Earlier encounters here already made the team's vehicle place (from nothing, all short).
    const placeId =
      (await get('bureau', `/api/supplies/teams/${teamId}/stock`)).json().placeId ??
      (await buildSupplyPlace(t.db, { kind: 'team_vehicle', teamId, regionCode: '440204' })).id;
    const vehicle = { id: placeId as string };
    const quilt = await buildSupplyItem(t.db, {
      name: `测试棉被${randomUUID().slice(0, 4)}`,
      supplyKind: 'quilt',
      unit: 'bedding',
    });
    const coat = await buildSupplyItem(t.db, {
      name: `测试棉衣${randomUUID().slice(0, 4)}`,
      supplyKind: 'coat',
    });
    const stocked = await post('bureau', '/api/supplies/receipts', {
      placeId: vehicle.id,
      lines: [
        { itemId: quilt.id, quantity: 2 },
        { itemId: coat.id, quantity: 1 },
      ],
    });
    expect(stocked.statusCode, stocked.body).toBe(201);
    const body = encounterBody({
      facts: ['refuses_station'],
      itemsGiven: [
        { kind: 'quilt', quantity: 1 },
        { kind: 'coat', quantity: 2 },
      ],
    });
    const res = await post('patrol', '/api/patrol/encounters', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(await stockOf(t.db, vehicle.id, quilt.id)).toBe(1);
    expect(await stockOf(t.db, vehicle.id, coat.id)).toBe(0);
    const short = await t.db
      .select()
      .from(supplyDiscrepancy)
      .where(eq(supplyDiscrepancy.encounterId, res.json().id));
    expect(short.map((d) => [d.supplyKind, d.quantity])).toEqual([['coat', 1]]);
    // The phone resending the same encounter takes nothing more.
    expect((await post('patrol', '/api/patrol/encounters', body)).statusCode).toBe(200);
    expect(await stockOf(t.db, vehicle.id, quilt.id)).toBe(1);
    expect(await ledgerMismatches(t.db)).toEqual([]);
    // The patrol member reads their own team's stock (the phone caches it for the night).
    const stock = (await get('patrol', `/api/supplies/teams/${teamId}/stock`)).json();
    expect(stock.items.find((i: { itemId: string }) => i.itemId === quilt.id).quantity).toBe(1);
  });

  it('refuses an encounter for a region outside the member’s jurisdiction', async () => {
    const before = await rows(encounter);
    const res = await post('patrol', '/api/patrol/encounters', encounterBody({ regionCode: '440203' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await rows(encounter)).toBe(before);
  });
});
