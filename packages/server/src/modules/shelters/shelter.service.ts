import {
  can,
  capacityAt,
  countsOccupancy,
  type EventAction,
  isActiveShelter,
  isPlausibleOccupancy,
  type ShelterAction,
  type ShelterHours,
  type ShelterStatus,
  shelterTransition,
  statusForOccupancy,
} from '@warmline/domain';
import type { Db, Tx } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventContext, RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { phoneTime } from '../../platform/phone-time.ts';
import type { RegionService } from '../regions/region.service.ts';
import { presentShelter } from './shelter.present.ts';
import { createShelterRepository, type ShelterListRow, type ShelterRow } from './shelter.repository.ts';
import type { OccupancyInput, ShelterInput, ShelterView } from './shelter.schema.ts';

/** At 08:00 and 20:00 (Asia/Shanghai) open ↔ full is checked against the capacity then in force. */
export const SHELTER_SWEEP_JOB = 'shelter-capacity-sweep';

/** How late a phone may send a count it kept while the network was gone. */
const MAX_COUNT_AGE_HOURS = 12;

const actionEvents: Record<ShelterAction, EventAction> = {
  activate: 'shelter.activated',
  close: 'shelter.closed',
  stand_down: 'shelter.stood_down',
};

/**
 * The shelter network: registering places, activating and closing them, and the keepers'
 * counts. Open ↔ full follows each count (and the 08:00 / 20:00 capacity sweep), each change an
 * event in the same transaction, so the command map and the finder move without a reload.
 */
