import {
  can,
  isLowStock,
  type MovementKind,
  maskPhone,
  type SupplyKind,
  type SupplyPlaceKind,
  type SupplyUnit,
} from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { RegionService } from '../regions/region.service.ts';
import { createLedgerRepository } from './ledger.repository.ts';
import type { DonationView } from './movement.schema.ts';
import { createSupplyRepository, type ItemRow } from './supply.repository.ts';
import type {
  DiscrepancyView,
  ItemInput,
  ItemView,
  PlaceInput,
  PlaceView,
  StockRowView,
  TeamStockView,
} from './supply.schema.ts';

type StockJoin = Awaited<ReturnType<ReturnType<typeof createSupplyRepository>['lowStock']>>[number];

const presentStock = ({ stock: s, item: i, place: p }: StockJoin): StockRowView => ({
  placeId: p.id,
  placeName: p.name,
  placeKind: p.kind as SupplyPlaceKind,
  regionCode: p.regionCode,
  itemId: i.id,
  itemName: i.name,
  unit: i.unit as SupplyUnit,
  supplyKind: i.supplyKind as SupplyKind,
  isKit: i.isKit,
  quantity: s.quantity,
  minQuantity: s.minQuantity,
  low: isLowStock(s.quantity, s.minQuantity),
});

/** A donor's contact may be a person's phone: any mobile number in it is shown masked. */
const maskContact = (contact: string | null) =>
  contact ? contact.replace(/1\d{10}/g, (phone) => maskPhone(phone)!) : null;

/**
 * The supplies screen's reads and set-up: the catalogue, places, stock by place, a place's
 * ledger, thresholds and alerts, donations, the teams' vehicles. Movements are in
 * movement.service.ts; the hand-out other modules call inside their transaction in hand-out.ts.
 */
