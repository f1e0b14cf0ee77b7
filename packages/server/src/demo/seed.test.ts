import {
  dischargeTypes,
  type HotspotRisk,
  hotspotCoverage,
  SPAM_MODEL_VERSION,
  SPAM_QUARANTINE_THRESHOLD,
  shelterHostKinds,
  shelterKinds,
  usernameSchema,
} from '@warmline/domain';

import { count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUser,
  bedAssignment,
  dispatch,
  encounter,
  event,
  handover,
  hotspot,
  hotspotCheckin,
  lead,
  org,
  person,
  sentinel,
  shelter,
  shelterCount,
  stationBed,
  stationZone,
  stay,
  stayExtension,
  supplyMovement,
  team,
  teamMember,
  tracingTask,
} from '../db/schema.ts';
import { screeningTally, spamDecisions } from '../modules/leads/spam-decisions.ts';
import { fixedClock } from '../platform/clock.ts';
import { createEventRecorder } from '../platform/events.ts';
import { uuidV7Ids } from '../platform/ids.ts';
import { ledgerMismatches } from '../testing/supply-builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { DEMO_CITY, DEMO_PASSWORD, demoOrgs, demoUsers } from './demo-city.ts';
import { demoSentinels } from './demo-sentinels.ts';
import { isDatabaseEmpty, isDemoDatabase, seedDemo } from './seed.ts';

/** The demo city loaded into a fresh database, then used through the real app. */
let t: TestApp;
let demoBefore: boolean;
let emptyBefore: boolean;
const seededAt = new Date('2026-11-01T08:00:00+08:00');

