import {
  type ArrivalKind,
  allowedDays,
  checkDischarge,
  type DischargeType,
  fiveBasics,
  isLongStay,
  isOverstay,
  maskResidentId,
  type StayState,
  stayDays,
  stayLimitDays,
  subjectFacts,
  type TriageFact,
  triageIntake,
  type ZoneKind,
  zoneFor,
  zoneKinds,
} from '@warmline/domain';
import type { Db, Tx } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { type RecordEvent, recordRead } from '../../platform/events.ts';
import { type Ids, readableCode } from '../../platform/ids.ts';
import { createEncounterRepository } from '../encounters/encounter.repository.ts';
import { namePinyin } from '../persons/pinyin.ts';
import { tempNumber } from '../persons/temp-number.ts';
import { createStayRepository, type StayRow } from './stay.repository.ts';
import type { AdmitInput, ArriveInput, StayDetail, StayView } from './stay.schema.ts';
import { type FontConfig, type StayForm, stayFormPdf } from './stay-forms.ts';

type Found = NonNullable<Awaited<ReturnType<ReturnType<typeof createStayRepository>['find']>>>;
type Bed = { id: string; label: string; zoneName: string; zoneKind: ZoneKind } | null;

const OPEN: StayState[] = ['arrived', 'admitted'];

/** A collector's ID number is masked like every other one. */
const maskDetails = (d: Record<string, unknown> | null) =>
  d && typeof d.collectorResidentId === 'string'
    ? { ...d, collectorResidentId: maskResidentId(d.collectorResidentId) }
    : d;

export function presentStay(
  row: Pick<Found, 'stay' | 'person' | 'orgName'>,
  bed: Bed,
  extensionDays: number[],
  now: Date,
): StayView {
  const { stay: s, person: p } = row;
  const inStation = s.state === 'admitted' && s.admittedAt;
  const allowed = allowedDays(
    s.stayLimitDays,
    extensionDays.map((days) => ({ days })),
  );
  return {
    id: s.id,
    orgId: s.orgId,
    orgName: row.orgName,
    regionCode: s.regionCode,
    state: s.state as StayState,
    arrivalKind: s.arrivalKind as ArrivalKind,
    person: { id: p.id, tempNumber: p.tempNumber, name: p.name, residentId: maskResidentId(p.residentId) },
    sex: s.sex as StayView['sex'],
    age: s.age,
    disabled: s.disabled,
    impaired: s.impaired,
    triage: {
      facts: s.triageFacts as TriageFact[],
      route: s.triageRoute as StayView['triage']['route'],
      notifyPolice: s.notifyPolice,
    },
    reasonForHelp: s.reasonForHelp,
    identityUnknown: s.identityUnknown,
    photoTaken: s.photoTaken,
    fingerprintTaken: s.fingerprintTaken,
    receiptNumber: s.receiptNumber,
    arrivedAt: s.arrivedAt.toISOString(),
    admittedAt: s.admittedAt?.toISOString() ?? null,
    dischargedAt: s.dischargedAt?.toISOString() ?? null,
    dischargeType: s.dischargeType as DischargeType | null,
    day: inStation ? stayDays(s.admittedAt!, now) : null,
    allowedDays: allowed,
    longStay: inStation ? isLongStay(s.admittedAt!, now) : false,
    overstay: inStation ? isOverstay(s.admittedAt!, now, allowed) : false,
    bed,
  };
}

/**
 * The rescue station from the door to the exit: arrival and triage, security check and
 * registration with a bed, care, extensions past 10 days, discharge by the rules. Each step one
 * transaction with its event; a bed is chosen with its zone locked, so none is given twice.
 */