export function createSupplyService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  regions: Pick<RegionService, 'assertAssignable'>;
}) {
  const { db, clock, ids, recordEvent, regions } = deps;
  const repo = createSupplyRepository(db);
  const ledgerRepo = createLedgerRepository(db);
  const eventCtx = (ctx: Ctx) => ({ actorId: ctx.actor.id, requestId: ctx.requestId });

  async function presentItems(rows: ItemRow[]): Promise<ItemView[]> {
    const parts = await repo.components(rows.filter((r) => r.isKit).map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit as SupplyUnit,
      supplyKind: r.supplyKind as SupplyKind,
      isKit: r.isKit,
      components: parts
        .filter((c) => c.kitId === r.id)
        .map((c) => ({ itemId: c.itemId, name: c.name, quantity: c.quantity })),
    }));
  }

  type PlaceJoin = NonNullable<Awaited<ReturnType<typeof repo.placeById>>>;
  const presentPlace = ({ place: p, ...rest }: PlaceJoin): PlaceView => ({
    id: p.id,
    name: p.name,
    kind: p.kind as SupplyPlaceKind,
    regionCode: p.regionCode,
    orgId: p.orgId,
    teamId: p.teamId,
    shelterId: p.shelterId,
    address: p.address,
    ...rest,
  });

  async function getPlace(actor: Actor, id: string): Promise<PlaceView> {
    const row = await repo.placeById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentPlace(row);
  }

  /** Donations with what each brought in (from its receive movement's lines). */
  async function presentDonations(
    rows: Awaited<ReturnType<typeof ledgerRepo.donations>>,
  ): Promise<DonationView[]> {
    const lines = rows.length ? await ledgerRepo.linesOf(rows.map((r) => r.donation.movementId)) : [];
    return rows.map(({ donation: d, placeName }) => {
      const own = lines.filter((l) => l.line.movementId === d.movementId);
      return {
        id: d.id,
        donor: {
          kind: d.donorKind as DonationView['donor']['kind'],
          name: d.donorName,
          contactMasked: maskContact(d.donorContact),
        },
        receivedOn: d.receivedOn,
        placeId: d.placeId,
        placeName,
        movementId: d.movementId,
        note: d.note,
        lines: own.map((l) => ({ itemId: l.line.itemId, itemName: l.itemName, quantity: l.line.quantity })),
        totalQuantity: own.reduce((n, l) => n + l.line.quantity, 0),
      };
    });
  }

  return {
    getPlace,
    items: async () => ({ items: await presentItems(await repo.items()) }),

    /** A catalogue item; a kit names its parts, which are plain items (a kit holds no kits). */
    async createItem(ctx: Ctx, input: ItemInput): Promise<ItemView> {
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r = createSupplyRepository(tx);
        if (await r.itemNameTaken(input.name)) throw new AppError('SUPPLY_ITEM_NAME_TAKEN');
        const parts = await r.itemsByIds(input.components.map((c) => c.itemId));
        if (
          parts.length !== new Set(input.components.map((c) => c.itemId)).size ||
          parts.some((p) => p.isKit)
        )
          throw new AppError('SUPPLY_KIT_INVALID');
        await r.insertItem({
          id,
          name: input.name,
          unit: input.unit,
          supplyKind: input.supplyKind,
          isKit: input.components.length > 0,
          createdAt: clock.now(),
          createdBy: ctx.actor.id,
        });
        await r.insertComponents(input.components.map((c) => ({ kitId: id, ...c })));
        await recordEvent(tx, eventCtx(ctx), {
          action: 'supply.item_created',
          entityType: 'supply_item',
          entityId: id,
          regionCode: ctx.actor.regionCode,
          payload: { supplyKind: input.supplyKind, isKit: input.components.length > 0 },
        });
      });
      return (await presentItems(await repo.itemsByIds([id])))[0]!;
    },

    places: async (actor: Actor, kind?: SupplyPlaceKind) => ({
      items: (await repo.places(actor, kind)).map(presentPlace),
    }),

    /** A place: a team's vehicle belongs to a team in the region, a station store to a station. */
    async createPlace(ctx: Ctx, input: PlaceInput): Promise<PlaceView> {
      await regions.assertAssignable(ctx.actor, input.regionCode);
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r = createSupplyRepository(tx);
        const orgRow = input.orgId ? await r.orgById(ctx.actor, input.orgId) : null;
        const [teamRow] = input.teamId ? await r.teams(ctx.actor, input.teamId) : [];
        const linked =
          (input.kind === 'team_vehicle') === !!input.teamId &&
          (!input.teamId || teamRow?.regionCode === input.regionCode) &&
          (!input.orgId || !!orgRow) &&
          (input.kind !== 'station' || orgRow?.kind === 'station');
        if (!linked || (input.teamId && !teamRow)) throw new AppError('SUPPLY_PLACE_LINK_INVALID');
        if (await r.placeNameTaken(input.regionCode, input.name))
          throw new AppError('SUPPLY_PLACE_NAME_TAKEN');
        await r.insertPlace({
          id,
          name: input.name,
          kind: input.kind,
          regionCode: input.regionCode,
          orgId: input.orgId ?? null,
          teamId: input.teamId ?? null,
          address: input.address || null,
          createdAt: clock.now(),
          createdBy: ctx.actor.id,
        });
        await recordEvent(tx, eventCtx(ctx), {
          action: 'supply.place_created',
          entityType: 'supply_place',
          entityId: id,
          regionCode: input.regionCode,
          payload: { kind: input.kind, teamId: input.teamId ?? null, orgId: input.orgId ?? null },
        });
      });
      return getPlace(ctx.actor, id);
    },

    stock: async (actor: Actor, f: { kind?: SupplyPlaceKind | undefined; placeId?: string | undefined }) => ({
      items: (await repo.stockRows(actor, f)).map(presentStock),
    }),

    async setThreshold(ctx: Ctx, placeId: string, input: { itemId: string; minQuantity: number | null }) {
      const place = await getPlace(ctx.actor, placeId);
      if (!(await repo.itemsByIds([input.itemId])).length) throw new AppError('NOT_FOUND');
      await db.transaction(async (tx) => {
        await createSupplyRepository(tx).setMinQuantity(
          placeId,
          input.itemId,
          input.minQuantity,
          clock.now(),
        );
        await recordEvent(tx, eventCtx(ctx), {
          action: 'supply.threshold_set',
          entityType: 'supply_place',
          entityId: placeId,
          regionCode: place.regionCode,
          payload: input,
        });
      });
      return { items: (await repo.stockRows(ctx.actor, { placeId })).map(presentStock) };
    },

    /** Low stock and discrepancies (账实不符) in the caller's jurisdiction. */
    async alerts(actor: Actor) {
      const [low, open] = await Promise.all([repo.lowStock(actor), ledgerRepo.openDiscrepancies(actor)]);
      return {
        lowStock: low.map(presentStock),
        discrepancies: open.map(
          ({ d, placeName, itemName }): DiscrepancyView => ({
            id: d.id,
            placeId: d.placeId,
            placeName,
            itemId: d.itemId,
            itemName,
            supplyKind: d.supplyKind as SupplyKind | null,
            quantity: d.quantity,
            movementId: d.movementId,
            encounterId: d.encounterId,
            raisedAt: d.raisedAt.toISOString(),
          }),
        ),
      };
    },

    async resolveDiscrepancy(ctx: Ctx, id: string, note: string | null) {
      const [row] = await ledgerRepo.openDiscrepancies(ctx.actor, id);
      if (!row) throw new AppError('NOT_FOUND');
      await db.transaction(async (tx) => {
        if (!(await createLedgerRepository(tx).resolveDiscrepancy(id, ctx.actor.id, clock.now(), note)))
          throw new AppError('DISCREPANCY_RESOLVED');
        await recordEvent(tx, eventCtx(ctx), {
          action: 'supply.discrepancy_resolved',
          entityType: 'supply_discrepancy',
          entityId: id,
          regionCode: row.d.regionCode,
          payload: { placeId: row.d.placeId, quantity: row.d.quantity },
        });
      });
    },

    /** A place's ledger: each line with who, when, why and the other side. */
    async ledger(actor: Actor, placeId: string, limit: number) {
      await getPlace(actor, placeId);
      const rows = await ledgerRepo.ledgerOf(placeId, limit);
      return {
        items: rows.map((r) => {
          const m = r.movement;
          const outgoing = m.fromPlaceId === placeId;
          return {
            movementId: m.id,
            kind: m.kind as MovementKind,
            reason: m.reason,
            note: m.note,
            at: m.at.toISOString(),
            actorName: r.actorName,
            itemId: r.item.id,
            itemName: r.item.name,
            unit: r.item.unit as SupplyUnit,
            supplyKind: r.item.supplyKind as SupplyKind,
            quantity: r.line.quantity,
            counterpart: outgoing ? (r.toName ?? r.teamName) : (r.donorName ?? r.fromName),
            encounterId: m.encounterId,
            stayId: m.stayId,
          };
        }),
      };
    },

    donations: async (actor: Actor) => ({ items: await presentDonations(await ledgerRepo.donations(actor)) }),
    async donationOfMovement(actor: Actor, movementId: string): Promise<DonationView> {
      const rows = await ledgerRepo.donations(actor, movementId);
      if (!rows.length) throw new AppError('NOT_FOUND');
      return (await presentDonations(rows))[0]!;
    },

    teams: async (actor: Actor) => ({ items: await repo.teams(actor) }),

    /**
     * A team vehicle's stock: for anyone who reads supplies in the team's region, and for the
     * team's own members (a patrol member reads no other team's: 404 like a missing team).
     */
    async teamStock(actor: Actor, teamId: string): Promise<TeamStockView> {
      const [t] = await repo.teams(actor, teamId);
      if (!t || (!can(actor.role, 'supply.read') && !(await repo.isTeamMember(actor.id, teamId))))
        throw new AppError('NOT_FOUND');
      const rows = t.placeId ? await repo.stockRows(actor, { placeId: t.placeId }) : [];
      return {
        teamId: t.id,
        teamName: t.name,
        placeId: t.placeId,
        items: rows
          .map(presentStock)
          .map(({ placeId: _p, placeName: _n, placeKind: _k, regionCode: _r, ...item }) => item),
      };
    },
  };
}
export type SupplyService = ReturnType<typeof createSupplyService>;
