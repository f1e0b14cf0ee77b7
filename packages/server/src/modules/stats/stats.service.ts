import { type Figures, reduceFigures, regionLevel } from '@warmline/domain';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import { event, person, region } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegionService } from '../regions/region.service.ts';
import { createStatsRepository, type Period } from './stats.repository.ts';
import type { StatsQuery } from './stats.schema.ts';

/** A season and a bit: wider asks are a mistake (or a load), not a report. */
const MAX_DAYS = 400;

export function createStatsService(deps: { db: Db; regions: RegionService; clock: Clock }) {
  const { db, regions, clock } = deps;
  const repo = createStatsRepository(db);

  /** This month so far (Beijing) unless the caller names the days. */
  function periodOf(q: Pick<StatsQuery, 'from' | 'to'>): Period {
    const today = new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const to = q.to ?? today;
    const from = q.from ?? `${to.slice(0, 7)}-01`;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days < 0) throw new AppError('VALIDATION_FAILED', { field: 'to', reason: 'before from' });
    if (days > MAX_DAYS)
      throw new AppError('VALIDATION_FAILED', { field: 'to', reason: `over ${MAX_DAYS} days` });
    return { from, to };
  }

  /** The caller's own region by default; out of their jurisdiction answers 404. */
  async function regionOf(actor: Actor, code: string | undefined) {
    const c = code ?? actor.regionCode.slice(0, 6);
    if (regionLevel(c) === 'township')
      throw new AppError('VALIDATION_FAILED', { field: 'region', reason: 'county or above' });
    const r = await regions.get(actor, c);
    return { code: r.code, name: r.name };
  }

  return {
    async figures(actor: Actor, q: StatsQuery) {
      const period = periodOf(q);
      const r = await regionOf(actor, q.region);
      const [found] = await repo.figures({ regions: [r.code], period });
      const f = found?.figures ?? reduceFigures([], []);
      return {
        region: r,
        ...period,
        figures: f.values,
        breakdowns: f.breakdowns as Record<string, Record<string, number>>,
      };
    },

    /** Each region one level down, with its headline figures (the ranked table, the map). */
    async children(actor: Actor, q: StatsQuery) {
      const period = periodOf(q);
      const r = await regionOf(actor, q.region);
      const kids = (await regions.children(actor, r.code)).filter((k) => k.level !== 'township');
      const rows = kids.length
        ? await repo.figures({ regions: kids.map((k) => k.code), period, headlineOnly: true })
        : [];
      return {
        items: kids.map((k) => ({
          code: k.code,
          name: k.name,
          figures: rows.find((x) => x.regionCode === k.code)?.figures.values ?? emptyValues(),
        })),
      };
    },

    /** Day by day over the period, every day listed (a quiet day shows 0). */
    async trend(actor: Actor, q: StatsQuery) {
      const period = periodOf(q);
      const r = await regionOf(actor, q.region);
      const rows = await repo.figures({ regions: [r.code], period, byDay: true, headlineOnly: true });
      const days: { day: string; figures: Figures['values'] }[] = [];
      for (let t = Date.parse(period.from); t <= Date.parse(period.to); t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        days.push({ day, figures: rows.find((x) => x.day === day)?.figures.values ?? emptyValues() });
      }
      return { days };
    },

    /** The records behind one number: exactly the events the figure counts, newest first. */
    async records(
      actor: Actor,
      q: StatsQuery & { figure: string; dim?: string | undefined; limit: number; offset: number },
    ) {
      const period = periodOf(q);
      const r = await regionOf(actor, q.region);
      const rows = (await repo.contributions(r.code, period, q.figure, q.dim ?? '', q.limit, q.offset)).rows;
      const ids = rows.map((x) => x.event_id);
      const events = ids.length
        ? await db
            .select({ id: event.id, entityType: event.entityType, payload: event.payload })
            .from(event)
            .where(inArray(event.id, ids))
        : [];
      const personIds = events
        .map((e) => {
          const p = e.payload as Record<string, unknown>;
          return ((p.subject as { personId?: string } | undefined)?.personId ?? p.personId) as
            | string
            | undefined;
        })
        .filter((x): x is string => typeof x === 'string');
      const people = personIds.length
        ? await db
            .select({ id: person.id, tempNumber: person.tempNumber })
            .from(person)
            .where(inArray(person.id, personIds))
        : [];
      const codes = [...new Set(rows.map((x) => x.region_code))];
      const names = codes.length
        ? await db
            .select({ code: region.code, name: region.name })
            .from(region)
            .where(inArray(region.code, codes))
        : [];
      return {
        total: Number(rows[0]?.total ?? (await countOnly(r.code, period, q.figure, q.dim ?? ''))),
        items: rows.map((x) => {
          const ev = events.find((e) => e.id === x.event_id);
          const p = (ev?.payload ?? {}) as Record<string, unknown>;
          const subject = (p.subject ?? {}) as Record<string, unknown>;
          const personId = ((subject.personId ?? p.personId) as string | undefined) ?? null;
          return {
            eventId: x.event_id,
            action: x.action,
            day: x.day,
            regionCode: x.region_code,
            regionName: names.find((n) => n.code === x.region_code)?.name ?? null,
            entityType: ev?.entityType ?? 'event',
            entityId: x.entity_id,
            value: x.value === null ? null : Number(x.value),
            personNumber: people.find((h) => h.id === personId)?.tempNumber ?? null,
            personId,
            // The facts the figure breaks down by; never a name, an ID number or a photo.
            facts: pick(
              p,
              [
                'category',
                'source',
                'type',
                'shelterKind',
                'byKind',
                'staffTrips',
                'vehicleTrips',
                'minutesFromLead',
                'arrivalKind',
                'subject',
              ],
              subject,
            ),
          };
        }),
      };
    },
  };

  async function countOnly(code: string, period: Period, figure: string, dim: string) {
    // Past the last page the window count is gone with the rows: ask for it alone.
    const rows = (await repo.contributions(code, period, figure, dim, 1, 0)).rows;
    return Number(rows[0]?.total ?? 0);
  }
}

const emptyValues = (): Figures['values'] => reduceFigures([], []).values;

function pick(p: Record<string, unknown>, keys: string[], subject: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in p && k !== 'subject') out[k] = p[k];
  for (const k of ['sex', 'ageGroup', 'health', 'homeProvince', 'groups'])
    if (k in subject) out[k] = subject[k];
  return out;
}

export type StatsService = ReturnType<typeof createStatsService>;
