import { createHash } from 'node:crypto';
import {
  type LeadDescriptor,
  type LeadSource,
  TRACKING_CODE_ALPHABET,
  vulnerableDescriptors,
} from '@warmline/domain';
import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool.ts';
import { appUser, event, lead, org, partnerKey, team, teamMember } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import type { Clock } from '../platform/clock.ts';
import { createEventRecorder, type RecordEvent } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { seedDemoCampaign } from './demo-campaign.ts';
import { DEMO_CITY, DEMO_PASSWORD, demoOrgs, demoPartnerKeys, demoUsers } from './demo-city.ts';
import {
  demoDispatchTimes,
  nearestTeam,
  type RecordAt,
  type SeededTeam,
  seedDemoDispatch,
} from './demo-dispatches.ts';
import { seedDemoDuty } from './demo-duty.ts';
import { seedDemoEncounters } from './demo-encounters.ts';
import { seedDemoHotspots } from './demo-hotspots.ts';
import {
  demoAds,
  demoClosingNotes,
  demoHeldReport,
  demoMissedJunk,
  demoPlaces,
  demoSightings,
  demoSourceWeights,
} from './demo-leads.ts';
import { demoScreening } from './demo-screening.ts';
import { seedDemoSeason } from './demo-season.ts';
import { seedDemoSentinels } from './demo-sentinels.ts';
import { seedDemoShelters } from './demo-shelters.ts';
import { seedDemoShifts } from './demo-shifts.ts';
import { seedDemoStays } from './demo-stays.ts';
import { seedDemoSupplies } from './demo-supplies.ts';
import { demoTeams } from './demo-teams.ts';
import { seededRandom } from './random.ts';

const DEMO_REQUEST_ID = 'demo-seed';

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(appUser);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo city in one transaction, with the same events real use would write,
 * so the event log and every later figure have something true to show.
 */
export async function seedDemo(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
}): Promise<void> {
  const { db, clock, ids, recordEvent } = deps;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    const now = clock.now();
    const system = { actorId: null, requestId: DEMO_REQUEST_ID };
    for (const o of demoOrgs) {
      const id = ids.next();
      orgIds.set(o.key, id);
      await tx.insert(org).values({
        id,
        name: o.name,
        kind: o.kind,
        regionCode: o.regionCode,
        bedCount: o.bedCount ?? null,
        lat: o.lat,
        lng: o.lng,
        createdAt: now,
        updatedAt: now,
      });
      await recordEvent(tx, system, {
        action: 'org.created',
        entityType: 'org',
        entityId: id,
        regionCode: o.regionCode,
        payload: { kind: o.kind },
      });
    }
    for (const k of demoPartnerKeys) {
      await tx.insert(partnerKey).values({
        id: ids.next(),
        orgId: orgIds.get(k.org)!,
        source: k.source,
        regionCode: DEMO_CITY,
        keyHash: createHash('sha256').update(k.key).digest('hex'),
        label: k.label,
        createdAt: now,
      });
    }
    const userIds = new Map<string, string>();
    for (const u of demoUsers) {
      const id = ids.next();
      await tx.insert(appUser).values({
        id,
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        role: u.role,
        regionCode: u.regionCode,
        orgId: u.org ? orgIds.get(u.org)! : null,
        phone: u.phone ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await recordEvent(tx, system, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        regionCode: u.regionCode,
        payload: { role: u.role },
      });
      userIds.set(u.username, id);
    }
    const teams = await seedDemoTeams(tx, recordEvent, ids, now, orgIds, userIds);
    await seedDemoLeads(tx, ids, now, userIds.get('dispatcher')!, teams);
    await seedDemoSentinels(tx, ids, now, userIds, DEMO_REQUEST_ID);
    await seedDemoHotspots(tx, ids, now, teams, DEMO_REQUEST_ID);
    await seedDemoEncounters(tx, ids, now, teams, DEMO_REQUEST_ID, {
      station: orgIds.get('city-station')!,
      hospital: orgIds.get('hospital')!,
    });
    await seedDemoShifts(tx, ids, now, teams, DEMO_REQUEST_ID);
    const station1 = demoUsers.find((u) => u.username === 'station1')!;
    await seedDemoStays(tx, ids, now, orgIds, {
      id: userIds.get('station1')!,
      role: station1.role,
      regionCode: station1.regionCode,
    });
    await seedDemoSupplies(tx, ids, now, teams, {
      requestId: DEMO_REQUEST_ID,
      keeperId: userIds.get('keeper1')!,
      bureauId: orgIds.get('city-bureau')!,
      stationId: orgIds.get('city-station')!,
    });
    await seedDemoShelters(tx, ids, now, orgIds, userIds, DEMO_REQUEST_ID);
    await seedDemoSeason(tx, ids, now, { requestId: DEMO_REQUEST_ID, teams, orgIds, userIds });
    await seedDemoDuty(tx, ids, now, orgIds, userIds, DEMO_REQUEST_ID);
    // Last: the returns snapshot the figures of everything above.
    await seedDemoCampaign(tx, ids, now, userIds);
  });
}

