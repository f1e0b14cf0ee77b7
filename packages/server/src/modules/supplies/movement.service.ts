import { assemblyLines, can, type LedgerLine } from '@warmline/domain';
import type { Db, Tx } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { createHandOut } from './hand-out.ts';
import { createLedgerRepository } from './ledger.repository.ts';
import { createLedger, type MovementHeader, type MovementSpec, requestHash } from './ledger.ts';
import type {
  AdjustInput,
  AssembleInput,
  DistributeInput,
  DonationInput,
  IssueInput,
  MovementView,
  ReceiveInput,
  TransferInput,
} from './movement.schema.ts';
import { createSupplyRepository } from './supply.repository.ts';
import { createTeamPlaces } from './team-place.ts';

type Lines = { itemId: string; quantity: number }[];
const to = (placeId: string, lines: Lines, sign = 1): LedgerLine[] =>
  lines.map((l) => ({ placeId, itemId: l.itemId, quantity: sign * l.quantity }));
const keysOf = (placeIds: string[], lines: Lines) =>
  placeIds.flatMap((placeId) => lines.map((l) => ({ placeId, itemId: l.itemId })));

/** Presents a stored movement with its lines, as every movement route answers. */
export async function movementView(db: Db | Tx, id: string): Promise<MovementView> {
  const repo = createLedgerRepository(db);
  const row = (await repo.movement(id))!;
  const m = row.movement;
  return {
    id: m.id,
    clientId: m.clientId,
    kind: m.kind as MovementView['kind'],
    reason: m.reason,
    note: m.note,
    at: m.at.toISOString(),
    actorName: row.actorName,
    from: m.fromPlaceId ? { id: m.fromPlaceId, name: row.fromName! } : null,
    to: m.toPlaceId ? { id: m.toPlaceId, name: row.toName! } : null,
    teamId: m.teamId,
    encounterId: m.encounterId,
    stayId: m.stayId,
    lines: (await repo.linesOf([id])).map((l) => ({
      placeId: l.line.placeId,
      itemId: l.line.itemId,
      itemName: l.itemName,
      unit: l.unit as MovementView['lines'][number]['unit'],
      quantity: l.line.quantity,
    })),
  };
}

/**
 * The movements people make on the supplies screen: receive, transfer, issue to a team, hand out
 * (strict: refused when the stock is short), adjust, assemble kits, donations. Each is one
 * transaction through the ledger; every place is read in the actor's jurisdiction (else 404).
 */
