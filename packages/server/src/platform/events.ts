import type { EventAction } from '@warmline/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool.ts';
import { event } from '../db/schema.ts';
import type { Ctx } from './actor.ts';
import type { Clock } from './clock.ts';
import type { Ids } from './ids.ts';

export const CHANGE_CHANNEL = 'warmline_change';

export interface EventInput {
  /** From the domain's catalogue, e.g. `user.created`. */
  action: EventAction;
  entityType: string;
  entityId: string;
  regionCode: string;
  /** Facts figures need; never names, ID numbers or photos. */
  payload?: Record<string, unknown>;
}

export interface EventContext {
  actorId: string | null;
  requestId?: string | undefined;
}

/** What LISTENers receive: enough to refresh, nothing personal. */
export interface ChangeNotice {
  action: string;
  entityType: string;
  entityId: string;
  regionCode: string;
  at: string;
}

export type RecordEvent = (tx: Tx, ctx: EventContext, input: EventInput) => Promise<void>;

/**
 * A sensitive read (a phone number in full, a photo) is recorded like a change, in its own
 * transaction, and the caller hands the data out only after it committed.
 */
export function recordRead(db: Db, recordEvent: RecordEvent, ctx: Ctx, input: EventInput): Promise<void> {
  return db.transaction((tx) => recordEvent(tx, { actorId: ctx.actor.id, requestId: ctx.requestId }, input));
}

/**
 * The event row and its NOTIFY as one statement. With `change` (a data-modifying statement
 * with RETURNING), the change rides in the same statement: PostgreSQL runs it atomically, so
 * a single write needs no BEGIN/COMMIT — one round trip where a transaction takes four.
 */
function eventStatement(
  deps: { clock: Clock; ids: Ids },
  ctx: EventContext,
  input: EventInput,
  change?: SQL,
): SQL {
  const at = deps.clock.now();
  const notice: ChangeNotice = {
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    regionCode: input.regionCode,
    at: at.toISOString(),
  };
  return sql`
    WITH ${change ? sql`change AS (${change}), ` : sql``}recorded AS (
      INSERT INTO ${event} (id, at, actor_id, action, entity_type, entity_id, region_code, request_id, payload)
      SELECT ${deps.ids.next()}::uuid, ${at.toISOString()}::timestamptz, ${ctx.actorId}::uuid, ${input.action}::text,
             ${input.entityType}::text, ${input.entityId}::text, ${input.regionCode}::text, ${ctx.requestId ?? null}::text,
             ${JSON.stringify(input.payload ?? {})}::jsonb
      ${change ? sql`FROM change` : sql``}
      RETURNING 1
    )
    SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(notice)}) FROM recorded`;
}

/**
 * Writes the event row inside the caller's transaction and queues a NOTIFY, which
 * PostgreSQL delivers only if that transaction commits: no change without its record,
 * no live update for a change that was rolled back.
 */
export function createEventRecorder(deps: { clock: Clock; ids: Ids }): RecordEvent {
  // One round trip for both: every change pays for this, so it is kept to a single statement.
  return async (tx, ctx, input) => void (await tx.execute(eventStatement(deps, ctx, input)));
}

/** A change that is one statement, with its event and NOTIFY, written without a transaction. */
export type RecordChange = (db: Db, ctx: EventContext, input: EventInput, change: SQL) => Promise<void>;

export function createChangeRecorder(deps: { clock: Clock; ids: Ids }): RecordChange {
  return async (db, ctx, input, change) => void (await db.execute(eventStatement(deps, ctx, input, change)));
}
