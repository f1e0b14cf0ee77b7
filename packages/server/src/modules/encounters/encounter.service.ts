import {
  type AgeBand,
  type AssistanceCategory,
  ageBandOf,
  assistanceObligations,
  checkOverride,
  isWithinRegion,
  maskResidentId,
  type ObservedFact,
  parseResidentId,
  proposeAssistance,
  subjectFacts,
  tightenFollowUp,
} from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { phoneTime } from '../../platform/phone-time.ts';
import type { ResponseLevelAt } from '../../platform/response-level.ts';
import { createLeadRepository } from '../leads/lead.repository.ts';
import { namePinyin } from '../persons/pinyin.ts';
import { tempNumber } from '../persons/temp-number.ts';
import type { ShiftService } from '../shifts/shift.service.ts';
import type { HandOut } from '../supplies/hand-out.ts';
import type { TeamService } from '../teams/team.service.ts';
import {
  createEncounterRepository,
  type EncounterRow,
  type HandoverRow,
  type PersonRow,
} from './encounter.repository.ts';

type HandoverKind = 'station_arrival' | 'hospital_referral';

import type { EncounterInput, EncounterView } from './encounter.schema.ts';

/** A shift's length: the re-checks a shift starting now must make. */
const FOLLOW_UP_HORIZON_MS = 12 * 3_600_000;

/** How far back a phone may date an encounter it kept while offline (a night and a day). */
const MAX_AGE_HOURS = 36;

export function presentEncounter({
  encounter: e,
  person: p,
  handover: h,
}: {
  encounter: EncounterRow;
  person: PersonRow;
  handover: HandoverRow | null;
}) {
  return {
    id: e.id,
    clientId: e.clientId,
    at: e.at.toISOString(),
    lat: e.lat,
    lng: e.lng,
    regionCode: e.regionCode,
    leadId: e.leadId,
    teamId: e.teamId,
    person: {
      id: p.id,
      tempNumber: p.tempNumber,
      name: p.name,
      residentId: maskResidentId(p.residentId),
      homeRegion: p.homeRegion,
    },
    facts: e.facts as ObservedFact[],
    sex: e.sex as EncounterView['sex'],
    ageBand: e.ageBand as AgeBand | null,
    clothing: e.clothing,
    condition: e.condition,
    proposedCategory: e.proposedCategory as AssistanceCategory,
    category: e.category as AssistanceCategory,
    overrideReason: e.overrideReason,
    obligations: e.obligations as Record<string, unknown>[],
    itemsGiven: e.itemsGiven as EncounterView['itemsGiven'],
    forecastMinTempC: e.forecastMinTempC,
    followUpDueAt: e.followUpDueAt?.toISOString() ?? null,
    followUpOf: e.followUpOf,
    note: e.note,
    handover: h ? { id: h.id, kind: h.kind as HandoverKind, orgId: h.orgId, state: h.state } : null,
  } satisfies EncounterView;
}

/**
 * 街面救助: the patrol records whom it met and what was done. The category is the rules'
 * proposal unless staff override it with a reason (refused where the law allows no choice);
 * an onsite_relief encounter carries its re-check time, which the next shift sees as due.
 */