export function createMovementService(deps: { db: Db; clock: Clock; ids: Ids; recordEvent: RecordEvent }) {
  const { db, clock, ids } = deps;
  const ledger = createLedger(deps);
  const teamPlaces = createTeamPlaces(deps);

  const place = async (tx: Tx, actor: Actor, id: string) => {
    const row = await createSupplyRepository(tx).placeRow(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  };

  /** Runs one movement from a request: a resend with its client id answers the first one (200). */
  async function run(
    ctx: Ctx,
    input: { clientId?: string | null | undefined },
    kind: MovementHeader['kind'],
    build: (
      tx: Tx,
      header: Pick<MovementHeader, 'clientId' | 'requestHash' | 'at' | 'note'>,
    ) => Promise<MovementSpec>,
    after?: (tx: Tx, movementId: string) => Promise<void>,
  ): Promise<{ created: boolean; movement: MovementView }> {
    const hash = input.clientId ? requestHash(kind, input) : null;
    if (input.clientId) {
      const existing = await createLedgerRepository(db).movementByClientId(input.clientId);
      if (existing) {
        if (existing.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return { created: false, movement: await movementView(db, existing.id) };
      }
    }
    const common = {
      clientId: input.clientId ?? null,
      requestHash: hash,
      at: clock.now(),
      note: (input as { note?: string | null }).note ?? null,
    };
    const result = await db.transaction(async (tx) => {
      const spec = await build(tx, common);
      const moved = await ledger.move(tx, { actorId: ctx.actor.id, requestId: ctx.requestId }, spec);
      if (moved.created && after) await after(tx, moved.movementId);
      return moved;
    });
    return { created: result.created, movement: await movementView(db, result.movementId) };
  }

  return {
    /**
     * For other modules (encounters, station stays): books a hand-out that already happened inside
     * the caller's transaction, recording what stock allows and returning the shortfall (账实不符)
     * instead of refusing. See hand-out.ts.
     */
    distributeInTx: createHandOut(deps),

    receive: (ctx: Ctx, input: ReceiveInput) =>
      run(ctx, input, 'receive', async (tx, common) => {
        const p = await place(tx, ctx.actor, input.placeId);
        return {
          header: { ...common, kind: 'receive', toPlaceId: p.id, regionCode: p.regionCode },
          keys: keysOf([p.id], input.lines),
          plan: () => to(p.id, input.lines),
        };
      }),

    transfer: (ctx: Ctx, input: TransferInput) =>
      run(ctx, input, 'transfer', async (tx, common) => {
        if (input.fromPlaceId === input.toPlaceId) throw new AppError('SUPPLY_SAME_PLACE');
        const from = await place(tx, ctx.actor, input.fromPlaceId);
        const dest = await place(tx, ctx.actor, input.toPlaceId);
        return {
          header: {
            ...common,
            kind: 'transfer',
            fromPlaceId: from.id,
            toPlaceId: dest.id,
            regionCode: from.regionCode,
          },
          keys: keysOf([from.id, dest.id], input.lines),
          plan: () => [...to(from.id, input.lines, -1), ...to(dest.id, input.lines)],
        };
      }),

    issue: (ctx: Ctx, input: IssueInput) =>
      run(ctx, input, 'issue', async (tx, common) => {
        const from = await place(tx, ctx.actor, input.fromPlaceId);
        const vehicle = await teamPlaces.ensure(tx, ctx, input.teamId);
        if (vehicle.id === from.id) throw new AppError('SUPPLY_SAME_PLACE');
        return {
          header: {
            ...common,
            kind: 'issue',
            fromPlaceId: from.id,
            toPlaceId: vehicle.id,
            teamId: input.teamId,
            regionCode: from.regionCode,
          },
          keys: keysOf([from.id, vehicle.id], input.lines),
          plan: () => [...to(from.id, input.lines, -1), ...to(vehicle.id, input.lines)],
        };
      }),

    /** A hand-out at a place (a station's store): refused whole when the stock is short. */
    distribute: (ctx: Ctx, input: DistributeInput) =>
      run(ctx, input, 'distribute', async (tx, common) => {
        const p = await place(tx, ctx.actor, input.placeId);
        // Station staff hand out from their own station's store; keepers from any place.
        if (!can(ctx.actor.role, 'supply.manage')) {
          const orgId = ctx.actor.orgId ?? null;
          if (!orgId || p.orgId !== orgId) throw new AppError('SUPPLY_PLACE_NOT_YOURS');
        }
        return {
          header: {
            ...common,
            kind: 'distribute',
            fromPlaceId: p.id,
            encounterId: input.encounterId ?? null,
            stayId: input.stayId ?? null,
            personId: input.personId ?? null,
            regionCode: p.regionCode,
          },
          keys: keysOf([p.id], input.lines),
          plan: () => to(p.id, input.lines, -1),
        };
      }),

    adjust: (ctx: Ctx, input: AdjustInput) =>
      run(ctx, input, 'adjust', async (tx, common) => {
        // Only a count may be zero (the shelf is empty); a write-off writes off something.
        if (input.reason !== 'stocktake' && input.lines.some((l) => l.quantity < 1))
          throw new AppError('VALIDATION_FAILED', { field: 'lines', reason: 'write off at least 1' });
        const p = await place(tx, ctx.actor, input.placeId);
        return {
          header: {
            ...common,
            kind: 'adjust',
            reason: input.reason,
            fromPlaceId: p.id,
            regionCode: p.regionCode,
          },
          keys: keysOf([p.id], input.lines),
          // A count replaces the book (the line is the difference); a write-off takes away.
          plan: (balances) =>
            input.lines.map((l) => ({
              placeId: p.id,
              itemId: l.itemId,
              quantity:
                input.reason === 'stocktake'
                  ? l.quantity - (balances.get(`${p.id}|${l.itemId}`) ?? 0)
                  : -l.quantity,
            })),
        };
      }),

    assemble: (ctx: Ctx, input: AssembleInput) =>
      run(ctx, input, 'assemble', async (tx, common) => {
        const p = await place(tx, ctx.actor, input.placeId);
        const repo = createSupplyRepository(tx);
        const [kit] = await repo.itemsByIds([input.kitItemId]);
        const components = await repo.components([input.kitItemId]);
        if (!kit) throw new AppError('NOT_FOUND');
        if (!kit.isKit || !components.length) throw new AppError('SUPPLY_NOT_A_KIT');
        const lines = assemblyLines(p.id, kit.id, components, input.quantity);
        return {
          header: { ...common, kind: 'assemble', toPlaceId: p.id, regionCode: p.regionCode },
          keys: lines,
          plan: () => lines,
        };
      }),

    /** A donation and the receive movement that brings its goods into the chosen place. */
    async donate(ctx: Ctx, input: DonationInput) {
      const donationId = ids.next();
      let regionCode = '';
      return run(
        ctx,
        input,
        'receive',
        async (tx, common) => {
          const p = await place(tx, ctx.actor, input.placeId);
          regionCode = p.regionCode;
          return {
            header: { ...common, kind: 'receive', toPlaceId: p.id, donationId, regionCode: p.regionCode },
            keys: keysOf([p.id], input.lines),
            plan: () => to(p.id, input.lines),
          };
        },
        async (tx, movementId) => {
          await createLedgerRepository(tx).insertDonation({
            id: donationId,
            donorKind: input.donorKind,
            donorName: input.donorName,
            donorContact: input.donorContact || null,
            receivedOn: input.receivedOn,
            placeId: input.placeId,
            movementId,
            regionCode,
            note: input.note || null,
            createdAt: clock.now(),
            createdBy: ctx.actor.id,
          });
          await deps.recordEvent(
            tx,
            { actorId: ctx.actor.id, requestId: ctx.requestId },
            {
              action: 'donation.recorded',
              entityType: 'donation',
              entityId: donationId,
              regionCode,
              payload: {
                donorKind: input.donorKind,
                movementId,
                units: input.lines.reduce((n, l) => n + l.quantity, 0),
              },
            },
          );
        },
      );
    },
  };
}
export type MovementService = ReturnType<typeof createMovementService>;
