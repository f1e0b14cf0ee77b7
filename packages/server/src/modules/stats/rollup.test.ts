import { randomUUID } from 'node:crypto';
import {
  ageGroups,
  type Figures,
  figureDefinitions,
  figureKeys,
  healthStates,
  referenceFigures,
  type StatEvent,
  shelterKinds,
  specialGroups,
  statDay,
  supplyKinds,
} from '@warmline/domain';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { rollup } from './rollup.ts';
import { createStatsRepository } from './stats.repository.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());
// Events are append-only (a trigger refuses even TRUNCATE): each run gets days of its own.
let run = 0;
let period = { from: '', to: '' };
let DAY0 = 0;
beforeEach(() => nextRun());
function nextRun() {
  run += 1;
  DAY0 = Date.parse('2026-11-28T00:00:00+08:00') + run * 10 * 86_400_000;
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  period = { from: day(DAY0 - 86_400_000), to: day(DAY0 + 2 * 86_400_000) };
}

const COUNTIES = ['440203', '440204', '440205', '440222', '440281', '441802', '440106'];
const persons = Array.from({ length: 6 }, () => randomUUID());
const shelters = Array.from({ length: 4 }, () => randomUUID());

const subject = fc.record({
  personId: fc.constantFrom(...persons),
  sex: fc.constantFrom('male', 'female', 'unknown'),
  ageGroup: fc.constantFrom(...ageGroups),
  health: fc.constantFrom(...healthStates),
  homeProvince: fc.constantFrom('44', '43', '51', null),
  groups: fc.subarray([...specialGroups]),
});

/** Events as the services write them, plus some odd ones (no subject, missing fields). */
const payload: fc.Arbitrary<[string, Record<string, unknown>]> = fc.oneof(
  fc.tuple(
    fc.constant('encounter.recorded'),
    fc.record({
      subject,
      category: fc.constantFrom('protective', 'relief_on_spot', 'persuaded'),
      personId: fc.constantFrom(...persons),
    }),
  ),
  fc.tuple(fc.constant('encounter.recorded'), fc.record({ personId: fc.constantFrom(...persons) })),
  fc.tuple(
    fc.constant('stay.admitted'),
    fc.record({ subject, arrivalKind: fc.constantFrom('handover', 'walk_in', 'police_delivery') }),
  ),
  fc.tuple(fc.constant('shift.started'), fc.record({ staffTrips: fc.nat(8), vehicleTrips: fc.nat(3) })),
  fc.tuple(
    fc.constant('supply.distributed'),
    fc.record({ byKind: fc.dictionary(fc.constantFrom(...supplyKinds), fc.nat(20), { maxKeys: 3 }) }),
  ),
  fc.tuple(
    fc.constant('lead.received'),
    fc.record({ source: fc.constantFrom('public', 'hotline', 'partner_110') }),
  ),
  fc.tuple(fc.constant('lead.on_scene'), fc.record({ minutesFromLead: fc.integer({ min: 0, max: 90 }) })),
  fc.tuple(
    fc.constantFrom('lead.resolved', 'lead.not_found', 'lead.closed', 'lead.quarantined', 'lead.merged'),
    fc.constant({}),
  ),
  fc.tuple(
    fc.constant('stay.discharged'),
    fc.record({
      type: fc.constantFrom('escort_home', 'placement', 'family_collection', 'self_departure'),
      identityUnknown: fc.boolean(),
    }),
  ),
  fc.tuple(fc.constant('shelter.activated'), fc.record({ shelterKind: fc.constantFrom(...shelterKinds) })),
  fc.tuple(fc.constant('user.created'), fc.constant({})),
);

/** Events over `days` days from `base()` (read when the event is made, as a run starts). */
const eventsOver = (days: number, base: () => number): fc.Arbitrary<() => StatEvent> =>
  fc
    .record({
      p: payload,
      region: fc.constantFrom(...COUNTIES, '440200', '440203001'),
      minute: fc.integer({ min: 0, max: days * 24 * 60 - 1 }),
      late: fc.option(fc.integer({ min: 1, max: 36 * 60 }), { nil: undefined }),
    })
    .map(({ p: [action, body], region, minute, late }) => () => {
      const at = new Date(base() + minute * 60_000);
      const payload = { ...body };
      // Recorded offline: it counts on the day it happened, not the day it arrived.
      if (late && action === 'encounter.recorded')
        payload.occurredAt = new Date(at.getTime() - late * 60_000).toISOString();
      return {
        action,
        at,
        regionCode: region,
        entityId: action === 'shelter.activated' ? shelters[minute % shelters.length]! : randomUUID(),
        payload,
      };
    });

