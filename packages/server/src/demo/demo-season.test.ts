import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounter, lead } from '../db/schema.ts';
import { fixedClock } from '../platform/clock.ts';
import { createEventRecorder } from '../platform/events.ts';
import { uuidV7Ids } from '../platform/ids.ts';
import { ledgerMismatches } from '../testing/supply-builders.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { counties, DEMO_CITY, DEMO_PASSWORD } from './demo-city.ts';
import { seedDemo } from './seed.ts';

/** The demo seeded on 2 December, the cold wave on: the season's figures, as the dashboard reads them. */
let t: TestApp;
type Values = Record<string, number>;
interface Answer {
  figures: Values;
  breakdowns: Record<string, Values>;
  items: { code: string; name: string; figures: Values }[];
  days: { day: string; figures: Values }[];
}
let get: (url: string) => Promise<Answer>;
const seededAt = new Date('2026-12-02T12:40:00+08:00');
const period = 'from=2026-10-15&to=2026-12-02';

beforeAll(async () => {
  t = await createTestApp();
  const clock = fixedClock(seededAt);
  await seedDemo({
    db: t.db,
    clock,
    ids: uuidV7Ids,
    recordEvent: createEventRecorder({ clock, ids: uuidV7Ids }),
  });
  const admin = await t.login('shaoguan', DEMO_PASSWORD);
  get = async (url) => (await t.app.inject({ method: 'GET', url, headers: { cookie: admin } })).json();
}, 240_000);
afterAll(() => t.close());

describe('the demo season', () => {
  it('fills the figures of the city and of each of its ten districts and counties', async () => {
    const city = (await get(`/api/stats/figures?region=${DEMO_CITY}&${period}`)).figures;
    expect(city.assisted).toBeGreaterThanOrEqual(250);
    expect(city.assisted).toBeLessThanOrEqual(450);
    expect(city.assisted_persons).toBeLessThan(city.assisted!);
    for (const f of ['escorted_home', 'reunited', 'placed', 'shelters_opened', 'lead_arrival_minutes'])
      expect(city[f], f).toBeGreaterThan(0);
    const { items } = await get(`/api/stats/children?region=${DEMO_CITY}&${period}`);
    expect(items.map((c: { code: string }) => c.code).sort()).toEqual(counties.map(([code]) => code).sort());
    for (const c of items as { name: string; figures: Record<string, number> }[])
      for (const f of [
        'assisted',
        'street_assisted',
        'patrols',
        'patrol_staff_trips',
        'vehicle_trips',
        'items_distributed',
        'shelters_opened',
        'leads',
      ])
        if (!(f === 'vehicle_trips' && c.name === '南雄市'))
          expect(c.figures[f], `${c.name} ${f}`).toBeGreaterThan(0);
    // The city districts are busier than any rural county.
    const assisted = (name: string) => items.find((c) => c.name === name)!.figures.assisted!;
    const rural = ['始兴县', '仁化县', '翁源县', '乳源瑶族自治县', '新丰县'].map(assisted);
    for (const urban of ['浈江区', '武江区', '曲江区'])
      expect(assisted(urban)).toBeGreaterThan(Math.max(...rural));
    // Counts and sums add up over the children; leads from the public land on the city itself.
    const publicLeads = (await t.db.select().from(lead).where(eq(lead.regionCode, DEMO_CITY))).length;
    for (const f of [
      'assisted',
      'patrols',
      'patrol_staff_trips',
      'vehicle_trips',
      'items_distributed',
      'discharged',
    ])
      expect(
        items.reduce((n: number, c: { figures: Record<string, number> }) => n + c.figures[f]!, 0),
        f,
      ).toBe(city[f]);
    expect(items.reduce((n: number, c: { figures: Record<string, number> }) => n + c.figures.leads!, 0)).toBe(
      city.leads! - publicLeads,
    );
  });

  it('peaks in the cold wave, with a mix of people helped one to three times', async () => {
    const { days } = await get(`/api/stats/trend?region=${DEMO_CITY}&${period}`);
    const mean = (xs: { figures: Record<string, number> }[]) =>
      xs.reduce((n, d) => n + d.figures.assisted!, 0) / xs.length;
    expect(mean(days.slice(-7))).toBeGreaterThan(2.5 * mean(days.slice(0, 17)));
    const { breakdowns } = await get(`/api/stats/figures?region=${DEMO_CITY}&${period}`);
    const b = breakdowns.assisted as Record<string, number>;
    for (const d of ['sex:male', 'sex:female', 'age:under16', 'age:16to59', 'age:60plus', 'province:44'])
      expect(b[d], d).toBeGreaterThan(0);
    expect(b['age:60plus']).toBeGreaterThan(b['age:under16']!);
    expect(b['sex:male']).toBeGreaterThan(b['sex:female']!);
    expect(Object.keys(b).filter((k) => /^province:\d\d$/.test(k)).length).toBeGreaterThanOrEqual(5);
    const types = breakdowns.discharged as Record<string, number>;
    expect(Object.keys(types).length).toBeGreaterThanOrEqual(8);
    const rows = await t.db.select().from(encounter).where(isNotNull(encounter.teamId));
    const times = new Map<string, number>();
    for (const e of rows) times.set(e.personId, (times.get(e.personId) ?? 0) + 1);
    expect(Math.max(...times.values())).toBe(3);
    expect([...times.values()].filter((n) => n > 1).length).toBeGreaterThan(10);
    // The season's encounters are filed under the shift they were out on (the week's ten by
    // demo-encounters.ts keep their own hours, some of them in the day).
    expect(rows.filter((e) => !e.shiftId).length).toBeLessThanOrEqual(10);
  });

  it('tells the winter in warnings: the November snap and the cold wave past, three in force now', async () => {
    type W = {
      kind: string;
      colour: string;
      source: string;
      active: boolean;
      endedAt: string | null;
      needsReview: boolean;
      regions: { name: string }[];
    };
    const recent = (await get('/api/weather/warnings?active=false&limit=100')) as unknown as { items: W[] };
    const seen = recent.items.map((w) => `${w.kind}:${w.colour}:${w.source}`).reverse();
    expect(seen).toEqual([
      'cold_wave:blue:feed',
      'cold_wave:yellow:feed',
      'cold_wave:orange:feed',
      'cold_wave:red:upload',
      'cold_wave:orange:feed',
      'low_temperature:yellow:manual',
      'road_icing:yellow:push',
      'low_temperature:yellow:feed',
    ]);
    const red = recent.items.find((w) => w.colour === 'red')!;
    expect(red.endedAt).not.toBeNull();
    expect(red.regions.map((r) => r.name)).toContain('乐昌市');
    // In force at the moment the demo was seeded (the test app's clock is a fortnight later).
    const later = t.clock.now().getTime();
    t.clock.advance(seededAt.getTime() - later);
    const active = (await get('/api/weather/warnings')) as unknown as { items: W[] };
    t.clock.advance(later - seededAt.getTime());
    expect(active.items.map((w) => `${w.kind}:${w.colour}`).sort()).toEqual([
      'low_temperature:yellow',
      'low_temperature:yellow',
      'road_icing:yellow',
    ]);
    expect(active.items.find((w) => w.kind === 'road_icing')?.needsReview).toBe(true);
    // A forecast for every county tonight and the three nights after, the mountains coldest.
    const nights = (await get('/api/weather/forecasts?night=2026-12-02&nights=4')) as unknown as {
      items: { regionCode: string; night: string; minC: number }[];
    };
    expect(nights.items).toHaveLength(40);
    const tonight = new Map(
      nights.items.filter((f) => f.night === '2026-12-02').map((f) => [f.regionCode, f.minC]),
    );
    expect(tonight.get('440282')).toBeLessThan(tonight.get('440204')!);
    for (const c of tonight.values()) expect(c).toBeLessThanOrEqual(3);
  });

  it('keeps the books: every balance is its ledger', async () => {
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });
});

