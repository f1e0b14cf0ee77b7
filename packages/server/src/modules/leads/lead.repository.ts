import { openLeadStates, queuedLeadStates } from '@warmline/domain';
import { and, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, NamedStatement } from '../../db/pool.ts';
import { idempotencyKey, lead, leadPhoto, partnerKey, region, sentinel } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';
import { leadSentinelColumns } from '../sentinels/sentinel.repository.ts';

export type LeadRow = typeof lead.$inferSelect;
export interface LeadFilter {
  state?: string | undefined;
  source?: string | undefined;
  open?: boolean | undefined;
  /** The command centre's queue: open and re-queued (not found) leads. */
  queue?: boolean | undefined;
}

const openStates = [...openLeadStates];

const leadColumns = [
  'id',
  'tracking_code',
  'source',
  'state',
  'descriptors',
  'description',
  'address',
  'lat',
  'lng',
  'accuracy_m',
  'region_code',
  'reporter_phone',
  'call_back',
  'device_token',
  'client_id',
  'partner_key_id',
  'sentinel_id',
  'external_ref',
  'spam_score',
  'spam_reasons',
  'received_at',
  'updated_at',
  'created_by',
] as const;

/**
 * A new lead's INSERT as constant SQL text, for `createChangeRecorder`: the intake path's one
 * statement. Plain SQL, because building it per request was a measurable share of intake's CPU;
 * columns left out (duplicate_of, outcome_note) are null for a new lead.
 */
export function insertLeadStatement(row: LeadRow): NamedStatement {
  const values = [
    row.id,
    row.trackingCode,
    row.source,
    row.state,
    row.descriptors,
    row.description,
    row.address,
    row.lat,
    row.lng,
    row.accuracyM,
    row.regionCode,
    row.reporterPhone,
    row.callBack,
    row.deviceToken,
    row.clientId,
    row.partnerKeyId,
    row.sentinelId,
    row.externalRef,
    row.spamScore,
    row.spamReasons,
    row.receivedAt.toISOString(),
    row.updatedAt.toISOString(),
    row.createdBy,
  ];
  return {
    name: 'lead-insert-v1',
    text: `INSERT INTO lead (${leadColumns.join(', ')}) VALUES (${leadColumns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING 1`,
    values,
  };
}

export function createLeadRepository(db: DbOrTx) {
  const where = (actor: Actor, f: LeadFilter): SQL | undefined =>
    and(
      inJurisdiction(lead.regionCode, actor),
      f.state ? eq(lead.state, f.state) : undefined,
      f.source ? eq(lead.source, f.source) : undefined,
      f.open === undefined
        ? undefined
        : f.open
          ? inArray(lead.state, openStates)
          : sql`${lead.state} <> ALL(${openStates})`,
      f.queue ? inArray(lead.state, [...queuedLeadStates]) : undefined,
    );
  const withRegion = () =>
    db
      .select({
        lead,
        regionName: sql<string>`coalesce(${region.name}, ${lead.regionCode})`,
        // Counted per row in the same query (PostgreSQL evaluates it after LIMIT), not N+1.
        photoCount: sql<number>`(SELECT count(*)::int FROM ${leadPhoto} WHERE ${leadPhoto.leadId} = ${lead.id})`,
        ...leadSentinelColumns,
      })
      .from(lead)
      .leftJoin(region, eq(region.code, lead.regionCode))
      .leftJoin(sentinel, eq(sentinel.id, lead.sentinelId));

  return {
    insert: (values: typeof lead.$inferInsert) => db.insert(lead).values(values),

    findById: async (actor: Actor, id: string) =>
      (
        await withRegion()
          .where(and(eq(lead.id, id), inJurisdiction(lead.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    /** Locks the row so two people acting on one lead take turns. */
    lockById: async (actor: Actor, id: string) =>
      (
        await db
          .select()
          .from(lead)
          .where(and(eq(lead.id, id), inJurisdiction(lead.regionCode, actor)))
          .for('update')
          .limit(1)
      )[0] ?? null,

    findByClientId: async (clientId: string) =>
      (await db.select().from(lead).where(eq(lead.clientId, clientId)).limit(1))[0] ?? null,

    /** The public lookup: by tracking code only, no jurisdiction (the code is the secret). */
    findByTrackingCode: async (code: string) =>
      (await db.select().from(lead).where(eq(lead.trackingCode, code)).limit(1))[0] ?? null,

    list: (actor: Actor, f: LeadFilter, page: number, pageSize: number) =>
      withRegion()
        .where(where(actor, f))
        .orderBy(desc(lead.receivedAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize),

    /**
     * Open leads received in a time window: the pool duplicates are looked for in. With `near`
     * (one placed lead), only those in a box around it, or without a position (they may still
     * match by address), so the pool stays small however many leads are open.
     */
    openBetween: (actor: Actor, from: Date, to: Date, near?: { lat: number; lng: number; degrees: number }) =>
      db
        .select()
        .from(lead)
        .where(
          and(
            inJurisdiction(lead.regionCode, actor),
            inArray(lead.state, openStates),
            sql`${lead.receivedAt} BETWEEN ${from.toISOString()}::timestamptz AND ${to.toISOString()}::timestamptz`,
            near
              ? sql`(${lead.lat} IS NULL OR (${lead.lat} BETWEEN ${near.lat - near.degrees} AND ${near.lat + near.degrees}
                     AND ${lead.lng} BETWEEN ${near.lng - near.degrees * 2} AND ${near.lng + near.degrees * 2}))`
              : undefined,
          ),
        )
        .orderBy(lead.receivedAt)
        .limit(5000),

    count: async (actor: Actor, f: LeadFilter) =>
      (await db.select({ n: count() }).from(lead).where(where(actor, f)))[0]?.n ?? 0,

    update: (id: string, values: Partial<typeof lead.$inferInsert>) =>
      db.update(lead).set(values).where(eq(lead.id, id)),

    findLiveKey: async (keyHash: string) =>
      (
        await db
          .select()
          .from(partnerKey)
          .where(and(eq(partnerKey.keyHash, keyHash), isNull(partnerKey.revokedAt)))
          .limit(1)
      )[0] ?? null,

    /** Claims an Idempotency-Key; false when another request already holds it (it waits for that one). */
    claimIdempotencyKey: async (values: typeof idempotencyKey.$inferInsert) =>
      (
        await db
          .insert(idempotencyKey)
          .values(values)
          .onConflictDoNothing()
          .returning({ leadId: idempotencyKey.leadId })
      ).length === 1,

    findIdempotencyKey: async (partnerKeyId: string, key: string) =>
      (
        await db
          .select()
          .from(idempotencyKey)
          .where(and(eq(idempotencyKey.partnerKeyId, partnerKeyId), eq(idempotencyKey.key, key)))
          .limit(1)
      )[0] ?? null,
  };
}