async function seedDemoTeams(
  tx: Tx,
  recordEvent: RecordEvent,
  ids: Ids,
  now: Date,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<SeededTeam[]> {
  const out: SeededTeam[] = [];
  for (const t of demoTeams) {
    const id = ids.next();
    await tx.insert(team).values({
      id,
      name: t.name,
      regionCode: t.regionCode,
      orgId: orgIds.get(t.org) ?? null,
      vehicle: t.vehicle,
      status: t.status,
      lat: t.lat,
      lng: t.lng,
      positionAt: new Date(now.getTime() - 4 * 60_000),
      createdAt: now,
      updatedAt: now,
    });
    const members = t.members.map((m) => ({
      id: ids.next(),
      teamId: id,
      userId: m.username ? (userIds.get(m.username) ?? null) : null,
      displayName: m.displayName,
      department: m.department,
      isLeader: m.isLeader ?? false,
    }));
    await tx.insert(teamMember).values(members);
    await recordEvent(
      tx,
      { actorId: null, requestId: DEMO_REQUEST_ID },
      {
        action: 'team.created',
        entityType: 'team',
        entityId: id,
        regionCode: t.regionCode,
        payload: { members: members.length, departments: members.map((m) => m.department) },
      },
    );
    out.push({ id, regionCode: t.regionCode, lat: t.lat, lng: t.lng, memberId: members[0]!.userId });
  }
  return out;
}

/**
 * Sixty leads over the last fortnight, each with the events real work would have written
 * at the time it happened: received, then closed with what was done, or still open if
 * recent; a few ads quarantined. Nothing here is a typed-in figure.
 */
async function seedDemoLeads(
  tx: Tx,
  ids: Ids,
  now: Date,
  dispatcherId: string,
  teams: SeededTeam[],
): Promise<void> {
  const random = seededRandom(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let at = now;
  const recordAt = createEventRecorder({ clock: { now: () => at }, ids });
  /** Records an event as of the moment it happened in the story. */
  const record: RecordAt = async (when, actorId, input) => {
    at = when;
    await recordAt(tx, { actorId, requestId: DEMO_REQUEST_ID }, input);
  };
  const sourceBag = demoSourceWeights.flatMap(([source, weight]) => Array<LeadSource>(weight).fill(source));
  const code = () => Array.from({ length: 8 }, () => pick([...TRACKING_CODE_ALPHABET])).join('');
  for (let i = 0; i < 60; i++) {
    // The last few came in during the past hour and a half and wait for a team now; the rest
    // is the fortnight before, worked to the end.
    const waiting = i >= 54;
    const minutesAgo = waiting ? 4 + Math.floor(random() * 86) : 60 * (2 + Math.floor(random() * 14 * 24));
    const receivedAt = new Date(now.getTime() - minutesAgo * 60_000);
    // Through the public form now and then: an ad, junk the screening lets through, and one real
    // report it holds that the dispatcher restores.
    const kind = i % 20 === 7 ? 'ad' : i % 20 === 13 ? 'junk' : i === 41 ? 'held' : 'report';
    const place = kind === 'held' ? demoPlaces[0]! : pick(demoPlaces);
    const typed = { ad: demoAds, junk: demoMissedJunk, held: [demoHeldReport] };
    const sighting =
      kind === 'report'
        ? pick(demoSightings)
        : { descriptors: [] as LeadDescriptor[], description: pick(typed[kind]) };
    const source: LeadSource = kind === 'report' ? pick(sourceBag) : 'public';
    const { columns: screening, intake } = demoScreening(source, { ...sighting, address: place.address });
    const id = ids.next();
    const worked = (kind === 'report' || kind === 'held') && !waiting;
    const note = worked ? pick(demoClosingNotes) : null;
    const outcome = note?.includes('未见') ? 'not_found' : 'helped';
    const state =
      kind === 'ad' || kind === 'junk'
        ? 'spam'
        : worked
          ? outcome === 'helped'
            ? 'resolved'
            : 'not_found'
          : i % 2
            ? 'new'
            : 'triaged';
    const regionCode = source === 'public' ? DEMO_CITY : place.regionCode;
    const position = { lat: place.lat + (random() - 0.5) / 2000, lng: place.lng + (random() - 0.5) / 2000 };
    const times = worked ? demoDispatchTimes(receivedAt, random) : null;
    await tx.insert(lead).values({
      id,
      trackingCode: code(),
      source,
      state,
      descriptors: sighting.descriptors,
      description: sighting.description,
      address: place.address,
      ...position,
      regionCode,
      reporterPhone:
        source === 'public' || source === 'hotline'
          ? `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`
          : null,
      callBack: source === 'hotline',
      outcomeNote: note,
      ...screening,
      receivedAt,
      updatedAt: times?.endedAt ?? receivedAt,
      createdBy: source === 'hotline' ? dispatcherId : null,
    });
    const vulnerable = sighting.descriptors.some((d) => vulnerableDescriptors.includes(d));
    await record(receivedAt, null, {
      action: 'lead.received',
      entityType: 'lead',
      entityId: id,
      regionCode,
      payload: { source, descriptors: sighting.descriptors, vulnerable, ...intake },
    });
    // Looked at within five minutes, and never after "now" for the lead that just came in: the
    // dispatcher quarantines what the screening let through, restores what it held wrongly.
    const decided =
      state === 'spam' && intake.state === 'new'
        ? 'lead.quarantined'
        : state !== 'spam' && intake.state === 'spam'
          ? 'lead.restored'
          : state === 'triaged'
            ? 'lead.triaged'
            : null;
    const decidedTo = { 'lead.quarantined': 'spam', 'lead.restored': 'new', 'lead.triaged': 'triaged' };
    // A wrongly held report is restored before a team is sent (three minutes at the earliest).
    const within = (decided === 'lead.restored' ? 2 : 5) * 60_000;
    const lookedAt = new Date(
      receivedAt.getTime() + Math.min(within, (now.getTime() - receivedAt.getTime()) / 2),
    );
    if (decided)
      await record(lookedAt, dispatcherId, {
        action: decided,
        entityType: 'lead',
        entityId: id,
        regionCode,
        payload: { from: intake.state, to: decidedTo[decided], source },
      });
    if (times) {
      const crew = nearestTeam(teams, position);
      await seedDemoDispatch(tx, ids, record, {
        lead: { id, regionCode, source, vulnerable, receivedAt },
        team: crew,
        dispatcherId,
        outcome,
        note: note!,
        times,
      });
    }
  }
}

/** A database that was seeded with the demo city shows its demo users on the login page. */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(event).where(eq(event.requestId, DEMO_REQUEST_ID));
  return (row?.n ?? 0) > 0;
}

export function demoUsersTable(): string {
  const rows = demoUsers.map(
    (u) => `  ${u.username.padEnd(11)} ${u.role.padEnd(17)} ${u.regionCode}  ${u.displayName}`,
  );
  const keys = demoPartnerKeys.map((k) => `  ${k.key.padEnd(20)} ${k.source.padEnd(11)} ${k.label}`);
  return [
    `Demo users (password: ${DEMO_PASSWORD}):`,
    ...rows,
    '',
    'Demo partner API keys (Authorization: Bearer …):',
    ...keys,
  ].join('\n');
}
