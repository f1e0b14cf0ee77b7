import { createHash } from 'node:crypto';
import type { OrgKind, Role } from '@warmline/domain';
import type { Db } from '../db/pool.ts';
import { appUser, lead, org, partnerKey, sentinel } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { uuidV7Ids } from '../platform/ids.ts';
import { hashSecret } from '../platform/secret.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
const passwordHash = hashPassword(TEST_PASSWORD);
let serial = 0;

/** Test data with safe defaults; override only what the test is about. */
export async function buildOrg(
  db: Db,
  values: Partial<typeof org.$inferInsert> & { kind?: OrgKind } = {},
): Promise<typeof org.$inferSelect> {
  serial += 1;
  const [row] = await db
    .insert(org)
    .values({
      id: uuidV7Ids.next(),
      name: `测试机构${serial}`,
      kind: 'bureau',
      regionCode: '440204',
      ...values,
    })
    .returning();
  return row!;
}

export async function buildUser(
  db: Db,
  values: Partial<typeof appUser.$inferInsert> & { role?: Role } = {},
): Promise<typeof appUser.$inferSelect> {
  serial += 1;
  const [row] = await db
    .insert(appUser)
    .values({
      id: uuidV7Ids.next(),
      username: `user${serial}_${Math.random().toString(36).slice(2, 6)}`,
      displayName: `测试用户${serial}`,
      passwordHash: await passwordHash,
      role: 'bureau_admin',
      regionCode: '440204',
      ...values,
    })
    .returning();
  return row!;
}

export async function buildLead(
  db: Db,
  values: Partial<typeof lead.$inferInsert> = {},
): Promise<typeof lead.$inferSelect> {
  serial += 1;
  const now = new Date('2026-12-15T20:00:00+08:00');
  const [row] = await db
    .insert(lead)
    .values({
      id: uuidV7Ids.next(),
      trackingCode: `T${String(serial).padStart(7, '0')}`.replace(/[ILOU]/g, '0'),
      source: 'public',
      state: 'new',
      descriptors: ['elderly', 'thin_clothing'],
      description: '桥洞下有位老人，衣服很单薄',
      address: '浈江区风度路桥洞',
      lat: 24.8044,
      lng: 113.6111,
      regionCode: '440204',
      receivedAt: now,
      updatedAt: now,
      ...values,
    })
    .returning();
  return row!;
}

/**
 * The cast most access tests need: a city (韶关 440200) with two sibling counties
 * (浈江 440204, 武江 440203), an admin at each, one user of every role at city level,
 * and an organisation in each county.
 */
export async function buildJurisdictionScenario(db: Db) {
  const zhenjiangOrg = await buildOrg(db, { name: '浈江区民政局', regionCode: '440204' });
  const wujiangOrg = await buildOrg(db, { name: '武江区民政局', regionCode: '440203' });
  const cityAdmin = await buildUser(db, { username: 'city_admin', regionCode: '440200' });
  const zhenjiangAdmin = await buildUser(db, {
    username: 'zj_admin',
    regionCode: '440204',
    orgId: zhenjiangOrg.id,
  });
  const wujiangAdmin = await buildUser(db, {
    username: 'wj_admin',
    regionCode: '440203',
    orgId: wujiangOrg.id,
  });
  const systemAdmin = await buildUser(db, {
    username: 'sys_admin',
    role: 'system_admin',
    regionCode: '000000',
  });
  return { zhenjiangOrg, wujiangOrg, cityAdmin, zhenjiangAdmin, wujiangAdmin, systemAdmin };
}

/** A partner platform's organisation and its API key (the plain key is returned for use). */
export async function buildPartnerKey(
  db: Db,
  values: { key?: string; source?: string; regionCode?: string; revoked?: boolean } = {},
): Promise<{ key: string; id: string }> {
  const key = values.key ?? `test-partner-${Math.random().toString(36).slice(2, 12)}`;
  const platform = await buildOrg(db, { kind: 'platform', regionCode: values.regionCode ?? '440200' });
  const id = uuidV7Ids.next();
  await db.insert(partnerKey).values({
    id,
    orgId: platform.id,
    source: values.source ?? 'police_110',
    regionCode: values.regionCode ?? '440200',
    keyHash: createHash('sha256').update(key).digest('hex'),
    label: '测试平台',
    revokedAt: values.revoked ? new Date() : null,
  });
  return { key, id };
}

/**
 * A registered sentinel, approved unless told otherwise; the plain token is returned for use in
 * `Authorization: Sentinel <token>`.
 */
export async function buildSentinel(
  db: Db,
  values: Partial<typeof sentinel.$inferInsert> & { token?: string } = {},
): Promise<typeof sentinel.$inferSelect & { token: string }> {
  serial += 1;
  const { token = `test-sentinel-${serial}-${Math.random().toString(36).slice(2, 10)}`, ...rest } = values;
  const [row] = await db
    .insert(sentinel)
    .values({
      id: uuidV7Ids.next(),
      displayName: `哨点${serial}`,
      phone: `139${String(serial).padStart(4, '0')}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`,
      orgType: 'sanitation',
      regionCode: '440204',
      state: 'approved',
      tokenHash: hashSecret(token),
      ...rest,
    })
    .returning();
  return { ...row!, token };
}
