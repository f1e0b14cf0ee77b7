import { and, count, desc, eq, gte, like, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { appUser, event } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';
import type { EventListQuery } from './event.schema.ts';

export function createEventRepository(db: DbOrTx) {
  const where = (actor: Actor, f: Omit<EventListQuery, 'page' | 'pageSize'>) =>
    and(
      inJurisdiction(event.regionCode, actor),
      // `user.` lists every user action; a full name matches itself.
      f.action ? like(event.action, `${f.action.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
      f.entityType ? eq(event.entityType, f.entityType) : undefined,
      f.entityId ? eq(event.entityId, f.entityId) : undefined,
      f.actorId ? eq(event.actorId, f.actorId) : undefined,
      f.from ? gte(event.at, new Date(f.from)) : undefined,
      f.to ? lt(event.at, new Date(f.to)) : undefined,
    );

  return {
    list: (actor: Actor, f: EventListQuery) =>
      db
        .select({ event, actorName: appUser.displayName })
        .from(event)
        .leftJoin(appUser, eq(appUser.id, event.actorId))
        .where(where(actor, f))
        .orderBy(desc(event.at), desc(event.seq))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize),

    count: async (actor: Actor, f: EventListQuery) =>
      (await db.select({ n: count() }).from(event).where(where(actor, f)))[0]?.n ?? 0,
  };
}
