import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';
import { appUser, event, org, partnerKey } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import type { Clock } from '../platform/clock.ts';
import type { RecordEvent } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { DEMO_CITY, DEMO_PASSWORD, demoOrgs, demoPartnerKeys, demoUsers } from './demo-city.ts';

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
    }
  });
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
