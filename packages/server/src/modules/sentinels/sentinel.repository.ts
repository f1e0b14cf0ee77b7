import { trustConfirmingStates, trustDoubtingStates } from '@warmline/domain';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/pool.ts';
import { lead, region, sentinel } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type SentinelRow = typeof sentinel.$inferSelect;
export interface SentinelFilter {
  state?: string | undefined;
}
/** How a sentinel's reports turned out (the domain's trust rule reads these). */
export interface OutcomeCounts {
  reports: number;
  confirmed: number;
  unconfirmed: number;
}

/**
 * One correlated subquery per row of the outer query's `sentinel`, on `lead_sentinel_idx`: how
 * many reports, how many confirmed, how many not. A closed lead counts as the state it was
 * closed from (its `lead.closed` event says), as the domain's `sentinelLeadOutcome` rules.
 * The outer column is named in full: drizzle leaves single-table columns unqualified, which
 * inside this subquery would bind to the lead's own `id`.
 */
function outcomeCounts(): SQL<OutcomeCounts> {
  return sql<OutcomeCounts>`(
    SELECT json_build_object(
      'reports', count(*)::int,
      'confirmed', (count(*) FILTER (WHERE d.decided IN ${trustConfirmingStates}))::int,
      'unconfirmed', (count(*) FILTER (WHERE d.decided IN ${trustDoubtingStates}))::int)
    FROM (
      SELECT CASE WHEN sl.state = 'closed' THEN (
          SELECT se.payload->>'from' FROM event se
          WHERE se.entity_type = 'lead' AND se.entity_id = sl.id::text AND se.action = 'lead.closed'
          ORDER BY se.seq DESC LIMIT 1)
        ELSE sl.state END AS decided
      FROM ${lead} sl WHERE sl.sentinel_id = ${sql.identifier('sentinel')}.${sql.identifier('id')}
    ) d)`;
}

/** What a lead query adds after `LEFT JOIN sentinel ON sentinel.id = lead.sentinel_id`. */
export const leadSentinelColumns = {
  sentinelName: sentinel.displayName,
  sentinelOrgType: sentinel.orgType,
  sentinelOutcomes: sql<OutcomeCounts | null>`CASE WHEN ${sentinel.id} IS NULL THEN NULL ELSE ${outcomeCounts()} END`,
};

const columns = {
  sentinel,
  regionName: sql<string>`coalesce(${region.name}, ${sentinel.regionCode})`,
  outcomes: outcomeCounts(),
};

export function createSentinelRepository(db: DbOrTx) {
  const where = (actor: Actor, f: SentinelFilter): SQL | undefined =>
    and(inJurisdiction(sentinel.regionCode, actor), f.state ? eq(sentinel.state, f.state) : undefined);
  const withCounts = () =>
    db.select(columns).from(sentinel).leftJoin(region, eq(region.code, sentinel.regionCode));

  return {
    insert: (values: typeof sentinel.$inferInsert) => db.insert(sentinel).values(values),

    phoneTaken: async (phone: string) =>
      (await db.select({ id: sentinel.id }).from(sentinel).where(eq(sentinel.phone, phone)).limit(1)).length >
      0,

    /** A region that exists and lies within `within` (registrations land in this deployment's city). */
    regionExists: async (code: string, within: string) =>
      (
        await db
          .select({ code: region.code })
          .from(region)
          .where(and(eq(region.code, code), inJurisdiction(region.code, { regionCode: within })))
          .limit(1)
      ).length > 0,

    /** The region and the counties below it: what a sentinel picks from when registering. */
    regionAndChildren: (code: string) =>
      db
        .select({ code: region.code, name: region.name })
        .from(region)
        .where(sql`${region.code} = ${code} OR ${region.parentCode} = ${code}`)
        .orderBy(region.code),

    /** The sentinel behind a token: by its hash only, no jurisdiction (the token is the secret). */
    findByTokenHash: async (tokenHash: string) =>
      (await db.select().from(sentinel).where(eq(sentinel.tokenHash, tokenHash)).limit(1))[0] ?? null,

    findOwn: async (id: string) =>
      (
        await db.select({ sentinel, outcomes: columns.outcomes }).from(sentinel).where(eq(sentinel.id, id))
      )[0] ?? null,

    findById: async (actor: Actor, id: string) =>
      (
        await withCounts()
          .where(and(eq(sentinel.id, id), inJurisdiction(sentinel.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    /** Locks the row so two reviewers deciding at once take turns. */
    lockById: async (actor: Actor, id: string) =>
      (
        await db
          .select()
          .from(sentinel)
          .where(and(eq(sentinel.id, id), inJurisdiction(sentinel.regionCode, actor)))
          .for('update')
          .limit(1)
      )[0] ?? null,

    /** Waiting registrations first: they are what a reviewer opens the page for. */
    list: (actor: Actor, f: SentinelFilter, page: number, pageSize: number) =>
      withCounts()
        .where(where(actor, f))
        .orderBy(sql`${sentinel.state} = 'pending' DESC`, desc(sentinel.createdAt), sentinel.id)
        .limit(pageSize)
        .offset((page - 1) * pageSize),

    count: async (actor: Actor, f: SentinelFilter) =>
      (await db.select({ n: count() }).from(sentinel).where(where(actor, f)))[0]?.n ?? 0,

    update: (id: string, values: Partial<typeof sentinel.$inferInsert>) =>
      db.update(sentinel).set(values).where(eq(sentinel.id, id)),

    /** A sentinel's own reports, newest first; a merged duplicate shows the lead it joined. */
    listReports: (sentinelId: string, limit: number) => {
      const joined = alias(lead, 'joined');
      return db
        .select({
          trackingCode: lead.trackingCode,
          receivedAt: lead.receivedAt,
          address: lead.address,
          descriptors: lead.descriptors,
          state: lead.state,
          updatedAt: lead.updatedAt,
          joinedState: joined.state,
          joinedUpdatedAt: joined.updatedAt,
        })
        .from(lead)
        .leftJoin(joined, eq(joined.id, lead.duplicateOf))
        .where(eq(lead.sentinelId, sentinelId))
        .orderBy(desc(lead.receivedAt))
        .limit(limit);
    },
  };
}
