import { createHash } from 'node:crypto';
import {
  applyLines,
  type EventAction,
  type LedgerLine,
  lockOrder,
  type MovementKind,
  netLines,
} from '@warmline/domain';
import type { Tx } from '../../db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventContext, RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { createLedgerRepository, lockStock, writeStock } from './ledger.repository.ts';
import { createSupplyRepository } from './supply.repository.ts';

/** What a movement is about, besides its lines. */
export interface MovementHeader {
  kind: MovementKind;
  regionCode: string;
  /** When it happened (an offline hand-out happened before it is stored). */
  at: Date;
  reason?: string | null;
  note?: string | null;
  fromPlaceId?: string | null;
  toPlaceId?: string | null;
  teamId?: string | null;
  donationId?: string | null;
  encounterId?: string | null;
  stayId?: string | null;
  personId?: string | null;
  clientId?: string | null;
  /** The request the client id was sent with (see `requestHash`). */
  requestHash?: string | null;
}

export interface MovementSpec {
  header: MovementHeader;
  /** Every (place, item) the movement may touch: locked before `plan` sees their balances. */
  keys: { placeId: string; itemId: string }[];
  /** The lines, from the locked balances ("place|item" → quantity). */
  plan: (balances: ReadonlyMap<string, number>) => LedgerLine[];
}

const actions: Record<MovementKind, EventAction> = {
  receive: 'supply.received',
  transfer: 'supply.transferred',
  issue: 'supply.issued',
  distribute: 'supply.distributed',
  adjust: 'supply.adjusted',
  assemble: 'supply.assembled',
  import: 'supply.imported',
};

/** What a client sent with its id, so the same id with another body is told apart from a resend. */
export function requestHash(kind: string, body: unknown): string {
  return createHash('sha256')
    .update(`${kind}:${JSON.stringify(body)}`)
    .digest('hex');
}

/**
 * Units a movement moves, for campaign figures (发放件数 is the sum over `supply.distributed`):
 * what went out for a hand-out, the net change for an adjustment, what came in otherwise.
 */
function unitsOf(kind: MovementKind, lines: LedgerLine[]): number {
  const sum = (pick: (q: number) => boolean) =>
    lines.reduce((n, l) => n + (pick(l.quantity) ? l.quantity : 0), 0);
  if (kind === 'distribute') return -sum((q) => q < 0);
  if (kind === 'adjust') return sum(() => true);
  return sum((q) => q > 0);
}

/** Units handed out per supply kind (发放御寒物品/食物件数 read this). */
function handedOutByKind(
  lines: LedgerLine[],
  items: { id: string; supplyKind: string }[],
): Record<string, number> {
  const byKind: Record<string, number> = {};
  for (const l of lines) {
    const kind = items.find((i) => i.id === l.itemId)?.supplyKind;
    if (kind && l.quantity < 0) byKind[kind] = (byKind[kind] ?? 0) - l.quantity;
  }
  return byKind;
}

/**
 * The one way stock changes: a movement's header (stored once per client id), its stock rows
 * locked in (place, item) order, its ledger lines, the new balances and its event — all in the
 * caller's transaction, so a refused or failed movement leaves nothing behind. Only `tx` is used
 * inside: a pool query here would wait for a connection this transaction may be holding up.
 */
export function createLedger(deps: { ids: Ids; clock: Clock; recordEvent: RecordEvent }) {
  const { ids, clock, recordEvent } = deps;

  return {
    /**
     * Writes the movement. `created` is false when its client id was stored already (by an
     * earlier send, or a concurrent one that got there first): nothing is written then.
     * Lines that would take a place below zero refuse the whole movement (STOCK_INSUFFICIENT,
     * with every shortage in `details`).
     */
    async move(
      tx: Tx,
      ctx: EventContext,
      spec: MovementSpec,
    ): Promise<{ movementId: string; created: boolean; lines: LedgerLine[] }> {
      const { header } = spec;
      const repo = createLedgerRepository(tx);
      const id = ids.next();
      const stored = await repo.insertMovement({
        id,
        clientId: header.clientId ?? null,
        requestHash: header.requestHash ?? null,
        kind: header.kind,
        reason: header.reason ?? null,
        note: header.note ?? null,
        fromPlaceId: header.fromPlaceId ?? null,
        toPlaceId: header.toPlaceId ?? null,
        teamId: header.teamId ?? null,
        donationId: header.donationId ?? null,
        encounterId: header.encounterId ?? null,
        stayId: header.stayId ?? null,
        personId: header.personId ?? null,
        regionCode: header.regionCode,
        actorId: ctx.actorId,
        at: header.at,
        createdAt: clock.now(),
      });
      if (!stored) {
        const existing = (await repo.movementByClientId(header.clientId!))!;
        if (existing.requestHash !== (header.requestHash ?? null))
          throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return { movementId: existing.id, created: false, lines: [] };
      }
      const keys = lockOrder(
        [...new Map(spec.keys.map((k) => [`${k.placeId}|${k.itemId}`, k])).values()].map((k) => ({
          placeId: k.placeId,
          itemId: k.itemId,
        })),
      );
      const itemIds = [...new Set(keys.map((k) => k.itemId))];
      const known = await createSupplyRepository(tx).itemsByIds(itemIds);
      if (known.length !== itemIds.length)
        throw new AppError('VALIDATION_FAILED', {
          field: 'lines',
          reason: 'unknown item',
          itemIds: itemIds.filter((i) => !known.some((k) => k.id === i)),
        });
      const now = clock.now();
      const balances = await lockStock(tx, keys, now);
      const lines = netLines(spec.plan(balances));
      // A line on a row that was not locked would escape the check below: a bug, never a refusal.
      if (lines.some((l) => !balances.has(`${l.placeId}|${l.itemId}`)))
        throw new Error('a movement line outside the locked stock rows');
      const { after, shortages } = applyLines(balances, lines);
      if (shortages.length) {
        const items = await createSupplyRepository(tx).itemsByIds(shortages.map((s) => s.itemId));
        throw new AppError('STOCK_INSUFFICIENT', {
          shortages: shortages.map((s) => ({
            ...s,
            itemName: items.find((i) => i.id === s.itemId)?.name ?? null,
          })),
        });
      }
      await writeStock(tx, after, now);
      await repo.insertLines(id, lines);
      await recordEvent(tx, ctx, {
        action: actions[header.kind],
        entityType: 'supply_movement',
        entityId: id,
        regionCode: header.regionCode,
        payload: {
          kind: header.kind,
          reason: header.reason ?? null,
          fromPlaceId: header.fromPlaceId ?? null,
          toPlaceId: header.toPlaceId ?? null,
          teamId: header.teamId ?? null,
          encounterId: header.encounterId ?? null,
          at: header.at.toISOString(),
          lines,
          units: unitsOf(header.kind, lines),
          ...(header.kind === 'distribute' ? { byKind: handedOutByKind(lines, known) } : {}),
        },
      });
      return { movementId: id, created: true, lines };
    },
  };
}
export type Ledger = ReturnType<typeof createLedger>;