export function createEncounterService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  teams: Pick<TeamService, 'memberTeam'>;
  shifts: Pick<ShiftService, 'openShiftId'>;
  /** Tonight's forecast minimum where the person was met (the forecast table, else the configured one). */
  forecastMinTempC: (regionCode: string, at: Date) => number | Promise<number>;
  supplies: { distributeInTx: HandOut };
  /** The response level there: it brings the re-check forward (tightenFollowUp). */
  responseLevel?: ResponseLevelAt;
}) {
  const { db, clock, ids, recordEvent, teams, shifts, forecastMinTempC, supplies } = deps;
  const repo = createEncounterRepository(db);

  async function get(actor: Actor, id: string) {
    const row = await repo.findById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentEncounter(row);
  }

  return {
    get,
    list: async (actor: Actor, filter: { leadId?: string; before?: string } = {}) => ({
      items: (await repo.list(actor, 100, filter)).map(presentEncounter),
    }),
    followUps: async (actor: Actor) => ({
      // Overdue or due within the next 12 hours: what a shift starting now has to look at.
      items: (await repo.followUpsDue(actor, new Date(clock.now().getTime() + FOLLOW_UP_HORIZON_MS))).map(
        presentEncounter,
      ),
    }),

    /** Where a patrol can take someone: the city's stations and designated hospitals. */
    destinations: async (actor: Actor) => ({ items: await repo.destinations(actor.regionCode) }),

    /** Pending arrivals and hospital referrals (the station receives them in its intake). */
    handovers: async (actor: Actor, state?: string) => ({
      items: (await repo.handovers(actor, state)).map(
        ({ handover: h, orgName, encounter: e, person: p }) => ({
          id: h.id,
          kind: h.kind as HandoverKind,
          state: h.state,
          orgId: h.orgId,
          orgName,
          createdAt: h.createdAt.toISOString(),
          encounter: { id: e.id, at: e.at.toISOString(), lat: e.lat, lng: e.lng, category: e.category },
          person: { id: p.id, tempNumber: p.tempNumber, name: p.name },
        }),
      ),
    }),

    async record(ctx: Ctx, input: EncounterInput): Promise<{ created: boolean; encounter: EncounterView }> {
      const { actor } = ctx;
      const existing = await repo.byClientId(input.clientId);
      if (existing) {
        if (existing.encounter.userId !== actor.id) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return { created: false, encounter: presentEncounter(existing) };
      }
      const now = clock.now();
      const at = phoneTime(input.at, now, MAX_AGE_HOURS);
      // Where it belongs: the county given, else the member's team's, else the member's own.
      const team = await teams.memberTeam(actor.id);
      const teamId = team?.id ?? null;
      const regionCode = input.regionCode ?? team?.regionCode ?? actor.regionCode;
      if (!isWithinRegion(regionCode, actor.regionCode)) throw new AppError('FORBIDDEN');
      if (input.leadId && !(await createLeadRepository(db).findById(actor, input.leadId)))
        throw new AppError('NOT_FOUND', { field: 'leadId' });

      const id = input.identity;
      const parsed = id?.residentId ? parseResidentId(id.residentId, now) : null;
      if (parsed && !parsed.ok) throw new AppError('RESIDENT_ID_INVALID', { reason: parsed.reason });
      const born = parsed?.ok ? parsed.birthDate : null;
      const age = input.age ?? (born ? now.getUTCFullYear() - Number(born.slice(0, 4)) : null);
      const ageBand = input.ageBand ?? (age !== null ? ageBandOf(age) : null);
      const observation = { facts: input.facts, age, ageBand };
      const forecast = await forecastMinTempC(regionCode, at);
      const proposal = proposeAssistance(observation, { now: at, forecastMinTempC: forecast });
      const category = input.category ?? proposal.category;
      const check = checkOverride(proposal, category, input.overrideReason ?? null);
      if (!check.ok)
        throw new AppError('OVERRIDE_REFUSED', { refusal: check.refusal, proposed: proposal.category });
      // The obligations follow the category recorded, the re-check only a person left out.
      const owed =
        category === proposal.category
          ? proposal.obligations
          : assistanceObligations(category, observation, { now: at, forecastMinTempC: forecast });
      // Only a person left out is re-checked: the level is read for them alone.
      const level = owed.some((o) => o.code === 'schedule_follow_up')
        ? ((await deps.responseLevel?.(regionCode)) ?? null)
        : null;
      const obligations = owed.map((o) =>
        o.code === 'schedule_follow_up' && 'dueAt' in o
          ? { ...o, dueAt: tightenFollowUp(at, o.dueAt, level) }
          : o,
      );
      const followUp = obligations.find((o) => o.code === 'schedule_follow_up');
      const followUpDueAt = followUp && 'dueAt' in followUp ? followUp.dueAt : null;

      // Read outside the transaction: a second pool connection inside it could starve the pool.
      const shiftId = await shifts.openShiftId(teamId);
      const encounterId = ids.next();
      const created = await db.transaction(async (tx) => {
        const r = createEncounterRepository(tx);
        const event = { actorId: actor.id, requestId: ctx.requestId };
        let personId = input.personId ?? null;
        let known: { residentId: string | null; homeRegion: string | null } | null = null;
        if (personId) {
          const chosen = await r.personById(actor, personId);
          if (!chosen) throw new AppError('NOT_FOUND', { field: 'personId' });
          known = chosen;
          // A record merged into another stands for that one now.
          if (chosen.mergedInto) personId = chosen.mergedInto;
        }
        if (!personId && parsed?.ok) personId = (await r.personByResidentId(parsed.id))?.id ?? null;
        if (!personId) {
          personId = ids.next();
          await r.insertPerson({
            id: personId,
            tempNumber: tempNumber(regionCode),
            regionCode,
            name: id?.name ?? null,
            sex: parsed?.ok ? parsed.sex : input.sex,
            ageBand,
            birthDate: born,
            residentId: parsed?.ok ? parsed.id : null,
            homeRegion: id?.homeRegion ?? null,
            dialect: id?.dialect ?? null,
            phone: id?.phone ?? null,
            features: [input.clothing, input.condition].filter(Boolean).join('；') || null,
            namePinyin: namePinyin(id?.name).full,
            nameInitials: namePinyin(id?.name).initials,
            createdAt: now,
            createdBy: actor.id,
          });
          await recordEvent(tx, event, {
            action: 'person.created',
            entityType: 'person',
            entityId: personId,
            regionCode,
            payload: { identified: !!parsed?.ok, named: !!id?.name },
          });
        }
        const stored = await r.insert({
          id: encounterId,
          clientId: input.clientId,
          personId,
          leadId: input.leadId ?? null,
          teamId,
          shiftId,
          userId: actor.id,
          regionCode,
          lat: input.lat,
          lng: input.lng,
          at,
          facts: [...new Set(input.facts)],
          sex: parsed?.ok ? parsed.sex : input.sex,
          ageBand,
          clothing: input.clothing ?? null,
          condition: input.condition ?? null,
          proposedCategory: proposal.category,
          category,
          overrideReason: check.overridden ? (input.overrideReason ?? null) : null,
          obligations: obligations.map((o) => ('dueAt' in o ? { ...o, dueAt: o.dueAt.toISOString() } : o)),
          itemsGiven: input.itemsGiven,
          forecastMinTempC: forecast,
          followUpDueAt,
          followUpOf: input.followUpOf ?? null,
          note: input.note ?? null,
          createdAt: now,
        });
        if (!stored) return false; // sent twice at once: the other request stored it (and rolls this back)
        await recordEvent(tx, event, {
          action: 'encounter.recorded',
          entityType: 'encounter',
          entityId: encounterId,
          regionCode,
          payload: {
            personId,
            category,
            proposed: proposal.category,
            items: input.itemsGiven,
            teamId,
            occurredAt: at.toISOString(),
            // What the campaign figures break down by, fixed as it was seen today.
            subject: subjectFacts({
              personId,
              sex: parsed?.ok ? parsed.sex : input.sex,
              age,
              ageBand,
              facts: input.facts,
              residentId: parsed?.ok ? parsed.id : known?.residentId,
              homeRegion: id?.homeRegion ?? known?.homeRegion,
            }),
          },
        });
        // What was handed out comes off the team vehicle's stock, in this transaction; what the
        // book did not have is raised as 账实不符 for the keeper, never refused (it is given).
        const lines = input.itemsGiven.filter((i) => i.quantity > 0);
        if (teamId && lines.length)
          await supplies.distributeInTx(tx, ctx, {
            teamId,
            lines: lines.map((i) => ({ supplyKind: i.kind, quantity: i.quantity })),
            encounterId,
            personId,
            clientId: input.clientId,
            at,
          });
        // The hand-over the category calls for: a pending arrival, or a hospital referral.
        const kind: HandoverKind | null = obligations.some((o) => o.code === 'hospital_referral')
          ? 'hospital_referral'
          : obligations.some((o) => o.code === 'pending_arrival_at_station')
            ? 'station_arrival'
            : null;
        if (kind) {
          const orgId = input.handoverOrgId ?? null;
          if (orgId && !(await r.orgOfKind(orgId, kind === 'hospital_referral' ? 'hospital' : 'station')))
            throw new AppError('VALIDATION_FAILED', {
              field: 'handoverOrgId',
              reason: `not a ${kind} destination`,
            });
          const handoverId = ids.next();
          await r.insertHandover({
            id: handoverId,
            encounterId,
            personId,
            kind,
            orgId,
            regionCode,
            state: 'pending',
            createdAt: now,
          });
          await recordEvent(tx, event, {
            action: 'handover.requested',
            entityType: 'handover',
            entityId: handoverId,
            regionCode,
            payload: { encounterId, kind, orgId },
          });
        }
        // The lead the team was sent to shows the encounter on its own timeline.
        if (input.leadId)
          await recordEvent(tx, event, {
            action: 'lead.encounter_linked',
            entityType: 'lead',
            entityId: input.leadId,
            regionCode,
            payload: { encounterId, category, personId },
          });
        if (check.overridden)
          await recordEvent(tx, event, {
            action: 'encounter.category_overridden',
            entityType: 'encounter',
            entityId: encounterId,
            regionCode,
            payload: { from: proposal.category, to: category, reason: input.overrideReason },
          });
        return true;
      });
      if (!created) {
        const row = await repo.byClientId(input.clientId);
        return { created: false, encounter: presentEncounter(row!) };
      }
      return { created: true, encounter: await get(actor, encounterId) };
    },
  };
}
export type EncounterService = ReturnType<typeof createEncounterService>;
