import { createHash } from 'node:crypto';
import {
  beijingDate,
  canTransition,
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_MS,
  duplicateScore,
  intakeVerdict,
  isOpenLead,
  type LeadDescriptor,
  type LeadSource,
  type LeadState,
  MAX_LEAD_PHOTOS,
  maskPhone,
  normaliseTrackingCode,
  publicLeadStatus,
  SPAM_MODEL_VERSION,
  screenLeadText,
  seasonStartDay,
  trackingCodePattern,
  vulnerableDescriptors,
} from '@warmline/domain';
import type { Db, Tx } from '../../db/pool.ts';
import type { Actor, Ctx, PartnerIdentity } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import {
  createChangeRecorder,
  type EventContext,
  type EventInput,
  type RecordEvent,
  recordRead,
} from '../../platform/events.ts';
import { type Ids, readableCode } from '../../platform/ids.ts';
import { presentLeadSentinel } from '../sentinels/sentinel.presenter.ts';
import {
  createLeadRepository,
  insertLeadStatement,
  type LeadFilter,
  type LeadRow,
} from './lead.repository.ts';
import type { LeadAction, LeadView, SightingInput } from './lead.schema.ts';
import { createLeadPhotoRepository } from './lead-photo.repository.ts';
import { type ProcessedPhoto, processPhoto } from './lead-photo.ts';
import { screeningTally } from './spam-decisions.ts';

type Sighting = Omit<SightingInput, 'callBack' | 'deviceToken' | 'reporterPhone'> & {
  reporterPhone?: string | undefined;
  callBack?: boolean | undefined;
  deviceToken?: string | undefined;
  clientId?: string | undefined;
  externalRef?: string | undefined;
};

const isVulnerable = (descriptors: readonly string[]) =>
  descriptors.some((d) => vulnerableDescriptors.includes(d as LeadDescriptor));

const newTrackingCode = () => readableCode();

