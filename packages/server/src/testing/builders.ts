import type { OrgKind, Role } from '@warmline/domain';
import type { Db } from '../db/pool.ts';
import { appUser, org } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { uuidV7Ids } from '../platform/ids.ts';

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
