import type { EventAction } from '@warmline/domain';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool.ts';
import { event } from '../db/schema.ts';
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
 * Writes the event row inside the caller's transaction and queues a NOTIFY, which
 * PostgreSQL delivers only if that transaction commits: no change without its record,
 * no live update for a change that was rolled back.
 */
export function createEventRecorder(deps: { clock: Clock; ids: Ids }): RecordEvent {
  return async (tx, ctx, input) => {
    const at = deps.clock.now();
    const notice: ChangeNotice = {
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      regionCode: input.regionCode,
      at: at.toISOString(),
    };
    // One round trip for both: every change pays for this, so it is kept to a single statement.
    await tx.execute(sql`
      WITH recorded AS (
        INSERT INTO ${event} (id, at, actor_id, action, entity_type, entity_id, region_code, request_id, payload)
        VALUES (${deps.ids.next()}, ${at.toISOString()}::timestamptz, ${ctx.actorId}, ${input.action}, ${input.entityType},
                ${input.entityId}, ${input.regionCode}, ${ctx.requestId ?? null}, ${JSON.stringify(input.payload ?? {})}::jsonb)
        RETURNING 1
      )
      SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(notice)}) FROM recorded`);
  };
}

/**
 * Reading a sensitive field in full (a phone number) is itself an event: recorded in its own
 * transaction before the value is handed out, with the field's name and never its value.
 */
export function recordSensitiveRead(
  db: Db,
  recordEvent: RecordEvent,
  ctx: { actor: { id: string }; requestId: string },
  read: Omit<EventInput, 'payload'> & { field: string },
): Promise<void> {
  const { field, ...input } = read;
  return db.transaction((tx) =>
    recordEvent(tx, { actorId: ctx.actor.id, requestId: ctx.requestId }, { ...input, payload: { field } }),
  );
}