const statEvent = eventsOver(4, () => DAY0);
/** A hundred days of their own per run, far from the other tests' (events are never deleted). */
const LONG_DAYS = 100;
let LONG0 = 0;
const longEvent = eventsOver(LONG_DAYS, () => LONG0);

async function insert(events: StatEvent[]) {
  if (!events.length) return;
  await t.db.execute(sql`
    INSERT INTO event (id, at, action, entity_type, entity_id, region_code, payload)
    VALUES ${sql.join(
      events.map(
        (e) =>
          sql`(${randomUUID()}, ${e.at.toISOString()}::timestamptz, ${e.action}, 'x', ${e.entityId}, ${e.regionCode}, ${JSON.stringify(e.payload)}::jsonb)`,
      ),
      sql`, `,
    )}`);
}

/** Stores the batches in turn, folding each but the last: that one is the query's raw tail. */
async function foldAllButLast(batches: StatEvent[][]) {
  for (const [i, batch] of batches.entries()) {
    await insert(batch);
    if (i < batches.length - 1) await rollup(t.db);
  }
}

const inRegion = (code: string) => (e: StatEvent) =>
  code === '000000' || e.regionCode.startsWith(code.replace(/(00)+$/, ''));
const inPeriod = (e: StatEvent) => statDay(e) >= period.from && statDay(e) <= period.to;
const normal = (f: Figures | object | undefined) => JSON.parse(JSON.stringify(f));

