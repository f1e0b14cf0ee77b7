import {
  type HandOutPlan,
  type HandOutRequest,
  MAX_LINE_QUANTITY,
  planHandOut,
  type SupplyKind,
} from '@warmline/domain';
import type { Tx } from '../../db/pool.ts';
import type { Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { createLedgerRepository } from './ledger.repository.ts';
import { createLedger, requestHash } from './ledger.ts';
import { createSupplyRepository } from './supply.repository.ts';
import { createTeamPlaces } from './team-place.ts';

/** A hand-out that already happened on the street, as another module reports it. */
export interface HandOutInput {
  /** Where the items came from: a place, or a team (its vehicle, made if it has none yet). */
  placeId?: string | null;
  teamId?: string | null;
  /** What was handed out: by kind (as the encounter records it) or by a named item. */
  lines: HandOutRequest[];
  encounterId?: string | null;
  stayId?: string | null;
  personId?: string | null;
  /** The phone's id for the record: the same id again returns the first result, stores nothing. */
  clientId?: string | null;
  /** When it happened (default: now). */
  at?: Date;
  note?: string | null;
}

export interface HandOutResult {
  movementId: string;
  /** False when this client id was recorded before: the result is the stored one. */
  created: boolean;
  placeId: string;
  /** What the book had and now shows as handed out. */
  given: HandOutPlan['given'];
  /** What was handed out beyond the book: raised as 账实不符 for the keeper. */
  shortfall: HandOutPlan['shortfall'];
}

/**
 * `distributeInTx`: records, inside the caller's transaction, what an encounter or a station stay
 * handed out. The items are already in someone's hands, so it never refuses for stock: it books
 * what the stock allows (planHandOut) and raises the rest as a discrepancy (账实不符) for the
 * keeper to count and adjust. Only `tx` is used, never the pool.
 */
export function createHandOut(deps: { clock: Clock; ids: Ids; recordEvent: RecordEvent }) {
  const ledger = createLedger(deps);
  const teamPlaces = createTeamPlaces(deps);

  async function stored(tx: Tx, movementId: string, placeId: string): Promise<HandOutResult> {
    const repo = createLedgerRepository(tx);
    const lines = await repo.linesOf([movementId]);
    const items = await createSupplyRepository(tx).itemsByIds(lines.map((l) => l.line.itemId));
    return {
      movementId,
      created: false,
      placeId,
      given: lines.map((l) => ({
        itemId: l.line.itemId,
        supplyKind: items.find((i) => i.id === l.line.itemId)!.supplyKind as SupplyKind,
        quantity: -l.line.quantity,
      })),
      shortfall: (await repo.discrepanciesOf(movementId)).map((d) => ({
        supplyKind: d.supplyKind as SupplyKind | null,
        itemId: d.itemId,
        quantity: d.quantity,
      })),
    };
  }

  return async function distributeInTx(tx: Tx, ctx: Ctx, input: HandOutInput): Promise<HandOutResult> {
    if (!input.placeId === !input.teamId)
      throw new AppError('VALIDATION_FAILED', { reason: 'give either placeId or teamId' });
    if (
      !input.lines.every(
        (l) => Number.isInteger(l.quantity) && l.quantity >= 1 && l.quantity <= MAX_LINE_QUANTITY,
      )
    )
      throw new AppError('VALIDATION_FAILED', { reason: 'quantities are whole numbers from 1' });
    const repo = createSupplyRepository(tx);
    const place = input.teamId
      ? await teamPlaces.ensure(tx, ctx, input.teamId)
      : await repo.placeRow(ctx.actor, input.placeId!);
    if (!place) throw new AppError('NOT_FOUND');
    const links = {
      encounterId: input.encounterId ?? null,
      stayId: input.stayId ?? null,
      personId: input.personId ?? null,
    };
    // What could serve the requests: what the place holds of those kinds, and the named items.
    const kinds = new Set(input.lines.flatMap((l) => (l.supplyKind ? [l.supplyKind] : [])));
    const named = input.lines.flatMap((l) => (l.itemId ? [l.itemId] : []));
    const held = (await repo.stockRows(ctx.actor, { placeId: place.id })).filter(
      (r) => r.stock.quantity > 0 && kinds.has(r.item.supplyKind as SupplyKind),
    );
    const namedItems = await repo.itemsByIds(named);
    if (namedItems.length !== new Set(named).size)
      throw new AppError('VALIDATION_FAILED', { field: 'lines', reason: 'unknown item' });
    const items = [...new Map([...held.map((r) => r.item), ...namedItems].map((i) => [i.id, i])).values()];
    const eventCtx = { actorId: ctx.actor.id, requestId: ctx.requestId };
    let plan: HandOutPlan = { given: [], shortfall: [] };
    const moved = await ledger.move(tx, eventCtx, {
      header: {
        kind: 'distribute',
        fromPlaceId: place.id,
        regionCode: place.regionCode,
        at: input.at ?? deps.clock.now(),
        note: input.note ?? null,
        clientId: input.clientId ?? null,
        requestHash: input.clientId
          ? requestHash('distribute', { placeId: place.id, lines: input.lines, ...links })
          : null,
        ...links,
      },
      keys: items.map((i) => ({ placeId: place.id, itemId: i.id })),
      plan: (balances) => {
        const stock = items.map((i) => ({
          itemId: i.id,
          supplyKind: i.supplyKind as SupplyKind,
          isKit: i.isKit,
          quantity: balances.get(`${place.id}|${i.id}`) ?? 0,
        }));
        plan = planHandOut(stock, input.lines);
        return plan.given.map((g) => ({ placeId: place.id, itemId: g.itemId, quantity: -g.quantity }));
      },
    });
    if (!moved.created) return stored(tx, moved.movementId, place.id);
    if (plan.shortfall.length) {
      const raisedAt = deps.clock.now();
      await createLedgerRepository(tx).insertDiscrepancies(
        plan.shortfall.map((s) => ({
          id: deps.ids.next(),
          placeId: place.id,
          itemId: s.itemId,
          supplyKind: s.supplyKind,
          quantity: s.quantity,
          movementId: moved.movementId,
          encounterId: links.encounterId,
          regionCode: place.regionCode,
          raisedAt,
        })),
      );
      await deps.recordEvent(tx, eventCtx, {
        action: 'supply.discrepancy_raised',
        entityType: 'supply_movement',
        entityId: moved.movementId,
        regionCode: place.regionCode,
        payload: { placeId: place.id, shortfall: plan.shortfall, encounterId: links.encounterId },
      });
    }
    return { movementId: moved.movementId, created: true, placeId: place.id, ...plan };
  };
}
export type DistributeInTx = ReturnType<typeof createHandOut>;

/** The in-transaction hand-out other modules call (encounters, stays). */
export type HandOut = ReturnType<typeof createHandOut>;