export function createShelterService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  regions: Pick<RegionService, 'assertAssignable'>;
}) {
  const { db, clock, ids, recordEvent, regions } = deps;
  const repo = createShelterRepository(db);

  async function present(rows: ShelterListRow[]): Promise<ShelterView[]> {
    const keepers = await repo.keepersOf(rows.map((r) => r.shelter.id));
    const now = clock.now();
    return rows.map((r) => presentShelter(r, keepers, now));
  }

  async function found(actor: Actor, id: string): Promise<ShelterListRow> {
    const row = await repo.findById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function get(actor: Actor, id: string) {
    const [view] = await present([await found(actor, id)]);
    const counts = (await repo.counts(id, 20)).map((r) => ({
      clientId: r.count.clientId,
      count: r.count.count,
      at: r.count.at.toISOString(),
      userName: r.userName,
    }));
    return { ...view!, counts };
  }

  /** The host station and keepers must be inside the jurisdiction, keepers of a keeping role. */
  async function checkLinks(actor: Actor, input: ShelterInput) {
    await regions.assertAssignable(actor, input.regionCode);
    if (input.orgId && !(await repo.stationInScope(actor, input.orgId)))
      throw new AppError('VALIDATION_FAILED', {
        field: 'orgId',
        reason: 'not a station in your jurisdiction',
      });
    const keepers = [...new Set(input.keeperIds)];
    if ((await repo.eligibleKeepers(actor, keepers)).length !== keepers.length)
      throw new AppError('VALIDATION_FAILED', {
        field: 'keeperIds',
        reason: 'not a keeper in your jurisdiction',
      });
    return keepers;
  }

  const fields = (input: ShelterInput) => ({
    name: input.name,
    kind: input.kind,
    hostKind: input.hostKind,
    hostName: input.hostName || null,
    orgId: input.orgId ?? null,
    regionCode: input.regionCode,
    address: input.address,
    lat: input.lat,
    lng: input.lng,
    hours: input.hours,
    capacityDay: input.capacityDay,
    capacityNight: input.capacityNight,
    services: [...new Set(input.services)],
    publicPhone: input.publicPhone || null,
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
    notes: input.notes || null,
  });

  const eventCtx = (ctx: Ctx) => ({ actorId: ctx.actor.id, requestId: ctx.requestId });
  const shelterEvent = (row: Pick<ShelterRow, 'id' | 'regionCode'>) => ({
    entityType: 'shelter',
    entityId: row.id,
    regionCode: row.regionCode,
  });

  /** Who may count at a place: managers of the jurisdiction, its named keepers, its station's staff. */
  async function assertKeeper(actor: Actor, s: ShelterRow) {
    if (can(actor.role, 'shelter.manage') || (await repo.isKeeper(s.id, actor.id))) return;
    if (actor.role === 'station_staff' && s.orgId && actor.orgId === s.orgId) return;
    throw new AppError('NOT_SHELTER_KEEPER');
  }

  /**
   * Writes the status that follows the count (open ↔ full), with its event, when it differs from
   * the stored one; true when it changed.
   */
  async function followCount(tx: Tx, ctx: EventContext, s: ShelterRow, count: number): Promise<boolean> {
    const now = clock.now();
    const status = statusForOccupancy(s.status as ShelterStatus, count, s, now);
    if (status === s.status) return false;
    await createShelterRepository(tx).update(s.id, { status, statusChangedAt: now, updatedAt: now });
    await recordEvent(tx, ctx, {
      action: status === 'full' ? 'shelter.filled' : 'shelter.freed',
      ...shelterEvent(s),
      payload: { count, capacity: capacityAt(s, now) },
    });
    return true;
  }

  return {
    get,

    async list(actor: Actor, status?: ShelterStatus) {
      const rows = await repo.list(actor);
      return { items: (await present(rows)).filter((s) => !status || s.status === status) };
    },

    /**
     * The places this user counts at (the keeper's phone screen): named keeper or their station's;
     * for a manager, every open or full place of the jurisdiction that counts people.
     */
    async mine(actor: Actor) {
      if (can(actor.role, 'shelter.manage')) {
        const rows = (await repo.list(actor)).filter(
          (r) => isActiveShelter(r.shelter.status as ShelterStatus) && countsOccupancy(r.shelter),
        );
        return { items: await present(rows) };
      }
      const station = actor.role === 'station_staff' ? (actor.orgId ?? null) : null;
      return { items: await present(await repo.keptBy(actor, actor.id, station)) };
    },

    async create(ctx: Ctx, input: ShelterInput) {
      const keepers = await checkLinks(ctx.actor, input);
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r = createShelterRepository(tx);
        if (await r.nameTaken(input.regionCode, input.name)) throw new AppError('SHELTER_NAME_TAKEN');
        const now = clock.now();
        await r.insert({
          id,
          ...fields(input),
          status: 'standby',
          createdAt: now,
          createdBy: ctx.actor.id,
          updatedAt: now,
        });
        await r.setKeepers(id, keepers);
        await recordEvent(tx, eventCtx(ctx), {
          action: 'shelter.created',
          ...shelterEvent({ id, regionCode: input.regionCode }),
          payload: {
            kind: input.kind,
            hostKind: input.hostKind,
            capacityDay: input.capacityDay,
            capacityNight: input.capacityNight,
          },
        });
      });
      return get(ctx.actor, id);
    },

    async update(ctx: Ctx, id: string, input: ShelterInput) {
      await found(ctx.actor, id);
      const keepers = await checkLinks(ctx.actor, input);
      await db.transaction(async (tx) => {
        const r = createShelterRepository(tx);
        if (await r.nameTaken(input.regionCode, input.name, id)) throw new AppError('SHELTER_NAME_TAKEN');
        const s = (await r.lock(id))!;
        await r.update(id, { ...fields(input), updatedAt: clock.now() });
        await r.setKeepers(id, keepers);
        await recordEvent(tx, eventCtx(ctx), {
          action: 'shelter.updated',
          ...shelterEvent({ id, regionCode: input.regionCode }),
          payload: {
            kind: input.kind,
            capacityDay: input.capacityDay,
            capacityNight: input.capacityNight,
            keepers: keepers.length,
          },
        });
        // A new capacity may make a full place open again, or the other way round.
        await followCount(tx, eventCtx(ctx), { ...s, ...fields(input) }, s.occupancy);
      });
      return get(ctx.actor, id);
    },

    /**
     * 一键启用 / 关闭 / 转为待启用. Activation sets the hours for the cold spell; every act starts the
     * count from zero (a place just opened, or closed, has nobody counted in it).
     */
    async act(ctx: Ctx, id: string, action: ShelterAction, hours?: ShelterHours) {
      const { shelter: place } = await found(ctx.actor, id);
      // A keeper acts on the places they keep; the bureau and dispatchers on any in their area.
      if (ctx.actor.role === 'shelter_keeper') await assertKeeper(ctx.actor, place);
      await db.transaction(async (tx) => {
        const r = createShelterRepository(tx);
        const s = (await r.lock(id))!;
        const to = shelterTransition(s.status as ShelterStatus, action);
        if (!to) throw new AppError('SHELTER_INVALID_TRANSITION', { from: s.status, action });
        const now = clock.now();
        await r.update(id, {
          status: to,
          ...(hours ? { hours } : {}),
          occupancy: 0,
          occupancyAt: now,
          statusChangedAt: now,
          updatedAt: now,
        });
        await recordEvent(tx, eventCtx(ctx), {
          action: actionEvents[action],
          ...shelterEvent(s),
          payload: { from: s.status, to, shelterKind: s.kind, ...(hours ? { hours } : {}) },
        });
      });
      return get(ctx.actor, id);
    },

    /**
     * A keeper's count of everyone inside. Stored once per client id (a resend answers the first);
     * the place shows the latest count by the time it was taken, so a late resend of an older count
     * is kept as a record but changes nothing.
     */
    async count(ctx: Ctx, id: string, input: OccupancyInput) {
      const existing = await repo.countByClientId(input.clientId);
      if (existing) {
        if (existing.shelterId !== id || existing.userId !== ctx.actor.id || existing.count !== input.count)
          throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return { created: false, shelter: await get(ctx.actor, id) };
      }
      const { shelter: s } = await found(ctx.actor, id);
      await assertKeeper(ctx.actor, s);
      const now = clock.now();
      const at = phoneTime(input.at, now, MAX_COUNT_AGE_HOURS);
      const created = await db.transaction(async (tx) => {
        const r = createShelterRepository(tx);
        const locked = (await r.lock(id))!;
        if (!isActiveShelter(locked.status as ShelterStatus)) throw new AppError('SHELTER_NOT_OPEN');
        if (!countsOccupancy(locked)) throw new AppError('SHELTER_NOT_COUNTED');
        if (!isPlausibleOccupancy(input.count, locked))
          throw new AppError('OCCUPANCY_OUT_OF_RANGE', {
            count: input.count,
            capacityDay: locked.capacityDay,
            capacityNight: locked.capacityNight,
          });
        const stored = await r.insertCount({
          id: ids.next(),
          clientId: input.clientId,
          shelterId: id,
          regionCode: locked.regionCode,
          count: input.count,
          at,
          userId: ctx.actor.id,
          createdAt: now,
        });
        if (!stored) return false; // the same count sent twice at once: the other request stored it
        const latest = !locked.occupancyAt || at >= locked.occupancyAt;
        if (latest) await r.update(id, { occupancy: input.count, occupancyAt: at, updatedAt: now });
        await recordEvent(tx, eventCtx(ctx), {
          action: 'shelter.counted',
          ...shelterEvent(locked),
          payload: { count: input.count, at: at.toISOString(), latest },
        });
        if (latest) await followCount(tx, eventCtx(ctx), locked, input.count);
        return true;
      });
      return { created, shelter: await get(ctx.actor, id) };
    },

    /**
     * At 08:00 and 20:00 the capacity in force changes (day seats ↔ night places): a place may
     * turn full or have room again with nobody counting. Returns how many places changed.
     */
    async sweepCapacity(): Promise<number> {
      let changed = 0;
      for (const { id } of await repo.activeCounted()) {
        const did = await db.transaction(async (tx) => {
          const s = await createShelterRepository(tx).lock(id);
          if (!s || !isActiveShelter(s.status as ShelterStatus)) return false;
          return followCount(tx, { actorId: null, requestId: SHELTER_SWEEP_JOB }, s, s.occupancy);
        });
        if (did) changed += 1;
      }
      return changed;
    },
  };
}
export type ShelterService = ReturnType<typeof createShelterService>;
