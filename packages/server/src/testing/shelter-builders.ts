import type { Role } from '@warmline/domain';
import type { Db } from '../db/pool.ts';
import { shelter, shelterKeeper } from '../db/schema.ts';
import { uuidV7Ids } from '../platform/ids.ts';
import { buildUser } from './builders.ts';
import type { TestApp } from './test-app.ts';

let serial = 0;

/**
 * A place of the shelter network with safe defaults: a cold shelter at a community centre near
 * 韶关站, open tonight 18:00–08:00 with 20 places by night and 30 seats by day, nobody counted.
 * `keeperIds` names its keepers.
 */
export async function buildShelter(
  db: Db,
  values: Partial<typeof shelter.$inferInsert> & { keeperIds?: string[] } = {},
): Promise<typeof shelter.$inferSelect> {
  serial += 1;
  const { keeperIds = [], ...rest } = values;
  const [row] = await db
    .insert(shelter)
    .values({
      id: uuidV7Ids.next(),
      name: `测试避寒场所${serial}`,
      kind: 'cold_shelter',
      hostKind: 'community_centre',
      hostName: '风度街道社区服务中心',
      regionCode: '440204',
      address: '浈江区风度中路 12 号',
      lat: 24.8131,
      lng: 113.6047,
      hours: { allDay: false, opens: '18:00', closes: '08:00' },
      capacityDay: 30,
      capacityNight: 20,
      services: ['warm_room', 'hot_food', 'quilts'],
      status: 'open',
      publicPhone: '0751-8881234',
      contactName: '周社工',
      contactPhone: '13802880001',
      ...rest,
    })
    .returning();
  if (keeperIds.length)
    await db.insert(shelterKeeper).values(keeperIds.map((userId) => ({ shelterId: row!.id, userId })));
  return row!;
}

/** Users by a test's own names, each with a session: `await cast.add('keeper', 'shelter_keeper', '440204')`. */
export function signedInCast(t: () => TestApp) {
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  return {
    ids,
    cookies,
    async add(name: string, role: Role, regionCode = '440200', orgId: string | null = null) {
      ids[name] = (await buildUser(t().db, { role, regionCode, orgId })).id;
      cookies[name] = await t().sessionFor(ids[name]!);
    },
  };
}