export function createStayService(deps: { db: Db; clock: Clock; ids: Ids; recordEvent: RecordEvent }) {
  const { db, clock, ids, recordEvent } = deps;
  const repo = createStayRepository(db);
  const ev = (ctx: Ctx) => ({ actorId: ctx.actor.id, requestId: ctx.requestId });

  async function detail(actor: Actor, id: string): Promise<StayDetail> {
    const row = await repo.find(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    const [current, belongings, care, extensions, tracing] = await Promise.all([
      repo.currentBed(id),
      repo.belongings(id),
      repo.care(id),
      repo.extensions(id),
      repo.tracing(id),
    ]);
    const bed = current
      ? {
          id: current.bed.id,
          label: current.bed.label,
          zoneName: current.zone.name,
          zoneKind: current.zone.kind as ZoneKind,
        }
      : null;
    const done = new Set(care.map((c) => c.kind));
    return {
      ...presentStay(
        row,
        bed,
        extensions.map((e) => e.days),
        clock.now(),
      ),
      belongings: belongings.map((b) => ({
        id: b.id,
        item: b.item,
        quantity: b.quantity,
        state: b.state,
        note: b.note,
      })),
      care: care.map((c) => ({
        id: c.id,
        kind: c.kind as StayDetail['care'][number]['kind'],
        note: c.note,
        at: c.at.toISOString(),
      })),
      basicsDone: fiveBasics.filter((k) => done.has(k)),
      extensions: extensions.map((e) => ({
        days: e.days,
        reason: e.reason,
        approvedAt: e.approvedAt.toISOString(),
      })),
      tracing: tracing
        ? { id: tracing.id, state: tracing.state, openedAt: tracing.openedAt.toISOString() }
        : null,
      dischargeDetails: maskDetails(row.stay.dischargeDetails as Record<string, unknown> | null),
    };
  }

  /** Runs `work` on the locked stay if it is in one of `states`. */
  async function onStay<T>(
    ctx: Ctx,
    id: string,
    states: StayState[],
    work: (tx: Tx, s: StayRow) => Promise<T>,
  ) {
    return db.transaction(async (tx) => {
      const s = await createStayRepository(tx).lock(ctx.actor, id);
      if (!s) throw new AppError('NOT_FOUND');
      if (!states.includes(s.state as StayState)) throw new AppError('STAY_STATE', { state: s.state });
      return work(tx, s);
    });
  }

  /** Picks the first free bed of the zone, the zone row locked (concurrent intakes queue here). */
  async function assignBed(tx: Tx, ctx: Ctx, s: StayRow, kind: ZoneKind, at: Date) {
    const r = createStayRepository(tx);
    const zone = await r.lockZone(s.orgId, kind);
    if (!zone) throw new AppError('ZONE_FULL', { zone: kind });
    const bed = await r.freeBed(zone.id);
    if (!bed) throw new AppError('ZONE_FULL', { zone: kind });
    await r.assignBed({ id: ids.next(), stayId: s.id, bedId: bed.id, fromAt: at });
    await recordEvent(tx, ev(ctx), {
      action: 'stay.bed_assigned',
      entityType: 'stay',
      entityId: s.id,
      regionCode: s.regionCode,
      payload: { bedId: bed.id, label: bed.label, zone: zone.name },
    });
  }

  return {
    detail,

    /** A printed form as PDF; printing personal data is an audited read. */
    async form(ctx: Ctx, id: string, form: StayForm, font: FontConfig): Promise<Buffer> {
      const s = await detail(ctx.actor, id);
      const pdf = await stayFormPdf(form, s, font);
      await recordRead(db, recordEvent, ctx, {
        action: 'stay.form_printed',
        entityType: 'stay',
        entityId: id,
        regionCode: s.regionCode,
        payload: { form },
      });
      return pdf;
    },

    list: async (actor: Actor, view: 'open' | 'long' | 'discharged' | 'referred') => {
      const states: StayState[] =
        view === 'discharged'
          ? ['discharged']
          : view === 'referred'
            ? ['referred_out']
            : view === 'long'
              ? ['admitted']
              : OPEN;
      const rows = await repo.list(actor, states);
      const ext = await repo.extensionsOf(rows.map((r) => r.stay.id));
      const now = clock.now();
      const items = rows.map((r) =>
        presentStay(
          r,
          r.bedId && r.bedLabel && r.zoneName
            ? { id: r.bedId, label: r.bedLabel, zoneName: r.zoneName, zoneKind: r.zoneKind as ZoneKind }
            : null,
          ext.filter((e) => e.stayId === r.stay.id).map((e) => e.days),
          now,
        ),
      );
      return {
        items:
          view === 'long'
            ? items.filter((s) => s.longStay).sort((a, b) => (b.day ?? 0) - (a.day ?? 0))
            : items,
      };
    },

    stations: (actor: Actor) => repo.stations(actor),

    /**
     * Sets a station's zones and their capacity; beds are numbered per zone (男-01 …). Shrinking
     * removes free, never-used beds only: a zone is never smaller than the people in it.
     */
    async configureZones(
      ctx: Ctx,
      orgId: string,
      zones: { kind: ZoneKind; name: string; capacity: number; prefix: string }[],
    ) {
      const station = await repo.station(ctx.actor, orgId);
      if (!station) throw new AppError('NOT_FOUND');
      await db.transaction(async (tx) => {
        const r = createStayRepository(tx);
        for (const z of zones) {
          let zone = await r.zoneByName(orgId, z.name);
          if (!zone) {
            const id = ids.next();
            await r.insertZone({
              id,
              orgId,
              regionCode: station.regionCode,
              kind: z.kind,
              name: z.name,
              capacity: 0,
            });
            zone = { id, orgId, regionCode: station.regionCode, kind: z.kind, name: z.name, capacity: 0 };
          }
          const beds = await r.bedsOfZone(zone.id);
          const label = (n: number) => `${z.prefix}-${String(n).padStart(2, '0')}`;
          if (beds.length < z.capacity) {
            const have = new Set(beds.map((b) => b.bed.label));
            const add: { id: string; zoneId: string; label: string }[] = [];
            for (let n = 1; add.length + beds.length < z.capacity; n++)
              if (!have.has(label(n))) add.push({ id: ids.next(), zoneId: zone.id, label: label(n) });
            await r.insertBeds(add);
          } else if (beds.length > z.capacity) {
            const removable = beds.filter((b) => !b.used && !b.taken).reverse();
            const excess = beds.length - z.capacity;
            if (removable.length < excess) throw new AppError('ZONE_OCCUPIED', { zone: z.name });
            await r.deleteBeds(removable.slice(0, excess).map((b) => b.bed.id));
          }
          await r.setCapacity(zone.id, z.capacity);
        }
        await recordEvent(tx, ev(ctx), {
          action: 'station.zones_configured',
          entityType: 'org',
          entityId: orgId,
          regionCode: station.regionCode,
          payload: { zones: zones.map((z) => ({ name: z.name, capacity: z.capacity })) },
        });
      });
    },

    bedBoard: async (actor: Actor) => {
      // The user's own station first.
      const own = actor.orgId;
      const stations = (await repo.stations(actor)).sort(
        (a, b) => Number(b.id === own) - Number(a.id === own),
      );
      const zones = await repo.zones(stations.map((s) => s.id));
      const beds = await repo.beds(zones.map((z) => z.id));
      return {
        stations: stations.map((st) => ({
          id: st.id,
          name: st.name,
          zones: zones
            .filter((z) => z.orgId === st.id)
            .sort((a, b) => zoneKinds.indexOf(a.kind as ZoneKind) - zoneKinds.indexOf(b.kind as ZoneKind))
            .map((z) => {
              const own = beds.filter((b) => b.bed.zoneId === z.id);
              return {
                id: z.id,
                kind: z.kind as ZoneKind,
                name: z.name,
                capacity: z.capacity,
                occupied: own.filter((b) => b.stayId).length,
                beds: own.map((b) => ({ id: b.bed.id, label: b.bed.label, stayId: b.stayId })),
              };
            }),
        })),
      };
    },

    /** 求助登记: who came in and the triage; medical or police facts send them on, never to a bed. */
    async arrive(ctx: Ctx, input: ArriveInput): Promise<StayDetail> {
      const { actor } = ctx;
      if (!input.handoverId && !input.arrivalKind)
        throw new AppError('VALIDATION_FAILED', {
          field: 'arrivalKind',
          reason: 'handoverId or arrivalKind',
        });
      const station = await repo.station(actor, input.orgId);
      if (!station) throw new AppError('NOT_FOUND', { field: 'orgId' });
      const triage = triageIntake(input.triageFacts);
      const now = clock.now();
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r = createStayRepository(tx);
        let personId = input.personId ?? null;
        if (input.handoverId) {
          const h = await r.lockPendingHandover(actor, input.handoverId);
          if (!h) throw new AppError('NOT_FOUND', { field: 'handoverId' });
          personId = h.personId;
          await r.receiveHandover(h.id);
          await recordEvent(tx, ev(ctx), {
            action: 'handover.received',
            entityType: 'handover',
            entityId: h.id,
            regionCode: h.regionCode,
            payload: { stayId: id, orgId: station.id },
          });
        } else if (personId) {
          const p = await createEncounterRepository(tx).personById(actor, personId);
          if (!p) throw new AppError('NOT_FOUND', { field: 'personId' });
          personId = p.mergedInto ?? p.id;
        } else {
          personId = ids.next();
          const pinyin = namePinyin(input.name);
          await createEncounterRepository(tx).insertPerson({
            id: personId,
            tempNumber: tempNumber(station.regionCode),
            regionCode: station.regionCode,
            name: input.name ?? null,
            sex: input.sex,
            namePinyin: pinyin.full,
            nameInitials: pinyin.initials,
            createdAt: now,
            createdBy: actor.id,
          });
        }
        await r.insert({
          id,
          orgId: station.id,
          regionCode: station.regionCode,
          personId,
          handoverId: input.handoverId ?? null,
          arrivalKind: input.handoverId ? 'handover' : input.arrivalKind!,
          state: triage.route === 'admit' ? 'arrived' : 'referred_out',
          triageFacts: triage.reasons,
          triageRoute: triage.route,
          notifyPolice: triage.notifyPolice,
          sex: input.sex,
          age: input.age ?? null,
          reasonForHelp: input.reasonForHelp ?? null,
          arrivedAt: now,
          createdBy: actor.id,
        });
        await recordEvent(tx, ev(ctx), {
          action: triage.route === 'admit' ? 'stay.arrived' : 'stay.referred_out',
          entityType: 'stay',
          entityId: id,
          regionCode: station.regionCode,
          payload: { route: triage.route, reasons: triage.reasons, notifyPolice: triage.notifyPolice },
        });
      });
      return detail(actor, id);
    },

    /** Security check, registration, the stay limit and a bed; identity unknown opens tracing. */
    async admit(ctx: Ctx, id: string, input: AdmitInput): Promise<StayDetail> {
      const now = clock.now();
      await onStay(ctx, id, ['arrived'], async (tx, s) => {
        const r = createStayRepository(tx);
        const who = { sex: input.sex, age: input.age, disabled: input.disabled, impaired: input.impaired };
        const held = input.belongings.length > 0;
        await r.update(s.id, {
          state: 'admitted',
          sex: input.sex,
          age: input.age,
          disabled: input.disabled,
          impaired: input.impaired,
          identityUnknown: input.identityUnknown,
          reasonForHelp: input.reasonForHelp,
          photoTaken: input.photoTaken,
          fingerprintTaken: input.fingerprintTaken,
          receiptNumber: held ? `BG-${readableCode()}` : null,
          stayLimitDays: stayLimitDays(who),
          admittedAt: now,
        });
        // The registration's name and home region complete the person's record (never erase it).
        const name = input.name?.trim();
        if (name || input.homeRegion)
          await r.updatePerson(s.personId, {
            ...(name
              ? { name, namePinyin: namePinyin(name).full, nameInitials: namePinyin(name).initials }
              : {}),
            ...(input.homeRegion ? { homeRegion: input.homeRegion } : {}),
          });
        await r.insertBelongings([
          ...input.belongings.map((b) => ({
            id: ids.next(),
            stayId: s.id,
            ...b,
            note: b.note ?? null,
            state: 'held',
          })),
          ...input.refusedItems.map((b) => ({
            id: ids.next(),
            stayId: s.id,
            ...b,
            note: b.note ?? null,
            state: 'refused',
          })),
        ]);
        await recordEvent(tx, ev(ctx), {
          action: 'stay.admitted',
          entityType: 'stay',
          entityId: s.id,
          regionCode: s.regionCode,
          payload: {
            held: input.belongings.length,
            refused: input.refusedItems.length,
            identityUnknown: input.identityUnknown,
            arrivalKind: s.arrivalKind,
            subject: subjectFacts({
              personId: s.personId,
              sex: input.sex,
              age: input.age,
              facts: s.triageFacts,
              disabled: input.disabled,
              impaired: input.impaired,
              ...(await r.personOrigin(s.personId)),
            }),
          },
        });
        await assignBed(tx, ctx, s, zoneFor(who, input.needsObservation), now);
        if (input.identityUnknown) {
          const taskId = ids.next();
          await r.openTracing({
            id: taskId,
            stayId: s.id,
            personId: s.personId,
            regionCode: s.regionCode,
            state: 'open',
            openedAt: now,
          });
          await recordEvent(tx, ev(ctx), {
            action: 'tracing.opened',
            entityType: 'person',
            entityId: s.personId,
            regionCode: s.regionCode,
            payload: { stayId: s.id, taskId },
          });
        }
      });
      return detail(ctx.actor, id);
    },

    /** Moves an admitted person to another bed of the same station (the new zone locked). */
    async moveBed(ctx: Ctx, id: string, bedId: string): Promise<StayDetail> {
      const now = clock.now();
      await onStay(ctx, id, ['admitted'], async (tx, s) => {
        const r = createStayRepository(tx);
        const target = await r.lockZoneOfBed(bedId);
        if (!target || target.zone.orgId !== s.orgId) throw new AppError('NOT_FOUND', { field: 'bedId' });
        if (await r.bedTaken(bedId)) throw new AppError('BED_TAKEN');
        await r.releaseBed(s.id, now);
        await r.assignBed({ id: ids.next(), stayId: s.id, bedId, fromAt: now });
        await recordEvent(tx, ev(ctx), {
          action: 'stay.bed_assigned',
          entityType: 'stay',
          entityId: s.id,
          regionCode: s.regionCode,
          payload: { bedId, label: target.bed.label, zone: target.zone.name, moved: true },
        });
      });
      return detail(ctx.actor, id);
    },

    async care(ctx: Ctx, id: string, input: { kind: string; note?: string }): Promise<StayDetail> {
      await onStay(ctx, id, ['admitted'], async (tx, s) => {
        await createStayRepository(tx).insertCare({
          id: ids.next(),
          stayId: s.id,
          kind: input.kind,
          note: input.note ?? null,
          at: clock.now(),
          userId: ctx.actor.id,
        });
        await recordEvent(tx, ev(ctx), {
          action: 'stay.care_recorded',
          entityType: 'stay',
          entityId: s.id,
          regionCode: s.regionCode,
          payload: { kind: input.kind },
        });
      });
      return detail(ctx.actor, id);
    },

    /** A recorded approval to stay past the limit (the approver is the caller, with stay.approve). */
    async extend(ctx: Ctx, id: string, input: { days: number; reason: string }): Promise<StayDetail> {
      await onStay(ctx, id, ['admitted'], async (tx, s) => {
        if (s.stayLimitDays === null) throw new AppError('EXTENSION_NOT_NEEDED');
        await createStayRepository(tx).insertExtension({
          id: ids.next(),
          stayId: s.id,
          days: input.days,
          reason: input.reason,
          approvedBy: ctx.actor.id,
          approvedAt: clock.now(),
        });
        await recordEvent(tx, ev(ctx), {
          action: 'stay.extended',
          entityType: 'stay',
          entityId: s.id,
          regionCode: s.regionCode,
          payload: { days: input.days, reason: input.reason },
        });
      });
      return detail(ctx.actor, id);
    },

    /** 离站 by the rules: the bed is freed and held belongings handed back (kept after a death). */
    async discharge(ctx: Ctx, id: string, input: { type: DischargeType; details: Record<string, unknown> }) {
      const now = clock.now();
      await onStay(ctx, id, ['admitted'], async (tx, s) => {
        const who = { sex: s.sex as 'male', age: s.age, disabled: s.disabled, impaired: s.impaired };
        const check = checkDischarge(input.type, who, input.details, now);
        if (!check.ok)
          throw new AppError('DISCHARGE_REFUSED', { refusal: check.refusal, field: check.field });
        const r = createStayRepository(tx);
        await r.update(s.id, {
          state: 'discharged',
          dischargedAt: now,
          dischargeType: input.type,
          dischargeDetails: input.details,
        });
        await r.releaseBed(s.id, now);
        if (input.type !== 'death' && input.type !== 'left_without_notice')
          await r.returnBelongings(s.id, now);
        await recordEvent(tx, ev(ctx), {
          action: 'stay.discharged',
          entityType: 'stay',
          entityId: s.id,
          regionCode: s.regionCode,
          payload: {
            type: input.type,
            days: s.admittedAt ? stayDays(s.admittedAt, now) : 0,
            personId: s.personId,
            // Admitted unknown and gone home to family: a tracing that succeeded (寻亲成功).
            identityUnknown: s.identityUnknown,
          },
        });
      });
      return detail(ctx.actor, id);
    },
  };
}

export type StayService = ReturnType<typeof createStayService>;
