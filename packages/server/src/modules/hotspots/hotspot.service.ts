import {
  CHECKIN_MAX_DISTANCE_M,
  type CoverageState,
  compareCoverage,
  distanceMeters,
  HOTSPOT_VISIT_HOURS,
  type HotspotKind,
  type HotspotRisk,
  hotspotCoverage,
  hotspotIntervalUnder,
  type ResponseLevel,
} from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { phoneTime } from '../../platform/phone-time.ts';
import type { ResponseLevelAt } from '../../platform/response-level.ts';
import type { RegionService } from '../regions/region.service.ts';
import type { ShiftService } from '../shifts/shift.service.ts';
import type { TeamService } from '../teams/team.service.ts';
import { type CheckinRow, createHotspotRepository, type HotspotRow } from './hotspot.repository.ts';
import type { CheckinInput, CheckinView, HotspotInput, HotspotView } from './hotspot.schema.ts';

/** How far back a phone may date a check-in it kept while offline. */
const MAX_AGE_HOURS = 24;

/** Hotspots (重点区域), their coverage, and the patrols' check-ins there. */
export function createHotspotService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  regions: RegionService;
  teams: Pick<TeamService, 'teamOfUser'>;
  shifts: Pick<ShiftService, 'openShiftId'>;
  /** The response level there: at night it shortens the visit interval (hotspotIntervalUnder). */
  responseLevel?: ResponseLevelAt;
}) {
  const { db, clock, ids, recordEvent, regions, teams, shifts } = deps;

  /** The level in force per region of the rows, asked once per region. */
  async function levelsOf(rows: readonly { hotspot: HotspotRow }[]) {
    const codes = [...new Set(rows.map((r) => r.hotspot.regionCode))];
    const levels = await Promise.all(
      codes.map(async (c) => [c, (await deps.responseLevel?.(c)) ?? null] as const),
    );
    return new Map<string, ResponseLevel | null>(levels);
  }
  const repo = createHotspotRepository(db);

  function present(
    { hotspot: h, regionName }: { hotspot: HotspotRow; regionName: string },
    level: ResponseLevel | null,
  ): HotspotView {
    const now = clock.now();
    const intervalHours = hotspotIntervalUnder(HOTSPOT_VISIT_HOURS[h.risk as HotspotRisk], level, now);
    const coverage = hotspotCoverage(h.risk as HotspotRisk, h.lastVisitedAt, now, intervalHours);
    return {
      id: h.id,
      name: h.name,
      kind: h.kind as HotspotKind,
      risk: h.risk as HotspotRisk,
      regionCode: h.regionCode,
      regionName,
      address: h.address,
      lat: h.lat,
      lng: h.lng,
      usualCount: h.usualCount,
      notes: h.notes,
      lastVisitedAt: h.lastVisitedAt?.toISOString() ?? null,
      coverage: { ...coverage, dueAt: coverage.dueAt?.toISOString() ?? null, intervalHours },
    };
  }

  const presentCheckin = (r: { checkin: CheckinRow; hotspotName: string; teamName: string | null }) =>
    ({
      id: r.checkin.id,
      clientId: r.checkin.clientId,
      hotspotId: r.checkin.hotspotId,
      hotspotName: r.hotspotName,
      teamId: r.checkin.teamId,
      teamName: r.teamName,
      distanceM: r.checkin.distanceM,
      tooFar: r.checkin.tooFar,
      peopleSeen: r.checkin.peopleSeen,
      at: r.checkin.at.toISOString(),
    }) satisfies CheckinView;

  async function get(actor: Actor, id: string) {
    const row = await repo.findById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return {
      ...present(row, (await levelsOf([row])).get(row.hotspot.regionCode) ?? null),
      checkins: (await repo.checkins({ hotspotId: id }, 20)).map(presentCheckin),
    };
  }

  const fields = (input: HotspotInput) => ({
    name: input.name,
    kind: input.kind,
    risk: input.risk,
    regionCode: input.regionCode,
    address: input.address || null,
    lat: input.lat,
    lng: input.lng,
    usualCount: input.usualCount,
    notes: input.notes || null,
  });

  return {
    get,

    /** The coverage list: never visited and overdue first, high risk first, longest unseen. */
    async list(actor: Actor, state?: CoverageState) {
      const rows = await repo.list(actor);
      const levels = await levelsOf(rows);
      const items = rows
        .map((r) => present(r, levels.get(r.hotspot.regionCode) ?? null))
        .sort(compareCoverage);
      return { items: state ? items.filter((h) => h.coverage.state === state) : items };
    },

    async create(ctx: Ctx, input: HotspotInput) {
      await regions.assertAssignable(ctx.actor, input.regionCode);
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r = createHotspotRepository(tx);
        if (await r.nameTaken(input.regionCode, input.name)) throw new AppError('HOTSPOT_NAME_TAKEN');
        const now = clock.now();
        await r.insert({ id, ...fields(input), createdAt: now, createdBy: ctx.actor.id, updatedAt: now });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'hotspot.created',
            entityType: 'hotspot',
            entityId: id,
            regionCode: input.regionCode,
            payload: { kind: input.kind, risk: input.risk },
          },
        );
      });
      return get(ctx.actor, id);
    },

    async update(ctx: Ctx, id: string, input: HotspotInput) {
      await get(ctx.actor, id);
      await regions.assertAssignable(ctx.actor, input.regionCode);
      await db.transaction(async (tx) => {
        const r = createHotspotRepository(tx);
        if (await r.nameTaken(input.regionCode, input.name, id)) throw new AppError('HOTSPOT_NAME_TAKEN');
        await r.update(id, { ...fields(input), updatedAt: clock.now() });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'hotspot.updated',
            entityType: 'hotspot',
            entityId: id,
            regionCode: input.regionCode,
            payload: { kind: input.kind, risk: input.risk },
          },
        );
      });
      return get(ctx.actor, id);
    },

    /**
     * A patrol member checks in at a hotspot in their jurisdiction. Stored once per client id
     * (a resend answers the first); farther than CHECKIN_MAX_DISTANCE_M it is kept but flagged
     * and does not count as a visit.
     */
    async checkIn(ctx: Ctx, input: CheckinInput): Promise<{ created: boolean; checkin: CheckinView }> {
      const existing = await repo.checkinByClientId(input.clientId);
      if (existing) {
        if (existing.userId !== ctx.actor.id || existing.hotspotId !== input.hotspotId)
          throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return {
          created: false,
          checkin: presentCheckin((await repo.checkins({ clientId: input.clientId }, 1))[0]!),
        };
      }
      const spot = await repo.findById(ctx.actor, input.hotspotId);
      if (!spot) throw new AppError('NOT_FOUND');
      const now = clock.now();
      const at = phoneTime(input.at, now, MAX_AGE_HOURS);
      const distanceM = Math.round(distanceMeters(input, spot.hotspot));
      const tooFar = distanceM > CHECKIN_MAX_DISTANCE_M;
      const teamId = await teams.teamOfUser(ctx.actor.id);
      const shiftId = await shifts.openShiftId(teamId);
      const created = await db.transaction(async (tx) => {
        const r = createHotspotRepository(tx);
        const stored = await r.insertCheckin({
          id: ids.next(),
          clientId: input.clientId,
          hotspotId: spot.hotspot.id,
          teamId,
          shiftId,
          userId: ctx.actor.id,
          regionCode: spot.hotspot.regionCode,
          lat: input.lat,
          lng: input.lng,
          distanceM,
          tooFar,
          peopleSeen: input.peopleSeen ?? null,
          at,
          createdAt: now,
        });
        if (!stored) return false; // the same check-in, sent twice at once: the other one stored it
        if (!tooFar) await r.markVisited(spot.hotspot.id, at, input.peopleSeen ?? null);
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'hotspot.checked_in',
            entityType: 'hotspot',
            entityId: spot.hotspot.id,
            regionCode: spot.hotspot.regionCode,
            payload: {
              teamId,
              distanceM,
              tooFar,
              peopleSeen: input.peopleSeen ?? null,
              at: at.toISOString(),
            },
          },
        );
        return true;
      });
      return {
        created,
        checkin: presentCheckin((await repo.checkins({ clientId: input.clientId }, 1))[0]!),
      };
    },
  };
}
export type HotspotService = ReturnType<typeof createHotspotService>;
