/**
 * Weather warnings in: a CAP document (polled from the feed, uploaded, or pushed by a partner
 * with a signature) or a duty officer's entry read off the phone or TV. An alert sent twice is
 * stored once; an Update ends what it references and starts itself; a Cancel ends what it
 * references. Each warning's areas are mapped to regions when stored (see cap-areas.ts).
 */
import { regionPrefix, type WarningColour, type WarningKind, warningCriteria } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventContext, RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { type CapAlert, parseCap } from './cap.ts';
import { commonRegion, mapAreas, type Outlines } from './cap-areas.ts';
import { createWarningRepository, type WarningRow } from './warning.repository.ts';

export type WarningSource = 'feed' | 'upload' | 'push' | 'manual';

/** `names`: the regions' names (code → name); a code without one is shown as the code. */
export function presentWarning(w: WarningRow, now: Date, names: ReadonlyMap<string, string> = new Map()) {
  const ended = w.endedAt !== null && w.endedAt <= now;
  const expired = w.expires !== null && w.expires <= now;
  return {
    id: w.id,
    sender: w.sender,
    identifier: w.identifier,
    sent: w.sent.toISOString(),
    source: w.source as WarningSource,
    msgType: w.msgType,
    kind: w.kind as WarningKind,
    colour: w.colour as WarningColour,
    headline: w.headline,
    description: w.description,
    instruction: w.instruction,
    /** The signal's criteria, for reference (the meteorological service has decided already). */
    criteria: warningCriteria[w.kind as WarningKind]?.[w.colour as WarningColour] ?? null,
    regionCodes: w.regionCodes,
    regions: w.regionCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    regionCode: w.regionCode,
    unresolved: w.unresolved as unknown[],
    needsReview: w.needsReview,
    activeFrom: w.activeFrom.toISOString(),
    expires: w.expires?.toISOString() ?? null,
    endedAt: w.endedAt?.toISOString() ?? null,
    active: !ended && !expired && w.activeFrom <= now,
  };
}
export type WarningView = ReturnType<typeof presentWarning>;

export interface IngestResult {
  /** Stored now, or found stored already (`duplicate`). */
  warnings: WarningView[];
  ended: WarningView[];
  duplicate: boolean;
  /** Info blocks that are no cold-weather warning (暴雨, 大风…), by event name. */
  ignored: string[];
}

