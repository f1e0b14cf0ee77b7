import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { rollup } from './rollup.ts';

let t: TestApp;
let county: string;
let city: string;
const q = 'from=2026-11-01&to=2026-11-30';

async function ev(action: string, region: string, at: string, payload: Record<string, unknown>) {
  await t.db.execute(sql`INSERT INTO event (id, at, action, entity_type, entity_id, region_code, payload)
    VALUES (${randomUUID()}, ${at}::timestamptz, ${action}, 'encounter', ${randomUUID()}, ${region}, ${JSON.stringify(payload)}::jsonb)`);
}
const subject = (sex: string) => ({
  personId: randomUUID(),
  sex,
  ageGroup: '16to59',
  health: 'healthy',
  homeProvince: '43',
  groups: [],
});

beforeAll(async () => {
  t = await createTestApp();
  county = await t.sessionFor((await buildUser(t.db, { role: 'bureau_admin', regionCode: '440204' })).id);
  city = await t.sessionFor((await buildUser(t.db, { role: 'bureau_admin', regionCode: '440200' })).id);
  await ev('encounter.recorded', '440204', '2026-11-10T21:00:00+08:00', {
    category: 'persuaded',
    subject: subject('male'),
  });
  await ev('encounter.recorded', '440204', '2026-11-11T23:30:00+08:00', {
    category: 'persuaded',
    subject: subject('female'),
  });
  await ev('stay.admitted', '440203', '2026-11-12T01:00:00+08:00', {
    arrivalKind: 'handover',
    subject: subject('male'),
  });
  await rollup(t.db);
  // Arrived after the rollup ran: read raw until the next one.
  await ev('encounter.recorded', '440204', '2026-11-30T23:59:00+08:00', {
    category: 'relief_on_spot',
    subject: subject('male'),
  });
});
afterAll(() => t.close());

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('GET /api/stats', () => {
  it('answers every figure under its key for the caller’s own region, the unrolled tail included', async () => {
    const res = await get(county, `/api/stats/figures?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.region).toEqual({ code: '440204', name: '浈江区' });
    expect(body.figures).toMatchObject({
      assisted: 3,
      street_assisted: 3,
      station_admitted: 0,
      assisted_persons: 3,
    });
    expect(body.breakdowns.assisted).toMatchObject({ 'sex:male': 2, 'sex:female': 1, 'province:43': 3 });
    expect(body.breakdowns.street_assisted['category:persuaded']).toBe(2);
  });

  it('rolls the counties up to the city, and ranks them', async () => {
    const res = await get(city, `/api/stats/figures?region=440200&${q}`);
    expect(res.json().figures).toMatchObject({ assisted: 4, station_admitted: 1, persuaded_to_station: 1 });
    const kids = (await get(city, `/api/stats/children?region=440200&${q}`)).json().items;
    expect(kids.find((k: { code: string }) => k.code === '440204').figures.assisted).toBe(3);
    expect(kids.find((k: { code: string }) => k.code === '440203').figures.assisted).toBe(1);
  });

  it('lists exactly the records behind a number', async () => {
    const res = await get(city, `/api/stats/records?region=440200&${q}&figure=assisted`);
    expect(res.json().total).toBe(4);
    expect(res.json().items).toHaveLength(4);
    const male = (
      await get(city, `/api/stats/records?region=440200&${q}&figure=assisted&dim=sex:male`)
    ).json();
    expect(male.total).toBe(3);
    expect(male.items.every((i: { facts: { sex: string } }) => i.facts.sex === 'male')).toBe(true);
  });

  it('lists the arrivals behind the median, which has no headline row of its own', async () => {
    await ev('lead.on_scene', '440204', '2026-11-20T22:00:00+08:00', { minutesFromLead: 14 });
    await ev('lead.on_scene', '440204', '2026-11-21T22:00:00+08:00', { minutesFromLead: 9 });
    expect((await get(county, `/api/stats/figures?${q}`)).json().figures.lead_arrival_minutes).toBe(9);
    const res = (await get(county, `/api/stats/records?${q}&figure=lead_arrival_minutes`)).json();
    expect(res.total).toBe(2);
    expect(res.items.map((i: { facts: { minutesFromLead: number } }) => i.facts.minutesFromLead)).toEqual([
      9, 14,
    ]);
  });

  it('gives the trend day by day, every day listed', async () => {
    const days = (await get(county, `/api/stats/trend?${q}`)).json().days;
    expect(days).toHaveLength(30);
    expect(days.find((d: { day: string }) => d.day === '2026-11-10').figures.assisted).toBe(1);
    expect(days.find((d: { day: string }) => d.day === '2026-11-30').figures.assisted).toBe(1);
  });

  it('never shows a county a sibling’s figures or records (404, as if missing)', async () => {
    for (const path of ['figures', 'children', 'trend', 'records']) {
      const res = await get(
        county,
        `/api/stats/${path}?region=440203&${q}&figure=assisted`.replace(
          '&figure=assisted',
          path === 'records' ? '&figure=assisted' : '',
        ),
      );
      expect(res.statusCode, path).toBe(404);
    }
    expect((await get(county, `/api/stats/figures?region=440200&${q}`)).statusCode).toBe(404);
  });

  it('refuses a backwards or endless period and a township, machine-readably', async () => {
    const back = await get(county, '/api/stats/figures?from=2026-11-30&to=2026-11-01');
    expect(back.statusCode).toBe(400);
    expect(back.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await get(county, '/api/stats/figures?from=2020-01-01&to=2026-11-01')).statusCode).toBe(400);
    expect((await get(county, '/api/stats/figures?from=2026-11-01&to=2026-11-31x')).statusCode).toBe(400);
    expect((await get(county, `/api/stats/records?${q}&figure=nope`)).statusCode).toBe(400);
  });
});