describe('the demo winter’s responses', () => {
  it('were proposed from the warnings, confirmed, and their plans worked', async () => {
    const rows = (
      await t.pool.query(`
      SELECT r.region_code, r.level, r.state, r.activated_by IS NULL AS auto, r.levels,
        count(k.*) FILTER (WHERE k.state = 'done')::int AS done,
        count(k.*) FILTER (WHERE k.escalated_at IS NOT NULL)::int AS escalated
      FROM emergency_response r LEFT JOIN response_task k ON k.response_id = r.id
      GROUP BY r.id ORDER BY r.region_code, r.activated_at`)
    ).rows as {
      region_code: string;
      level: string;
      state: string;
      auto: boolean;
      levels: { level: string | null }[];
      done: number;
      escalated: number;
    }[];
    const city = rows.find((r) => r.region_code === DEMO_CITY)!;
    // The cold wave took the city from IV up to II (the red in the north) and back down.
    expect(city.levels.map((l) => l.level)).toContain('II');
    expect(city).toMatchObject({ state: 'active', auto: false });
    expect(city.done).toBeGreaterThan(5);
    // The five mountain counties confirm by themselves; the rest were confirmed by a leader.
    const mountains = rows.filter((r) =>
      ['440281', '440282', '440224', '440222', '440232'].includes(r.region_code),
    );
    expect(mountains).toHaveLength(5);
    expect(mountains.every((r) => r.auto)).toBe(true);
    // Some tasks were late and escalated, most were done.
    expect(rows.reduce((n, r) => n + r.escalated, 0)).toBeGreaterThan(0);
    // 新丰县's warnings are over and its nights above zero: its response has ended.
    expect(rows.find((r) => r.region_code === '440233')!.state).toBe('ended');
    const status = (
      await t.app.inject({
        method: 'GET',
        url: '/api/response/status',
        headers: { cookie: await t.login('shaoguan', DEMO_PASSWORD) },
      })
    ).json();
    expect(status.level).toBe('IV');
  });
});