describe('the statistics rollup', () => {
  it('answers what the naive recomputation and the definition answer, however the events were folded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(statEvent, { maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        async (batches) => {
          nextRun();
          const made = batches.map((b) => b.map((make) => make()));
          await foldAllButLast(made);
          const all = made.flat();
          const repo = createStatsRepository(t.db);
          for (const code of ['440203', '440200', '440000', '000000']) {
            const q = { regions: [code], period };
            const [rolled] = await repo.figures(q);
            const [naive] = await repo.naiveFigures(q);
            const expected = referenceFigures(all.filter(inRegion(code)).filter(inPeriod));
            const empty = referenceFigures([]);
            expect(normal(rolled?.figures ?? empty)).toEqual(normal(expected));
            expect(normal(naive?.figures ?? empty)).toEqual(normal(expected));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('counts persons and shelters exactly in any part of the period and day by day, however late a day arrives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(statEvent, { maxLength: 30 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: -1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        async (batches, start, length) => {
          nextRun();
          const made = batches.map((b) => b.map((make) => make()));
          await foldAllButLast(made);
          const all = made.flat();
          const day = (n: number) =>
            new Date(DAY0 + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
          const part = { from: day(start), to: day(Math.min(start + length, 3)) };
          const inPart = (e: StatEvent) => statDay(e) >= part.from && statDay(e) <= part.to;
          const repo = createStatsRepository(t.db);
          const sorted = (xs: { regionCode: string; day: string | null }[]) =>
            normal(
              [...xs].sort((a, b) => `${a.regionCode}${a.day}`.localeCompare(`${b.regionCode}${b.day}`)),
            );
          for (const code of ['440203', '440000']) {
            const q = { regions: [code], period: part };
            const [rolled] = await repo.figures(q);
            const expected = referenceFigures(all.filter(inRegion(code)).filter(inPart));
            expect(normal(rolled?.figures ?? referenceFigures([]))).toEqual(normal(expected));
            const byDay = { ...q, byDay: true, headlineOnly: true };
            expect(sorted(await repo.figures(byDay))).toEqual(sorted(await repo.naiveFigures(byDay)));
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('reads the whole months of a long period from their month rows and its ends day by day, exactly', async () => {
    let longRun = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(longEvent, { maxLength: 60 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 0, max: LONG_DAYS - 1 }),
        fc.integer({ min: 0, max: LONG_DAYS }),
        async (batches, start, length) => {
          longRun += 1;
          LONG0 = Date.parse('2031-01-01T00:00:00+08:00') + longRun * 150 * 86_400_000;
          const made = batches.map((b) => b.map((make) => make()));
          await foldAllButLast(made);
          const all = made.flat();
          const day = (n: number) =>
            new Date(LONG0 + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
          const part = { from: day(start), to: day(Math.min(start + length, LONG_DAYS - 1)) };
          const inPart = (e: StatEvent) => statDay(e) >= part.from && statDay(e) <= part.to;
          const repo = createStatsRepository(t.db);
          for (const code of ['440203', '440200', '440000']) {
            const [rolled] = await repo.figures({ regions: [code], period: part });
            const expected = referenceFigures(all.filter(inRegion(code)).filter(inPart));
            expect(normal(rolled?.figures ?? referenceFigures([]))).toEqual(normal(expected));
          }
        },
      ),
      // A hundred days from 1 January + 150 days per run: most periods hold a whole month.
      { numRuns: 15 },
    );
  });

  it('adds the counties up to their city, and the cities to the province (distinct counts and the median excepted)', async () => {
    const first = fc.sample(statEvent, 300).map((make) => make());
    await insert(first);
    await rollup(t.db);
    const late = fc.sample(statEvent, 40).map((make) => make());
    await insert(late);
    const all = [...first, ...late];
    const repo = createStatsRepository(t.db);
    const summable = figureKeys.filter((k) => ['count', 'sum'].includes(figureDefinitions[k].kind));
    const check = async (parent: string, children: string[]) => {
      const [p] = await repo.figures({ regions: [parent], period });
      const kids = await repo.figures({ regions: children, period });
      // What is recorded at the parent's own level (a city-wide team) counts in the parent only.
      const own = referenceFigures(all.filter((e) => e.regionCode === parent).filter(inPeriod));
      for (const key of summable) {
        const sum = kids.reduce((n, k) => n + (k.figures.values[key] ?? 0), 0);
        expect(p?.figures.values[key] ?? 0, key).toBe(sum + (own.values[key] ?? 0));
      }
      // Breakdowns add up too: by sex, the counties' person-times are the city's.
      for (const dim of ['sex:male', 'sex:female', 'age:under16', 'kind:coat']) {
        const fig = dim.startsWith('kind') ? 'items_distributed' : 'assisted';
        const sum = kids.reduce((n, k) => n + (k.figures.breakdowns[fig]?.[dim] ?? 0), 0);
        expect(p?.figures.breakdowns[fig]?.[dim] ?? 0).toBe(sum + (own.breakdowns[fig]?.[dim] ?? 0));
      }
    };
    await check('440200', ['440203', '440204', '440205', '440222', '440281']);
    await check('440000', ['440200', '441800', '440100']);
    await check('000000', ['440000']);
  });

  it('folds nothing twice and misses nothing committed late', async () => {
    const early = fc.sample(statEvent, 50).map((make) => make());
    // A transaction that began before the rollup and commits after it.
    const slow = await t.pool.connect();
    await slow.query('BEGIN');
    await slow.query(
      `INSERT INTO event (id, at, action, entity_type, entity_id, region_code, payload)
      VALUES ($1, $3, 'lead.received', 'lead', $2, '440203', '{"source":"public"}')`,
      [randomUUID(), randomUUID(), new Date(DAY0 + 3_600_000).toISOString()],
    );
    await insert(early);
    try {
      await rollup(t.db);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    await rollup(t.db);
    await rollup(t.db);
    const repo = createStatsRepository(t.db);
    const q = { regions: ['440203'], period };
    expect(normal((await repo.figures(q))[0]?.figures)).toEqual(
      normal((await repo.naiveFigures(q))[0]?.figures),
    );
    // Every event is folded once the oldest transaction still running (anywhere in the cluster:
    // other test files' databases share it) is younger than they are.
    const unfolded = async () =>
      Number(
        (
          await t.db.execute<{ n: string }>(
            sql`SELECT count(*)::text AS n FROM event WHERE txid >= (SELECT watermark FROM stat_state)`,
          )
        ).rows[0]?.n,
      );
    await expect
      .poll(
        async () => {
          await rollup(t.db);
          return unfolded();
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(0);
    expect(normal((await repo.figures(q))[0]?.figures)).toEqual(
      normal((await repo.naiveFigures(q))[0]?.figures),
    );
  });
});