export function createWarningService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  outlines: Outlines | null;
  /** Where a pushed or polled alert belongs when none of its areas maps to a region. */
  fallbackRegion: string;
  /**
   * Told the regions concerned after a warning was stored, updated, cancelled or entered, or a
   * forecast set — once committed, outside the transaction (the response module re-reads its
   * levels here). Its failure is logged, never the caller's: the warning is stored already.
   */
  afterChange?: (regionCodes: string[]) => Promise<void>;
  log?: { error(obj: object, msg: string): void };
}) {
  const { db, clock, ids, recordEvent, outlines } = deps;
  const repo = createWarningRepository(db);

  async function present(rows: WarningRow[], now: Date, r = repo) {
    const names = await r.regionNames([...new Set(rows.flatMap((w) => w.regionCodes))]);
    return rows.map((w) => presentWarning(w, now, names));
  }

  async function changed(regionCodes: Iterable<string>) {
    const codes = [...new Set(regionCodes)].sort();
    if (!deps.afterChange || !codes.length) return;
    try {
      await deps.afterChange(codes);
    } catch (err) {
      deps.log?.error({ err, regionCodes: codes }, 'weather afterChange failed');
    }
  }
  /** A warning's regions: the mapped ones, else the region it was filed under. */
  const regionsOf = (w: WarningView) => (w.regionCodes.length ? w.regionCodes : [w.regionCode]);

  async function store(alert: CapAlert, xml: string, source: WarningSource, ev: EventContext, home: string) {
    const now = clock.now();
    const existing = await repo.byAlert(alert.sender, alert.identifier);
    if (existing.length)
      return {
        warnings: await present(existing, now),
        ended: [],
        duplicate: true,
        ignored: [],
      };
    const ignored: string[] = [];
    const result: IngestResult = await db.transaction(async (tx) => {
      const r = createWarningRepository(tx);
      const stored: WarningRow[] = [];
      const endAt = alert.infos[0]?.effective ?? alert.sent;
      // An Update replaces and a Cancel ends what it references (already stored or not yet).
      const ended =
        alert.msgType === 'Update' || alert.msgType === 'Cancel'
          ? await r.end(alert.references, alert.msgType === 'Cancel' ? alert.sent : endAt, ev.actorId)
          : [];
      for (const w of ended)
        await recordEvent(tx, ev, {
          action: 'warning.ended',
          entityType: 'weather_warning',
          entityId: w.id,
          regionCode: w.regionCode,
          payload: { kind: w.kind, colour: w.colour, by: alert.msgType, identifier: alert.identifier },
        });
      if (alert.msgType === 'Alert' || alert.msgType === 'Update') {
        const seen = new Set<string>();
        for (const info of alert.infos) {
          if (!info.kind || !info.colour) {
            ignored.push(info.event);
            continue;
          }
          // One warning per kind: a second language's info block says the same again.
          if (seen.has(info.kind)) continue;
          seen.add(info.kind);
          const mapped = await mapAreas(info.areas, { knownRegions: r.knownRegions, outlines });
          const row = await r.insert({
            id: ids.next(),
            sender: alert.sender,
            identifier: alert.identifier,
            sent: alert.sent,
            source,
            msgType: alert.msgType,
            kind: info.kind,
            colour: info.colour,
            headline: info.headline,
            description: info.description,
            instruction: info.instruction,
            regionCodes: mapped.regionCodes,
            regionCode: commonRegion(mapped.regionCodes, home),
            unresolved: mapped.unresolved,
            needsReview: mapped.unresolved.length > 0,
            activeFrom: info.effective ?? alert.sent,
            expires: info.expires,
            references: alert.references,
            raw: source === 'manual' ? null : xml,
            createdAt: now,
            createdBy: ev.actorId,
          });
          if (!row) continue; // the same alert stored by a concurrent request
          stored.push(row);
          await recordEvent(tx, ev, {
            action: source === 'manual' ? 'warning.entered' : 'warning.received',
            entityType: 'weather_warning',
            entityId: row.id,
            regionCode: row.regionCode,
            payload: {
              kind: row.kind,
              colour: row.colour,
              source,
              regions: row.regionCodes.length,
              needsReview: row.needsReview,
            },
          });
        }
      }
      return {
        warnings: await present(stored, now, r),
        ended: await present(ended, now, r),
        duplicate: false,
        ignored,
      };
    });
    await changed([...result.warnings, ...result.ended].flatMap(regionsOf));
    return result;
  }

  return {
    /** A CAP document from the feed, an upload (ctx) or a partner's signed push (no actor). */
    async ingestCap(
      xml: string,
      source: Exclude<WarningSource, 'manual'>,
      ctx: Ctx | null,
    ): Promise<IngestResult> {
      const parsed = parseCap(xml);
      if (!parsed.ok) throw new AppError('CAP_INVALID', { reason: parsed.reason });
      if (parsed.alert.status !== 'Actual')
        throw new AppError('CAP_NOT_ACTUAL', { status: parsed.alert.status });
      const ev = { actorId: ctx?.actor.id ?? null, requestId: ctx?.requestId };
      return store(parsed.alert, xml, source, ev, ctx?.actor.regionCode.slice(0, 6) ?? deps.fallbackRegion);
    },

    /** A warning read off the phone or the TV, entered by the duty officer and marked manual. */
    async enter(
      ctx: Ctx,
      input: {
        kind: WarningKind;
        colour: WarningColour;
        regionCodes: string[];
        headline?: string;
        effective?: string;
        expires?: string;
        note?: string;
      },
    ) {
      const now = clock.now();
      const effective = input.effective ? new Date(input.effective) : now;
      const expires = input.expires ? new Date(input.expires) : null;
      if (expires && expires <= effective) throw new AppError('WARNING_TIMES_INVALID');
      for (const code of input.regionCodes)
        if (!code.startsWith(regionPrefix(ctx.actor.regionCode))) throw new AppError('REGION_OUT_OF_SCOPE');
      const alert: CapAlert = {
        identifier: `manual-${ids.next()}`,
        sender: `manual:${ctx.actor.id}`,
        sent: now,
        status: 'Actual',
        msgType: 'Alert',
        scope: 'Restricted',
        references: [],
        infos: [
          {
            event: input.kind,
            kind: input.kind,
            colour: input.colour,
            severity: 'Unknown',
            urgency: 'Unknown',
            certainty: 'Unknown',
            headline: input.headline ?? null,
            description: input.note ?? null,
            instruction: null,
            effective,
            onset: null,
            expires,
            language: 'zh-CN',
            areas: [
              {
                areaDesc: '值班录入',
                polygons: [],
                circles: [],
                geocodes: input.regionCodes.map((value) => ({ valueName: 'GB/T 2260', value })),
              },
            ],
          },
        ],
      };
      const result = await store(
        alert,
        '',
        'manual',
        { actorId: ctx.actor.id, requestId: ctx.requestId },
        ctx.actor.regionCode,
      );
      return result.warnings[0]!;
    },

    async list(actor: Actor, opts: { active: boolean; limit: number }) {
      const now = clock.now();
      const rows = await repo.list(actor, { ...(opts.active ? { activeAt: now } : {}), limit: opts.limit });
      return { items: await present(rows, now) };
    },

    async get(actor: Actor, id: string) {
      const w = await repo.find(actor, id);
      if (!w) throw new AppError('NOT_FOUND');
      return (await present([w], clock.now()))[0]!;
    },

    async setForecast(ctx: Ctx, input: { regionCode: string; night: string; minC: number }) {
      if (!input.regionCode.startsWith(regionPrefix(ctx.actor.regionCode)))
        throw new AppError('REGION_OUT_OF_SCOPE');
      await db.transaction(async (tx) => {
        await createWarningRepository(tx).setForecast({
          ...input,
          source: 'manual',
          updatedAt: clock.now(),
          updatedBy: ctx.actor.id,
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'forecast.set',
            entityType: 'forecast_min',
            entityId: `${input.regionCode}:${input.night}`,
            regionCode: input.regionCode,
            payload: { night: input.night, minC: input.minC },
          },
        );
      });
      await changed([input.regionCode]);
      return { items: (await repo.forecasts(ctx.actor, input.night)).map(presentForecast) };
    },

    /** Tonight (the Beijing date the night starts on) unless a night is named. */
    async forecasts(actor: Actor, night?: string, nights = 1) {
      night ??= new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      return { items: (await repo.forecasts(actor, night, nights)).map(presentForecast) };
    },
  };
}

const presentForecast = (f: { regionCode: string; night: string; minC: number; source: string }) => ({
  regionCode: f.regionCode,
  night: f.night,
  minC: f.minC,
  source: f.source,
});

export type WarningService = ReturnType<typeof createWarningService>;
