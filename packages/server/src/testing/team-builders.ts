import type { Department, TeamStatus } from '@warmline/domain';
import type { Db } from '../db/pool.ts';
import { alert, dispatch, team, teamMember } from '../db/schema.ts';
import { uuidV7Ids } from '../platform/ids.ts';

let serial = 0;

/** A patrol team with safe defaults: available, placed in 浈江区, one civil-affairs member. */
export async function buildTeam(
  db: Db,
  values: Partial<typeof team.$inferInsert> & {
    status?: TeamStatus;
    members?: { userId?: string; displayName?: string; department?: Department; isLeader?: boolean }[];
  } = {},
): Promise<typeof team.$inferSelect> {
  serial += 1;
  const { members = [{ displayName: `队员${serial}` }], ...rest } = values;
  const [row] = await db
    .insert(team)
    .values({
      id: uuidV7Ids.next(),
      name: `测试救助队${serial}`,
      regionCode: '440204',
      status: 'available',
      lat: 24.81,
      lng: 113.6,
      positionAt: new Date('2026-12-15T19:50:00+08:00'),
      ...rest,
    })
    .returning();
  await db.insert(teamMember).values(
    members.map((m, i) => ({
      id: uuidV7Ids.next(),
      teamId: row!.id,
      userId: m.userId ?? null,
      displayName: m.displayName ?? `队员${serial}-${i}`,
      department: m.department ?? 'civil_affairs',
      isLeader: m.isLeader ?? i === 0,
    })),
  );
  return row!;
}

/** An assignment row as the dispatch service would have written it. */
export async function buildDispatch(
  db: Db,
  values: Pick<typeof dispatch.$inferInsert, 'leadId' | 'teamId'> & Partial<typeof dispatch.$inferInsert>,
): Promise<typeof dispatch.$inferSelect> {
  const at = new Date('2026-12-15T19:30:00+08:00');
  const [row] = await db
    .insert(dispatch)
    .values({
      id: uuidV7Ids.next(),
      regionCode: '440204',
      state: 'pending',
      assignedAt: at,
      acceptBy: new Date(at.getTime() + 5 * 60_000),
      arriveBy: new Date(at.getTime() + 30 * 60_000),
      updatedAt: at,
      ...values,
    })
    .returning();
  return row!;
}

export async function buildAlert(
  db: Db,
  d: typeof dispatch.$inferSelect,
): Promise<typeof alert.$inferSelect> {
  const [row] = await db
    .insert(alert)
    .values({
      id: uuidV7Ids.next(),
      kind: 'not_accepted',
      regionCode: d.regionCode,
      leadId: d.leadId,
      dispatchId: d.id,
      teamId: d.teamId,
      raisedAt: d.acceptBy,
    })
    .returning();
  return row!;
}