export function present(
  row: LeadRow,
  regionName: string,
  photoCount = 0,
  sentinel: LeadView['sentinel'] = null,
): LeadView {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    source: row.source as LeadView['source'],
    state: row.state as LeadState,
    descriptors: row.descriptors as LeadDescriptor[],
    vulnerable: isVulnerable(row.descriptors),
    description: row.description,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    accuracyM: row.accuracyM,
    regionCode: row.regionCode,
    regionName,
    reporterPhoneMasked: maskPhone(row.reporterPhone),
    callBack: row.callBack,
    externalRef: row.externalRef,
    spamScore: row.spamScore,
    spamReasons: row.spamReasons,
    duplicateOf: row.duplicateOf,
    likelyDuplicate: null,
    photoCount,
    sentinel,
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a lead action moves to, and the event it writes. */
const actionPlan: Record<
  LeadAction['action'],
  {
    to: LeadState;
    event: 'lead.triaged' | 'lead.quarantined' | 'lead.restored' | 'lead.merged' | 'lead.closed';
  }
> = {
  triage: { to: 'triaged', event: 'lead.triaged' },
  quarantine: { to: 'spam', event: 'lead.quarantined' },
  restore: { to: 'new', event: 'lead.restored' },
  merge: { to: 'duplicate', event: 'lead.merged' },
  close: { to: 'closed', event: 'lead.closed' },
};

export function createLeadService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  /** Where public reports land: the command centre of the city this deployment serves. */
  publicRegionCode: string;
}) {
  const { db, clock, ids, recordEvent } = deps;
  const recordChange = createChangeRecorder({ clock, ids });
  const repo = createLeadRepository(db);

  interface ReceiveExtra {
    id?: string;
    partnerKeyId?: string;
    sentinelId?: string;
    createdBy?: string | null;
    screen?: boolean;
    /** Already re-encoded (see processPhoto): stored with the lead, or not at all. */
    photos?: ProcessedPhoto[];
  }

  /** The checked, screened row of a new lead and its `lead.received` event; nothing written yet. */
  function prepare(source: LeadSource, regionCode: string, input: Sighting, extra: ReceiveExtra) {
    if ((input.lat === undefined) !== (input.lng === undefined)) {
      throw new AppError('VALIDATION_FAILED', { field: 'lat/lng', reason: 'give both or neither' });
    }
    if (input.lat === undefined && !input.address) throw new AppError('LOCATION_REQUIRED');
    if (!input.description && input.descriptors.length === 0) throw new AppError('DETAILS_REQUIRED');
    const now = clock.now();
    // Open channels are screened for ads; a quarantined lead is kept (restorable), never dropped.
    const screening = extra.screen
      ? screenLeadText({
          description: input.description ?? '',
          address: input.address,
          descriptors: input.descriptors,
        })
      : null;
    const verdict = intakeVerdict(screening);
    const row: LeadRow = {
      id: extra.id ?? ids.next(),
      trackingCode: newTrackingCode(),
      source,
      state: verdict.state,
      descriptors: [...new Set(input.descriptors)],
      description: input.description || null,
      address: input.address || null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      accuracyM: input.accuracyM ?? null,
      regionCode,
      reporterPhone: input.reporterPhone ?? null,
      callBack: input.callBack ?? false,
      deviceToken: input.deviceToken ?? null,
      clientId: input.clientId ?? null,
      partnerKeyId: extra.partnerKeyId ?? null,
      sentinelId: extra.sentinelId ?? null,
      externalRef: input.externalRef ?? null,
      spamScore: screening?.score ?? null,
      spamReasons: screening?.reasons ?? [],
      duplicateOf: null,
      outcomeNote: null,
      receivedAt: now,
      updatedAt: now,
      createdBy: extra.createdBy ?? null,
    };
    const photoCount = extra.photos?.length ?? 0;
    const received: EventInput = {
      action: 'lead.received',
      entityType: 'lead',
      entityId: row.id,
      regionCode,
      // Facts for figures and the live map; never the reporter's words or number.
      payload: {
        source,
        descriptors: row.descriptors,
        vulnerable: isVulnerable(row.descriptors),
        photoCount,
        ...verdict,
      },
    };
    return { row, received };
  }

  /** Every channel ends here: one row (and its photos) and its `lead.received` event, in one transaction. */
  async function receive(
    tx: Tx,
    event: EventContext,
    source: LeadSource,
    regionCode: string,
    input: Sighting,
    extra: ReceiveExtra = {},
  ): Promise<LeadRow> {
    const { row, received } = prepare(source, regionCode, input, extra);
    await createLeadRepository(tx).insert(row);
    await createLeadPhotoRepository(tx).insertMany(
      (extra.photos ?? []).map((p) => ({
        id: ids.next(),
        leadId: row.id,
        regionCode,
        createdAt: row.receivedAt,
        ...p,
      })),
    );
    await recordEvent(tx, event, received);
    return row;
  }

  /**
   * The same for a lead without photos as one autocommitted statement (the INSERT, its event
   * and the NOTIFY): the busiest path, one round trip instead of BEGIN, two writes and COMMIT.
   */
  async function receiveAtOnce(
    event: EventContext,
    source: LeadSource,
    regionCode: string,
    input: Sighting,
    extra: Omit<ReceiveExtra, 'photos'> = {},
  ): Promise<LeadRow> {
    const { row, received } = prepare(source, regionCode, input, extra);
    await recordChange(db, event, received, insertLeadStatement(row));
    return row;
  }

  async function get(actor: Actor, id: string): Promise<LeadView> {
    const found = await repo.findById(actor, id);
    if (!found) throw new AppError('NOT_FOUND');
    const view = present(found.lead, found.regionName, found.photoCount, presentLeadSentinel(found));
    await suggestDuplicates(actor, [found.lead], [view]);
    return view;
  }

  /**
   * For each new or triaged lead, the best earlier open lead it probably repeats (domain rule:
   * near, recent, describing the same person). One query for the whole page.
   */
  async function suggestDuplicates(actor: Actor, rows: LeadRow[], views: LeadView[]): Promise<void> {
    const candidates = rows.filter((r) => r.state === 'new' || r.state === 'triaged');
    if (candidates.length === 0) return;
    const times = candidates.map((r) => r.receivedAt.getTime());
    // One placed lead (a hotline answer, a lead opened): look only around it. 1° of latitude is
    // ~111 km, so the box's half-side (and twice that in longitude, safe to ±60°) covers the radius.
    const [only] = candidates;
    const near =
      candidates.length === 1 && only?.lat != null && only.lng != null
        ? { lat: only.lat, lng: only.lng, degrees: (DUPLICATE_RADIUS_M * 1.5) / 111_000 }
        : undefined;
    const pool = await repo.openBetween(
      actor,
      new Date(Math.min(...times) - DUPLICATE_WINDOW_MS),
      new Date(Math.max(...times)),
      near,
    );
    const asSighting = (r: LeadRow) => ({ ...r, descriptors: r.descriptors as LeadDescriptor[] });
    for (const row of candidates) {
      let best: { id: string; trackingCode: string; score: number } | null = null;
      for (const other of pool) {
        if (other.id === row.id || other.receivedAt >= row.receivedAt) continue;
        const score = duplicateScore(asSighting(row), asSighting(other));
        if (score !== null && (!best || score > best.score))
          best = { id: other.id, trackingCode: other.trackingCode, score };
      }
      const view = views[rows.indexOf(row)];
      if (view) view.likelyDuplicate = best;
    }
  }

  return {
    get,

    /**
     * A resend of the same submission (same `clientId`, same device) answers the code made the
     * first time: on a weak network the reply is often lost after the report arrived. Its photos
     * are not looked at again, so they are stored once.
     */
    async receivePublic(input: SightingInput, requestId: string, uploads: Buffer[] = []): Promise<string> {
      const resent = async () => {
        const earlier = input.clientId ? await repo.findByClientId(input.clientId) : null;
        if (!earlier) return null;
        if (earlier.deviceToken !== (input.deviceToken ?? null)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return earlier.trackingCode;
      };
      // Without photos a resend is cheap to try: the unique client id refuses it, and the catch
      // below answers the first code. With photos, look first rather than re-encode them.
      if (uploads.length > 0) {
        const known = await resent();
        if (known) return known;
      }
      if (uploads.length > MAX_LEAD_PHOTOS) throw new AppError('TOO_MANY_PHOTOS', { max: MAX_LEAD_PHOTOS });
      // Re-encoded before the transaction (no connection held while sharp works), one at a time
      // to bound memory; any refused photo stops the whole report before anything is stored.
      const photos: ProcessedPhoto[] = [];
      for (const upload of uploads) photos.push(await processPhoto(upload));
      try {
        const event = { actorId: null, requestId };
        const row =
          photos.length === 0
            ? await receiveAtOnce(event, 'public', deps.publicRegionCode, input, { screen: true })
            : await db.transaction((tx) =>
                receive(tx, event, 'public', deps.publicRegionCode, input, { screen: true, photos }),
              );
        return row.trackingCode;
      } catch (err) {
        // Two resends racing: the loser finds the winner's lead.
        const again = await resent();
        if (again) return again;
        throw err;
      }
    },

    async receiveFromHotline(
      ctx: Ctx,
      input: Sighting & { regionCode?: string | undefined },
    ): Promise<LeadView> {
      const regionCode = input.regionCode ?? ctx.actor.regionCode;
      const row = await receiveAtOnce(
        { actorId: ctx.actor.id, requestId: ctx.requestId },
        'hotline',
        regionCode,
        input,
        { createdBy: ctx.actor.id },
      );
      return get(ctx.actor, row.id);
    },

    /**
     * A registered sentinel's report: it carries their identity (and so their trust), is not
     * screened as an ad, and lands in the sentinel's own region. The caller checks approval.
     */
    async receiveFromSentinel(
      sentinel: { id: string; regionCode: string },
      input: Sighting,
      requestId: string,
    ): Promise<LeadRow> {
      const known = input.clientId ? await repo.findByClientId(input.clientId) : null;
      if (known) {
        if (known.sentinelId !== sentinel.id) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return known;
      }
      return receiveAtOnce({ actorId: null, requestId }, 'sentinel', sentinel.regionCode, input, {
        sentinelId: sentinel.id,
      });
    },

    /**
     * The same Idempotency-Key and body return the lead made the first time; the same key
     * with another body is refused. Concurrent resends wait on the key's row, then read it.
     */
    async receiveFromPartner(
      partner: PartnerIdentity,
      idempotencyKey: string,
      input: Sighting,
      requestId: string,
    ) {
      const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
      return db.transaction(async (tx) => {
        const r = createLeadRepository(tx);
        const leadId = ids.next();
        if (
          await r.claimIdempotencyKey({ partnerKeyId: partner.id, key: idempotencyKey, requestHash, leadId })
        ) {
          const row = await receive(
            tx,
            { actorId: null, requestId },
            partner.source,
            partner.regionCode,
            input,
            {
              id: leadId,
              partnerKeyId: partner.id,
            },
          );
          return { trackingCode: row.trackingCode, leadId: row.id, created: true };
        }
        const earlier = await r.findIdempotencyKey(partner.id, idempotencyKey);
        if (!earlier || earlier.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        const existing = await tx.query.lead.findFirst({ where: (l, { eq }) => eq(l.id, earlier.leadId) });
        if (!existing) throw new AppError('NOT_FOUND');
        return { trackingCode: existing.trackingCode, leadId: existing.id, created: false };
      });
    },

    /** Plain words for the reporter, found by tracking code alone; no personal data. */
    async publicStatus(code: string) {
      const normalised = normaliseTrackingCode(code);
      if (!trackingCodePattern.test(normalised)) throw new AppError('NOT_FOUND');
      const row = await repo.findByTrackingCode(normalised);
      if (!row) throw new AppError('NOT_FOUND');
      // A merged duplicate reports what happened to the lead it joined.
      const shown =
        row.state === 'duplicate' && row.duplicateOf
          ? ((await db.query.lead.findFirst({ where: (l, { eq }) => eq(l.id, row.duplicateOf!) })) ?? row)
          : row;
      return {
        trackingCode: row.trackingCode,
        status: publicLeadStatus(shown.state as LeadState),
        receivedAt: row.receivedAt.toISOString(),
        updatedAt: shown.updatedAt.toISOString(),
      };
    },

    /**
     * The screening's record on leads received since the Beijing day `from` (spam-decisions.ts),
     * by default since the season began: 15 October, the earliest the provinces start.
     */
    screening(actor: Actor, from?: string) {
      const day = from ?? seasonStartDay(beijingDate(clock.now()));
      return screeningTally(db, actor.regionCode, new Date(`${day}T00:00:00+08:00`));
    },

    async list(actor: Actor, filter: LeadFilter, page: number, pageSize: number) {
      const [rows, total] = await Promise.all([
        repo.list(actor, filter, page, pageSize),
        repo.count(actor, filter),
      ]);
      const items = rows.map((r) => present(r.lead, r.regionName, r.photoCount, presentLeadSentinel(r)));
      await suggestDuplicates(
        actor,
        rows.map((r) => r.lead),
        items,
      );
      return { items, total };
    },

    /** Triage acts; the row is locked so two dispatchers acting at once take turns. */
    async act(ctx: Ctx, id: string, action: LeadAction): Promise<LeadView> {
      const plan = actionPlan[action.action];
      await db.transaction(async (tx) => {
        const r = createLeadRepository(tx);
        const row = await r.lockById(ctx.actor, id);
        if (!row) throw new AppError('NOT_FOUND');
        if (!canTransition(row.state as LeadState, plan.to))
          throw new AppError('INVALID_TRANSITION', { from: row.state, to: plan.to });
        if (action.action === 'merge') {
          const target = await r.lockById(ctx.actor, action.duplicateOf);
          if (!target || target.id === id || !isOpenLead(target.state as LeadState)) {
            throw new AppError('VALIDATION_FAILED', {
              field: 'duplicateOf',
              reason: 'must be another open lead in your jurisdiction',
            });
          }
        }
        await r.update(id, {
          state: plan.to,
          updatedAt: clock.now(),
          duplicateOf:
            action.action === 'merge'
              ? action.duplicateOf
              : action.action === 'restore'
                ? null
                : row.duplicateOf,
          outcomeNote: action.action === 'close' ? (action.note ?? null) : row.outcomeNote,
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: plan.event,
            entityType: 'lead',
            entityId: id,
            regionCode: row.regionCode,
            payload: { from: row.state, to: plan.to, source: row.source },
          },
        );
      });
      return get(ctx.actor, id);
    },

    /** The reporter's number in full, for a call-back: a deliberate, audited read. */
    async revealReporterPhone(ctx: Ctx, id: string) {
      const found = await repo.findById(ctx.actor, id);
      if (!found) throw new AppError('NOT_FOUND');
      await recordRead(db, recordEvent, ctx, {
        action: 'lead.reporter_phone_viewed',
        entityType: 'lead',
        entityId: id,
        regionCode: found.lead.regionCode,
        payload: { field: 'reporterPhone' },
      });
      return { phone: found.lead.reporterPhone };
    },

    findPartner: async (keyHash: string): Promise<PartnerIdentity | null> => {
      const key = await repo.findLiveKey(keyHash);
      return key ? { id: key.id, source: key.source as LeadSource, regionCode: key.regionCode } : null;
    },
  };
}

export type LeadService = ReturnType<typeof createLeadService>;