beforeAll(async () => {
  t = await createTestApp();
  demoBefore = await isDemoDatabase(t.db);
  emptyBefore = await isDatabaseEmpty(t.db);
  const clock = fixedClock(seededAt);
  await seedDemo({
    db: t.db,
    clock,
    ids: uuidV7Ids,
    recordEvent: createEventRecorder({ clock, ids: uuidV7Ids }),
  });
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('marks the database as a demo one only once seeded', async () => {
    expect(demoBefore).toBe(false);
    expect(emptyBefore).toBe(true);
    expect(await isDemoDatabase(t.db)).toBe(true);
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    const [users] = await t.db.select({ n: count() }).from(appUser);
    const [orgs] = await t.db.select({ n: count() }).from(org);
    expect(users!.n).toBe(demoUsers.length);
    expect(orgs!.n).toBe(demoOrgs.length);
  });

  it('has 韶关市救助管理站 with 114 beds, and beds only at stations', async () => {
    const [station] = await t.db.select().from(org).where(eq(org.name, '韶关市救助管理站'));
    expect(station).toMatchObject({ kind: 'station', bedCount: 114, regionCode: '440204' });
    const rows = await t.db.select().from(org);
    for (const o of rows) {
      if (o.kind !== 'station') expect(o.bedCount, o.name).toBeNull();
      expect(o.regionCode.startsWith(DEMO_CITY.slice(0, 4)), o.name).toBe(true);
      expect(o.createdAt.getTime()).toBe(seededAt.getTime());
    }
  });

  it('every demo user signs in with the demo password, with the right role and region', async () => {
    expect(demoUsers.length).toBeGreaterThan(5);
    for (const u of demoUsers) {
      expect(usernameSchema.safeParse(u.username).success, u.username).toBe(true);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: DEMO_PASSWORD },
      });
      expect(login.statusCode, `${u.username}: ${login.body}`).toBe(200);
      const cookie = `wl_session=${login.cookies.find((c) => c.name === 'wl_session')!.value}`;
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json(), u.username).toMatchObject({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        regionCode: u.regionCode,
      });
      const expectedOrg = u.org ? demoOrgs.find((o) => o.key === u.org)!.name : null;
      expect(me.json().orgName, u.username).toBe(expectedOrg);
    }
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: demoUsers[0]!.username, password: 'not-the-demo-password' },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('the demo city admin sees the demo city through the API', async () => {
    const admin = demoUsers.find((u) => u.role === 'bureau_admin' && u.regionCode === DEMO_CITY)!;
    const [row] = await t.db.select().from(appUser).where(eq(appUser.username, admin.username));
    const cookie = await t.sessionFor(row!.id);
    const orgs = await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } });
    expect(
      orgs
        .json()
        .items.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(demoOrgs.map((o) => o.name).sort());
    const users = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=200', headers: { cookie } });
    // Everyone but the national system admin is inside the city.
    expect(users.json().total).toBe(demoUsers.filter((u) => u.regionCode.startsWith('4402')).length);
    for (const u of users.json().items as { username: string; phoneMasked: string | null }[]) {
      const phone = demoUsers.find((d) => d.username === u.username)!.phone;
      expect(u.phoneMasked, u.username).toBe(phone ? `${phone.slice(0, 3)}****${phone.slice(7)}` : null);
    }
  });

  it('seeds one API key per partner platform; the 110 one is demo-partner-110', async () => {
    for (const [key, source] of [
      ['demo-partner-110', 'police_110'],
      ['demo-partner-grid', 'city_grid'],
      ['demo-partner-video', 'video'],
      ['demo-partner-drone', 'drone'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/partner/leads',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': `seed-test-${key}` },
        payload: { descriptors: ['group'], address: '韶关市区' },
      });
      expect(res.statusCode, key).toBe(201);
      const [row] = await t.db.select().from(lead).where(eq(lead.trackingCode, res.json().trackingCode));
      expect(row!.source).toBe(source);
    }
  });

  it('has a fortnight of leads, each with the events that made it what it is, at the time', async () => {
    // Leads the partner-key test above posted are not part of the seed; sentinels' have their own test.
    const all = (await t.db.select().from(lead)).filter(
      (l) => l.partnerKeyId === null && l.sentinelId === null,
    );
    // Sixty in the fortnight, and the season's (demo-season-leads.ts) on top.
    expect(all.length).toBeGreaterThanOrEqual(60);
    const states = new Set(all.map((l) => l.state));
    for (const s of ['new', 'triaged', 'resolved', 'not_found', 'spam']) expect(states).toContain(s);
    expect(new Set(all.map((l) => l.source)).size).toBeGreaterThanOrEqual(5);
    const events = await t.db.select().from(event).where(eq(event.entityType, 'lead')).orderBy(event.seq);
    for (const l of all) {
      // The encounter a lead led to shows on its timeline too; the lead's own steps are these.
      const own = events.filter((e) => e.entityId === l.id && e.action !== 'lead.encounter_linked');
      const received = own.find((e) => e.action === 'lead.received');
      expect(received?.at.getTime(), l.trackingCode).toBe(l.receivedAt.getTime());
      // A worked lead went through a team, in order, each step after the one before.
      if (l.state === 'resolved' || l.state === 'not_found') {
        const outcome = l.state === 'resolved' ? 'lead.resolved' : 'lead.not_found';
        // …after a restore, when the screening had held it at intake.
        const heldAtIntake = (own[0]!.payload as { state?: string }).state === 'spam';
        expect(own.map((e) => e.action)).toEqual([
          'lead.received',
          ...(heldAtIntake ? ['lead.restored'] : []),
          'lead.dispatched',
          'lead.accepted',
          'lead.on_scene',
          outcome,
        ]);
        for (let i = 1; i < own.length; i++) expect(own[i]!.at >= own[i - 1]!.at, l.trackingCode).toBe(true);
        const [d] = await t.db.select().from(dispatch).where(eq(dispatch.leadId, l.id));
        expect(d).toMatchObject({
          state: 'completed',
          outcome: l.state === 'resolved' ? 'helped' : 'not_found',
        });
      }
      // In quarantine by the screening at intake, or by a dispatcher afterwards.
      if (l.state === 'spam')
        expect(
          own.some((e) => e.action === 'lead.quarantined') ||
            (own[0]!.payload as { state?: string }).state === 'spam',
          l.trackingCode,
        ).toBe(true);
    }
  });

  it('screens every lead from the public form as intake does, and gives the spam export both verdicts', async () => {
    const seeded = (await t.db.select().from(lead)).filter(
      (l) => l.partnerKeyId === null && l.sentinelId === null,
    );
    const publicLeads = seeded.filter((l) => l.source === 'public');
    expect(publicLeads.length).toBeGreaterThan(3);
    for (const l of seeded) expect(l.spamScore !== null, l.trackingCode).toBe(l.source === 'public');
    // Intake's verdict is the score's, recorded as intake records it; a dispatcher's hand shows
    // where the two part: a held report restored, junk let through and then quarantined.
    const events = await t.db.select().from(event).where(eq(event.entityType, 'lead'));
    for (const l of publicLeads) {
      const own = events.filter((e) => e.entityId === l.id);
      const received = own.find((e) => e.action === 'lead.received')!.payload as Record<string, unknown>;
      const held = l.spamScore! >= SPAM_QUARANTINE_THRESHOLD;
      expect(received, l.description ?? '').toMatchObject({
        state: held ? 'spam' : 'new',
        spamScore: l.spamScore,
        spamModel: SPAM_MODEL_VERSION,
      });
      const hand = own.filter((e) => e.actorId !== null && /^lead\.(quarantined|restored)$/.test(e.action));
      expect(
        hand.map((e) => e.action),
        l.description ?? '',
      ).toEqual(held === (l.state === 'spam') ? [] : [held ? 'lead.restored' : 'lead.quarantined']);
    }
    const [tally] = await screeningTally(t.db, DEMO_CITY, new Date('2020-01-01'));
    expect(tally).toMatchObject({ model: SPAM_MODEL_VERSION });
    for (const k of ['held', 'restored', 'missed', 'passed'] as const)
      expect(tally![k], k).toBeGreaterThan(0);
    const decisions = await spamDecisions(t.db, DEMO_CITY, new Date('2020-01-01'));
    expect(decisions.spam.length).toBeGreaterThan(0);
    expect(decisions.genuine.length).toBeGreaterThan(0);
    // The reporter's call-back number is no part of the text the corpus gets.
    const phones = publicLeads.flatMap((l) => l.reporterPhone ?? []);
    for (const line of [...decisions.genuine, ...decisions.spam])
      for (const p of phones) expect(line).not.toContain(p);
  });

  it('has joint patrol teams with members from several departments; patrol1 leads one', async () => {
    const teams = await t.db.select().from(team);
    expect(teams.length).toBeGreaterThanOrEqual(6);
    const members = await t.db.select().from(teamMember);
    expect(new Set(members.map((m) => m.department)).size).toBeGreaterThanOrEqual(4);
    const [patrol1] = await t.db.select().from(appUser).where(eq(appUser.username, 'patrol1'));
    expect(members.find((m) => m.userId === patrol1!.id)).toMatchObject({ isLeader: true });
    const created = await t.db.select().from(event).where(eq(event.action, 'team.created'));
    expect(created.map((e) => e.entityId).sort()).toEqual(teams.map((x) => x.id).sort());
  });

  it('has hotspots with a week of check-ins: covered, due, overdue and never visited, each visit an event', async () => {
    const spots = await t.db.select().from(hotspot);
    expect(spots.length).toBeGreaterThanOrEqual(10);
    const states = new Set(
      spots.map((h) => hotspotCoverage(h.risk as HotspotRisk, h.lastVisitedAt, seededAt).state),
    );
    expect([...states].sort()).toEqual(['due_soon', 'never', 'ok', 'overdue']);
    const checkins = await t.db.select().from(hotspotCheckin);
    const visited = await t.db
      .select({ n: count() })
      .from(event)
      .where(eq(event.action, 'hotspot.checked_in'));
    expect(visited[0]!.n).toBe(checkins.length);
    // "Last visited" is the latest check-in within reach, never a flagged one.
    for (const h of spots) {
      const valid = checkins.filter((c) => c.hotspotId === h.id && !c.tooFar).map((c) => c.at.getTime());
      expect(h.lastVisitedAt?.getTime() ?? null).toBe(valid.length ? Math.max(...valid) : null);
    }
  });

  it('has encounters of every category by the rules, a person met three times, and a re-check due tonight', async () => {
    const rows = await t.db.select().from(encounter);
    expect(new Set(rows.map((e) => e.category)).size).toBe(6);
    expect(rows.every((e) => e.category === e.proposedCategory)).toBe(true);
    const byPerson = new Map<string, number>();
    for (const e of rows) byPerson.set(e.personId, (byPerson.get(e.personId) ?? 0) + 1);
    expect(Math.max(...byPerson.values())).toBe(3);
    const open = rows.filter((e) => e.followUpDueAt && !rows.some((r) => r.followUpOf === e.id));
    expect(open.some((e) => e.followUpDueAt!.getTime() < seededAt.getTime() + 12 * 3_600_000)).toBe(true);
    const recorded = await t.db
      .select({ n: count() })
      .from(event)
      .where(eq(event.action, 'encounter.recorded'));
    expect(recorded[0]!.n).toBe(rows.length);
    // Everyone taken in has a pending hand-over: to the station, or to the hospital first.
    const handovers = await t.db.select().from(handover);
    const takenIn = rows.filter((e) =>
      ['to_station', 'protective', 'assist_first', 'medical_first'].includes(e.category),
    );
    expect(handovers.map((h) => h.encounterId).sort()).toEqual(takenIn.map((e) => e.id).sort());
    const [wang] = await t.db.select().from(person).where(eq(person.name, '王建国'));
    expect(wang).toMatchObject({ residentId: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it('has a week of night shifts whose check-ins and track come from the records, and counts trips from them', async () => {
    const admin = await t.login('shaoguan', DEMO_PASSWORD);
    const res = await t.app.inject({ method: 'GET', url: '/api/shifts', headers: { cookie: admin } });
    const { items, totals } = res.json();
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(totals.staffTrips).toBe(
      items.reduce((n: number, s: { members: unknown[] }) => n + s.members.length, 0),
    );
    const busy = items.find((s: { checkins: number }) => s.checkins > 0);
    const track = await t.app.inject({
      method: 'GET',
      url: `/api/shifts/${busy.id}/track`,
      headers: { cookie: admin },
    });
    expect(track.json().items.length).toBe(busy.checkins);
  });

  it('has a season of supplies: balances are the ledger, donations, items under their threshold and a 账实不符', async () => {
    expect(await ledgerMismatches(t.db)).toEqual([]);
    const keeper = await t.login('keeper1', DEMO_PASSWORD);
    const get = async (url: string) =>
      (await t.app.inject({ method: 'GET', url, headers: { cookie: keeper } })).json();
    const places = (await get('/api/supplies/places')).items as {
      name: string;
      kind: string;
      totalQuantity: number;
    }[];
    expect(places.map((p) => p.name)).toEqual(
      expect.arrayContaining(['韶关市救助物资仓库', '韶关市救助管理站物资库', '浈江区联合救助一队巡查车']),
    );
    expect(places.filter((p) => p.kind === 'team_vehicle').every((p) => p.totalQuantity > 0)).toBe(true);
    const donors = (await get('/api/supplies/donations')).items.map(
      (d: { donor: { name: string } }) => d.donor.name,
    );
    expect(donors).toEqual(expect.arrayContaining(['韶关市慈善总会', '韶关市丹霞食品有限公司']));
    const alerts = await get('/api/supplies/alerts');
    expect(alerts.lowStock).toContainEqual(
      expect.objectContaining({ placeName: '韶关市救助物资仓库', itemName: '感冒药', low: true }),
    );
    expect(alerts.lowStock.some((r: { placeKind: string }) => r.placeKind === 'team_vehicle')).toBe(true);
    expect(alerts.discrepancies).toContainEqual(
      expect.objectContaining({ placeName: '武江区联合救助队巡查车', supplyKind: 'quilt' }),
    );
    // Every encounter that handed something out is booked from its team's vehicle, at its time;
    // the rest is the station's store handing out to a stay.
    const handedOut = (await t.db.select().from(encounter)).filter((e) => (e.itemsGiven as unknown[]).length);
    const distributed = await t.db.select().from(supplyMovement).where(eq(supplyMovement.kind, 'distribute'));
    const booked = distributed.filter((m) => m.encounterId !== null);
    expect(booked.map((m) => m.encounterId).sort()).toEqual(handedOut.map((e) => e.id).sort());
    expect(distributed.filter((m) => m.encounterId === null).every((m) => m.stayId !== null)).toBe(true);
    for (const m of booked)
      expect(m.at.getTime()).toBe(handedOut.find((e) => e.id === m.encounterId)!.at.getTime());
    const events = await t.db
      .select({ n: count() })
      .from(event)
      .where(eq(event.action, 'supply.distributed'));
    expect(events[0]!.n).toBe(distributed.length);
  });

  it('has duty rosters for the city bureau and station, a leader each past day, gaps in the coming week', async () => {
    const [admin] = await t.db.select().from(appUser).where(eq(appUser.username, 'shaoguan'));
    const cookie = await t.sessionFor(admin!.id);
    const get = async (url: string) =>
      (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    const past = await get('/api/duty/roster?from=2026-10-18&to=2026-10-31');
    expect(past.assignments.length).toBe(14 * 4);
    expect(past.gaps).toEqual([]);
    const ahead = await get('/api/duty/gaps?from=2026-11-01&to=2026-11-15');
    expect(ahead.items.map((g: { day: string; slot: string }) => `${g.day} ${g.slot}`)).toEqual([
      '2026-11-02 night',
      '2026-11-06 leader',
    ]);
    const [station] = await t.db.select().from(org).where(eq(org.name, '韶关市救助管理站'));
    const stationGaps = await get(`/api/duty/gaps?orgId=${station!.id}&from=2026-10-18&to=2026-11-15`);
    expect(stationGaps.items.map((g: { day: string; slot: string }) => `${g.day} ${g.slot}`)).toEqual([
      '2026-11-04 night',
    ]);
    const notes = (await get('/api/duty/handovers')).items;
    expect(notes).toHaveLength(3);
    expect(notes[0].acknowledgedAt).toBeNull();
    expect(notes[1].acknowledgedByName).toEqual(expect.any(String));
    // The gap check told the city's bureau admin of the open night shift ahead (the rest of the
    // bell is the winter's responses: proposals and overdue tasks).
    const told = (await get('/api/notifications')).items.map((n: { title: string }) => n.title) as string[];
    expect(told.filter((title) => title.startsWith('值班缺岗'))).toEqual([
      '值班缺岗：2026-11-02 00:00–08:00',
    ]);
  });

  it('writes an org.created or user.created event for every seeded org and user', async () => {
    const orgs = await t.db.select().from(org);
    const users = await t.db.select().from(appUser);
    const created = (await t.db.select().from(event).where(eq(event.requestId, 'demo-seed'))).filter(
      (e) => e.action === 'org.created' || e.action === 'user.created',
    );
    expect(created).toHaveLength(orgs.length + users.length);
    for (const o of orgs) {
      const e = created.filter((c) => c.entityId === o.id);
      expect(e, o.name).toHaveLength(1);
      expect(e[0]).toMatchObject({
        action: 'org.created',
        entityType: 'org',
        regionCode: o.regionCode,
        actorId: null,
      });
      expect(e[0]!.payload).toEqual({ kind: o.kind });
    }
    for (const u of users) {
      const e = created.filter((c) => c.entityId === u.id);
      expect(e, u.username).toHaveLength(1);
      expect(e[0]).toMatchObject({
        action: 'user.created',
        entityType: 'user',
        regionCode: u.regionCode,
        actorId: null,
      });
      expect(e[0]!.payload).toEqual({ role: u.role });
      expect(JSON.stringify(e[0])).not.toContain(DEMO_PASSWORD);
    }
    expect(created.every((e) => e.at.getTime() === seededAt.getTime())).toBe(true);
  });

  it('has sentinels whose README tokens work, approved by their county, with their reports and events', async () => {
    const rows = await t.db.select().from(sentinel);
    expect(rows.map((r) => r.state).sort()).toEqual(['approved', 'approved', 'pending']);
    const sweeper = demoSentinels[0]!;
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/sentinel/me',
      headers: { authorization: `Sentinel ${sweeper.token}` },
    });
    expect(me.json()).toMatchObject({
      displayName: sweeper.displayName,
      orgType: 'sanitation',
      state: 'approved',
    });
    const reports = await t.app.inject({
      method: 'GET',
      url: '/api/sentinel/leads',
      headers: { authorization: `Sentinel ${sweeper.token}` },
    });
    expect(reports.json().items.map((r: { status: string }) => r.status)).toEqual([
      'received',
      'closed',
      'closed',
      'closed',
    ]);
    const events = await t.db.select().from(event).where(eq(event.entityType, 'sentinel'));
    for (const r of rows) {
      const own = events.filter((e) => e.entityId === r.id).map((e) => e.action);
      expect(own).toEqual(
        r.state === 'approved' ? ['sentinel.registered', 'sentinel.approved'] : ['sentinel.registered'],
      );
    }
    const leads = (await t.db.select().from(lead)).filter((l) => l.sentinelId !== null);
    expect(leads.every((l) => l.source === 'sentinel')).toBe(true);
    expect(leads).toHaveLength(demoSentinels.flatMap((s) => s.reports).length);
  });

  it('has a station season: zones as big as the beds, people in now (one past 10 days on an extension), discharges by the rules', async () => {
    const zones = await t.db.select().from(stationZone);
    const beds = await t.db.select().from(stationBed);
    expect(beds).toHaveLength(zones.reduce((n, z) => n + z.capacity, 0));
    expect(zones.filter((z) => z.orgId === zones[0]!.orgId).reduce((n, z) => n + z.capacity, 0)).toBe(114);
    const stays = await t.db.select().from(stay);
    const by = (state: string) => stays.filter((s) => s.state === state);
    expect(by('arrived')).toHaveLength(1);
    expect(by('admitted').length).toBeGreaterThanOrEqual(5);
    expect(by('referred_out')).toHaveLength(1);
    // A season of stays with every discharge type.
    expect(new Set(by('discharged').map((s) => s.dischargeType))).toEqual(new Set(dischargeTypes));
    const open = await t.db.select().from(bedAssignment).where(isNull(bedAssignment.untilAt));
    expect(open).toHaveLength(by('admitted').length);
    expect(await t.db.select().from(stayExtension)).toHaveLength(1);
    expect((await t.db.select().from(tracingTask)).length).toBeGreaterThanOrEqual(1);
  });

  it('has a shelter network in every state, its counts and status changes each an event, kept by shelter1', async () => {
    const places = await t.db.select().from(shelter);
    expect(places.length).toBeGreaterThanOrEqual(10);
    expect(new Set(places.map((p) => p.status))).toEqual(new Set(['standby', 'open', 'full', 'closed']));
    expect(new Set(places.map((p) => p.kind))).toEqual(new Set(shelterKinds));
    expect(new Set(places.map((p) => p.hostKind))).toEqual(new Set(shelterHostKinds));
    const counts = await t.db.select().from(shelterCount).orderBy(shelterCount.at);
    const events = await t.db.select().from(event).where(eq(event.entityType, 'shelter')).orderBy(event.seq);
    expect(events.filter((e) => e.action === 'shelter.counted')).toHaveLength(counts.length);
    for (const p of places) {
      const own = events.filter((e) => e.entityId === p.id).map((e) => e.action);
      expect(own[0], p.name).toBe('shelter.created');
      // What the place shows is its latest count.
      const last = counts.filter((c) => c.shelterId === p.id).at(-1);
      expect(p.occupancy, p.name).toBe(last?.count ?? 0);
      if (p.status === 'full') expect(own, p.name).toContain('shelter.filled');
    }
    const keeper = await t.login('shelter1', DEMO_PASSWORD);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/shelters/mine',
      headers: { cookie: keeper },
    });
    // Her centre's room open tonight, and 新韶镇's on standby for her to open.
    expect(new Set(mine.json().items.map((s: { name: string }) => s.name))).toEqual(
      new Set(['风采街道社区服务中心临时避寒场所', '新韶镇社区服务中心临时避寒场所']),
    );
    const station = await t.login('station1', DEMO_PASSWORD);
    const kept = await t.app.inject({
      method: 'GET',
      url: '/api/shelters/mine',
      headers: { cookie: station },
    });
    expect(kept.json().items.map((s: { name: string }) => s.name)).toEqual(['韶关市救助管理站临时避寒场所']);
  });
});
