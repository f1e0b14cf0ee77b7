import {
  canSentinelReport,
  type EventAction,
  type LeadDescriptor,
  type LeadState,
  maskPhone,
  publicLeadStatus,
  regionLevel,
  type SentinelAction,
  type SentinelOrgType,
  type SentinelState,
  sentinelTransition,
} from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx, SentinelIdentity } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { type RecordEvent, recordRead } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { hashSecret, newSecret } from '../../platform/secret.ts';
import type { SightingInput } from '../leads/lead.schema.ts';
import type { LeadService } from '../leads/lead.service.ts';
import { presentTrust } from './sentinel.presenter.ts';
import {
  createSentinelRepository,
  type OutcomeCounts,
  type SentinelFilter,
  type SentinelRow,
} from './sentinel.repository.ts';
import type { RegisterSentinelInput, SentinelView } from './sentinel.schema.ts';

function present(row: { sentinel: SentinelRow; regionName: string; outcomes: OutcomeCounts }): SentinelView {
  const s = row.sentinel;
  return {
    id: s.id,
    displayName: s.displayName,
    phoneMasked: maskPhone(s.phone) ?? '',
    orgType: s.orgType as SentinelOrgType,
    orgName: s.orgName,
    regionCode: s.regionCode,
    regionName: row.regionName,
    state: s.state as SentinelState,
    reportCount: row.outcomes.reports,
    trust: presentTrust(row.outcomes),
    reviewNote: s.reviewNote,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}

/** The event each review act writes; reinstating is approving a suspended sentinel again. */
const actionEvents: Record<SentinelAction, EventAction> = {
  approve: 'sentinel.approved',
  reject: 'sentinel.rejected',
  suspend: 'sentinel.suspended',
  reinstate: 'sentinel.approved',
};

/** How many of their own reports a sentinel sees (the latest; older ones are still tracked by code). */
const OWN_REPORTS_LIMIT = 50;

export function createSentinelService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  leads: Pick<LeadService, 'receiveFromSentinel'>;
  /** The city this deployment serves: sentinels register within it. */
  publicRegionCode: string;
}) {
  const { db, clock, ids, recordEvent } = deps;
  const repo = createSentinelRepository(db);

  async function find(actor: Actor, id: string) {
    const row = await repo.findById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  return {
    /**
     * A registration waits for the bureau. The token is the sentinel's only credential: it is
     * returned once, here, and only its hash is kept.
     */
    async register(input: RegisterSentinelInput, requestId: string) {
      const regionCode = input.regionCode ?? deps.publicRegionCode;
      const level = regionLevel(regionCode);
      if (
        (level !== 'county' && level !== 'city') ||
        !(await repo.regionExists(regionCode, deps.publicRegionCode))
      )
        throw new AppError('VALIDATION_FAILED', {
          field: 'regionCode',
          reason: 'a county or the city this service covers',
        });
      const id = ids.next();
      const token = newSecret();
      await db.transaction(async (tx) => {
        const r = createSentinelRepository(tx);
        if (await r.phoneTaken(input.phone)) throw new AppError('SENTINEL_PHONE_TAKEN');
        const now = clock.now();
        await r.insert({
          id,
          displayName: input.displayName,
          phone: input.phone,
          orgType: input.orgType,
          orgName: input.orgName ?? null,
          regionCode,
          state: 'pending',
          tokenHash: hashSecret(token),
          createdAt: now,
          updatedAt: now,
        });
        await recordEvent(
          tx,
          { actorId: null, requestId },
          {
            action: 'sentinel.registered',
            entityType: 'sentinel',
            entityId: id,
            regionCode,
            payload: { orgType: input.orgType },
          },
        );
      });
      return { sentinelId: id, token, state: 'pending' as const };
    },

    /** Where a sentinel can say they work: the city this service covers, then its counties. */
    regions: async () => ({ items: await repo.regionAndChildren(deps.publicRegionCode) }),

    findByTokenHash: async (tokenHash: string): Promise<SentinelIdentity | null> => {
      const row = await repo.findByTokenHash(tokenHash);
      return row ? { id: row.id, regionCode: row.regionCode, state: row.state as SentinelState } : null;
    },

    async me(identity: SentinelIdentity) {
      const found = await repo.findOwn(identity.id);
      if (!found) throw new AppError('INVALID_SENTINEL_TOKEN');
      return {
        displayName: found.sentinel.displayName,
        orgType: found.sentinel.orgType as SentinelOrgType,
        state: found.sentinel.state as SentinelState,
        trust: presentTrust(found.outcomes),
      };
    },

    /** Only an approved sentinel reports as a sentinel; anyone else can still use /report. */
    async report(identity: SentinelIdentity, input: SightingInput, requestId: string): Promise<string> {
      if (!canSentinelReport(identity.state)) throw new AppError('SENTINEL_NOT_APPROVED');
      // A sentinel is known by their token: no call-back number or device token from them.
      const { reporterPhone: _phone, callBack: _callBack, deviceToken: _device, ...sighting } = input;
      return (await deps.leads.receiveFromSentinel(identity, sighting, requestId)).trackingCode;
    },

    /** What became of each of their reports, in the words the public is told. */
    async reports(identity: SentinelIdentity) {
      const rows = await repo.listReports(identity.id, OWN_REPORTS_LIMIT);
      return {
        items: rows.map((r) => {
          // A merged duplicate reports what happened to the lead it joined.
          const shown = r.state === 'duplicate' && r.joinedState ? r.joinedState : r.state;
          const updatedAt =
            r.joinedUpdatedAt && r.joinedUpdatedAt > r.updatedAt ? r.joinedUpdatedAt : r.updatedAt;
          return {
            trackingCode: r.trackingCode,
            receivedAt: r.receivedAt.toISOString(),
            address: r.address,
            descriptors: r.descriptors as LeadDescriptor[],
            status: publicLeadStatus(shown as LeadState),
            updatedAt: updatedAt.toISOString(),
          };
        }),
      };
    },

    async list(actor: Actor, filter: SentinelFilter, page: number, pageSize: number) {
      const [rows, total] = await Promise.all([
        repo.list(actor, filter, page, pageSize),
        repo.count(actor, filter),
      ]);
      return { items: rows.map(present), total };
    },

    /** Review acts; the row is locked so two reviewers acting at once take turns. */
    async act(ctx: Ctx, id: string, input: { action: SentinelAction; note?: string | undefined }) {
      await db.transaction(async (tx) => {
        const r = createSentinelRepository(tx);
        const row = await r.lockById(ctx.actor, id);
        if (!row) throw new AppError('NOT_FOUND');
        const to = sentinelTransition(row.state as SentinelState, input.action);
        if (!to) throw new AppError('INVALID_TRANSITION', { from: row.state, action: input.action });
        const now = clock.now();
        await r.update(id, {
          state: to,
          reviewedBy: ctx.actor.id,
          reviewedAt: now,
          reviewNote: input.note || null,
          updatedAt: now,
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: actionEvents[input.action],
            entityType: 'sentinel',
            entityId: id,
            regionCode: row.regionCode,
            payload: { from: row.state, to, orgType: row.orgType },
          },
        );
      });
      return present(await find(ctx.actor, id));
    },

    /** The full number, to call a sentinel back: a deliberate, audited read. */
    async revealPhone(ctx: Ctx, id: string) {
      const { sentinel } = await find(ctx.actor, id);
      await recordRead(db, recordEvent, ctx, {
        action: 'sentinel.phone_viewed',
        entityType: 'sentinel',
        entityId: id,
        regionCode: sentinel.regionCode,
        payload: { field: 'phone' },
      });
      return { phone: sentinel.phone };
    },
  };
}

export type SentinelService = ReturnType<typeof createSentinelService>;
