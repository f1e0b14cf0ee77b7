/**
 * Campaign figures at national-campaign scale (issue 6): ≥ 5 million events over Guangdong's
 * counties across a winter season (2025-10-15 → 2026-03-15), with the action mix and payloads
 * the services write — person-times and persons (each assisted ~2–3 times), stations, shifts,
 * hand-outs, leads and their outcomes, shelters — and plenty the figures must skip (team
 * position pings, triage, care records, sign-ins…). Generated in SQL (INSERT … SELECT over
 * generate_series, a few days per statement, in time order) on a fresh embedded PostgreSQL
 * that is stopped and deleted afterwards (the event table is append-only, so a run needs a
 * database of its own).
 *
 * Then: the rollup catch-up over everything (timed), a steady-state rollup of 10,000 new events
 * (timed), a fresh tail left unrolled, and the dashboard's three questions for the province
 * 440000 over the whole season — figures with breakdowns, its cities' table, the trend by day —
 * through the stats service, against `naiveFigures()` (the GROUP BY over raw events) for the
 * same questions in the same run. Both answers must be deeply equal, or the bench fails.
 */
import { deepStrictEqual } from 'node:assert/strict';
import type { Db } from '../packages/server/src/db/pool.ts';
import { loadRegions } from '../packages/server/src/modules/regions/region.loader.ts';
import { createRegionService } from '../packages/server/src/modules/regions/region.service.ts';
import { rollup } from '../packages/server/src/modules/stats/rollup.ts';
import {
  createStatsRepository,
  type FiguresQuery,
  type RegionFigures,
} from '../packages/server/src/modules/stats/stats.repository.ts';
import { createStatsService } from '../packages/server/src/modules/stats/stats.service.ts';
import type { Actor } from '../packages/server/src/platform/actor.ts';
import { systemClock } from '../packages/server/src/platform/clock.ts';
import { withEmbeddedDatabase } from './harness.ts';
import { percentile } from './lib.ts';

const EVENTS = Number(process.env.STATS_BENCH_EVENTS ?? 5_000_000);
const STEADY = 10_000;
/** What arrives between two runs of the minutely rollup, and then some: a few minutes at the season's peak. */
const TAIL = 200;
const SEASON = { from: '2025-10-15', to: '2026-03-15' };
const FAST_REPS = Number(process.env.STATS_BENCH_REPS ?? 200);
/** The naive recomputation takes minutes at this scale: the run that is compared is the one timed. */
const NAIVE_REPS = Number(process.env.STATS_BENCH_NAIVE_REPS ?? 1);
/** Assistance events (street + station) per person, on average, among those assisted. */
const ASSISTED_PER_PERSON = 2.5;
const SHELTERS = 2_000;
const TEAMS = 3_000;

/** The action mix: fraction of all events (what a season's log looks like; sums to 1). */
const mix: [action: string, share: number][] = [
  ['team.located', 0.3],
  ['encounter.recorded', 0.14],
  ['lead.received', 0.085],
  ['lead.triaged', 0.07],
  ['lead.dispatched', 0.05],
  ['lead.on_scene', 0.04],
  ['lead.resolved', 0.03],
  ['lead.not_found', 0.01],
  ['lead.closed', 0.008],
  ['lead.quarantined', 0.006],
  ['lead.merged', 0.003],
  ['stay.admitted', 0.04],
  ['stay.care_recorded', 0.06],
  ['stay.discharged', 0.036],
  ['shift.started', 0.025],
  ['shift.ended', 0.025],
  ['supply.distributed', 0.04],
  ['supply.issued', 0.006],
  ['auth.logged_in', 0.015],
  ['shelter.activated', 0.002],
  ['shelter.counted', 0.004],
];
const ASSIST_SHARE = 0.14 + 0.04;

/** City weights (≈ people sleeping rough): Guangzhou and Shenzhen most, then the delta. */
const cityWeight: Record<string, number> = {
  '4401': 4,
  '4403': 4,
  '4406': 2.5,
  '4419': 6,
  '4420': 3,
  '4413': 2,
  '4407': 1.5,
  '4408': 1.5,
  '4405': 1.5,
  '4452': 1.5,
};

export const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** The places, persons and shelters the events refer to (the bench's own tables). */
export async function buildPopulation(db: Db, persons: number) {
  const c = db.$client;
  const counties = await c.query<{ code: string }>(
    `SELECT code FROM region WHERE code LIKE '44%' AND (level = 'county' OR code IN ('441900', '442000'))
     ORDER BY code`,
  );
  // Neighbours, so the province filter has events to leave out.
  const others = await c.query<{ code: string }>(
    `SELECT code FROM region WHERE (code LIKE '4310%' OR code LIKE '4501%') AND level = 'county' ORDER BY code`,
  );
  const places = [
    ...counties.rows.map((r) => ({
      code: r.code,
      w: (cityWeight[r.code.slice(0, 4)] ?? 1) * (r.code.endsWith('00') ? 4 : 1),
    })),
    ...others.rows.map((r) => ({ code: r.code, w: 0.4 })),
  ];
  const total = places.reduce((s, p) => s + p.w, 0);
  let run = 0;
  const cums = places.map((p) => {
    run += p.w / total;
    return run;
  });
  await c.query(`CREATE TABLE bench_place (i int PRIMARY KEY, code text NOT NULL)`);
  await c.query(
    `INSERT INTO bench_place SELECT i - 1, code FROM unnest($1::text[]) WITH ORDINALITY AS x(code, i)`,
    [places.map((p) => p.code)],
  );
  const placeOf = (r: string) =>
    `(SELECT code FROM bench_place WHERE i = least(width_bucket(${r}, $1::float8[]), ${places.length - 1}))`;
  // Each person's facts as the services fix them (subjectFacts), one county mostly; 5 % move.
  await c.query(
    `CREATE TABLE bench_person AS
     SELECT no, id, county, CASE WHEN rm < 0.05 THEN ${placeOf('rm2')} END AS county2,
            sex, age_group, health, home_province,
            to_jsonb(array_remove(ARRAY[
              CASE WHEN age_group = 'under16' THEN 'minor' END,
              CASE WHEN age_group = '60plus' THEN 'elderly' END,
              CASE WHEN health = 'disabled' THEN 'disabled' END,
              CASE WHEN health = 'mental' THEN 'mental_disorder' END], NULL)) AS groups
     FROM (
       SELECT no, gen_random_uuid()::text AS id, ${placeOf('rc')} AS county, rm, rm2,
              CASE WHEN rs < 0.78 THEN 'male' WHEN rs < 0.96 THEN 'female' ELSE 'unknown' END AS sex,
              CASE WHEN ra < 0.03 THEN 'under16' WHEN ra < 0.65 THEN '16to59' WHEN ra < 0.95 THEN '60plus'
                   ELSE 'unknown' END AS age_group,
              CASE WHEN rh < 0.12 THEN 'mental' WHEN rh < 0.27 THEN 'sick' WHEN rh < 0.33 THEN 'disabled'
                   ELSE 'healthy' END AS health,
              CASE WHEN rp < 0.10 THEN NULL WHEN rp < 0.45 THEN '44' WHEN rp < 0.57 THEN '43'
                   WHEN rp < 0.67 THEN '45' WHEN rp < 0.75 THEN '51' WHEN rp < 0.81 THEN '36'
                   WHEN rp < 0.86 THEN '42' WHEN rp < 0.91 THEN '41'
                   ELSE (ARRAY['52','53','35','37','50','61','46','13'])[1 + floor(rp * 1000)::int % 8] END AS home_province
       FROM (SELECT no, random() rc, random() rm, random() rm2, random() rs, random() ra, random() rh, random() rp
             FROM generate_series(0, $2::int - 1) no OFFSET 0) r
     ) p`,
    [cums.slice(0, -1), persons],
  );
  await c.query(`ALTER TABLE bench_person ADD PRIMARY KEY (no)`);
  await c.query(
    `CREATE TABLE bench_shelter AS
     SELECT no, gen_random_uuid()::text AS id, ${placeOf('r1')} AS county,
            (ARRAY['cold_shelter','relief_point','help_point'])[1 + floor(r2 * 3)::int] AS kind
     FROM (SELECT no, random() r1, random() r2 FROM generate_series(0, $2::int - 1) no OFFSET 0) r`,
    [cums.slice(0, -1), SHELTERS],
  );
  await c.query(`ALTER TABLE bench_shelter ADD PRIMARY KEY (no)`);
  return { guangdong: counties.rows.length, others: others.rows.length };
}

const thresholds = () => {
  let run = 0;
  return mix.map(([action, share]) => {
    run += share;
    return { action, upTo: run };
  });
};

/**
 * Inserts `counts[i]` events on Beijing day `days[i]`, in one statement (one transaction):
 * each an action drawn from the mix, about a person or place drawn from the population, its
 * payload shaped like the service's.
 */
export async function insertEvents(db: Db, onDays: string[], counts: number[], persons: number) {
  const actions = thresholds();
  const actionCase = `CASE ${actions
    .map((a, i) =>
      i === actions.length - 1 ? `ELSE '${a.action}'` : `WHEN ra < ${a.upTo} THEN '${a.action}'`,
    )
    .join(' ')} END`;
  const iso = (t: string) => `to_char(${t} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  await db.$client.query(
    `WITH g AS MATERIALIZED (
       SELECT x.day, random() AS ra, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
              random() AS r5, random() AS rt, floor(random() * $3::int)::int AS pno
       FROM unnest($1::date[], $2::int[]) AS x(day, n), generate_series(1, x.n)
     ),
     a AS MATERIALIZED (
       SELECT g.*, ${actionCase} AS action,
              CASE WHEN ${actionCase} = 'shelter.activated' THEN floor(r1 * ${SHELTERS})::int END AS sno,
              -- evenings and nights mostly: that is when patrols go out
              ((g.day::timestamp + make_interval(secs => 3600 * CASE WHEN rt < 0.6 THEN mod((18 + r5 * 12)::numeric, 24)::float8
                                                                       ELSE r5 * 24 END))
                 AT TIME ZONE 'Asia/Shanghai') AS occurred
       FROM g
     ),
     b AS (
       SELECT a.*, p.id AS person_id, s.id AS shelter_id, s.kind AS shelter_kind,
              -- recorded offline, sent up to 36 h later: it counts on the day it happened
              CASE WHEN a.action = 'encounter.recorded' AND r4 < 0.04 THEN a.occurred + make_interval(mins => (r3 * 2160)::int)
                   ELSE a.occurred END AS at,
              CASE WHEN s.id IS NOT NULL THEN s.county
                   WHEN r4 > 0.98 THEN left(p.county, 4) || '00'
                   WHEN p.county2 IS NOT NULL AND r3 < 0.4 THEN p.county2 ELSE p.county END AS region_code,
              jsonb_build_object('personId', p.id, 'sex', p.sex, 'ageGroup', p.age_group, 'health', p.health,
                                 'homeProvince', p.home_province, 'groups', p.groups) AS subject,
              'a0000000-0000-4000-8000-' || lpad(to_hex(a.pno % ${TEAMS}), 12, '0') AS team_id
       FROM a JOIN bench_person p ON p.no = a.pno
       LEFT JOIN bench_shelter s ON s.no = a.sno
     )
     INSERT INTO event (id, at, actor_id, action, entity_type, entity_id, region_code, request_id, payload)
     SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3)
              || '8' || substr(md5(random()::text), 1, 15))::uuid,
            at,
            CASE WHEN action <> 'lead.received' THEN gen_random_uuid() END,
            action,
            CASE split_part(action, '.', 1) WHEN 'supply' THEN 'supply_movement' WHEN 'auth' THEN 'user'
                 ELSE split_part(action, '.', 1) END,
            CASE WHEN action = 'shelter.activated' THEN shelter_id
                 WHEN action = 'team.located' THEN team_id ELSE gen_random_uuid()::text END,
            region_code,
            'req-' || substr(md5(random()::text), 1, 12),
            CASE action
              WHEN 'encounter.recorded' THEN
                jsonb_build_object(
                  'personId', person_id,
                  'category', (ARRAY['onsite_relief','onsite_relief','onsite_relief','to_station','transitional',
                                     'protective','medical_first','assist_first'])[1 + floor(r1 * 8)::int],
                  'proposed', 'onsite_relief',
                  'items', CASE WHEN r2 < 0.6 THEN '[{"kind":"warmth_kit","quantity":1},{"kind":"food","quantity":2}]'::jsonb
                                ELSE '[]'::jsonb END,
                  'teamId', team_id,
                  'occurredAt', ${iso('occurred')},
                  'followUpOf', NULL,
                  'note', NULL)
                -- 1 % written before events carried the subject's facts: a person, no breakdown
                || CASE WHEN r5 < 0.01 THEN '{}'::jsonb ELSE jsonb_build_object('subject', subject) END
              WHEN 'stay.admitted' THEN
                jsonb_build_object('held', floor(r1 * 4)::int, 'refused', floor(r2 * 1.3)::int,
                  'identityUnknown', r3 < 0.15,
                  'arrivalKind', CASE WHEN r2 < 0.55 THEN 'handover' WHEN r2 < 0.85 THEN 'walk_in' ELSE 'police_delivery' END,
                  'subject', subject)
              WHEN 'stay.discharged' THEN
                jsonb_build_object(
                  'type', (ARRAY['self_departure','self_departure','self_departure','return_home_ticket','return_home_ticket',
                                 'escort_home','family_collection','referral_hospital','referral_welfare','outside_care',
                                 'placement','left_without_notice','assistance_ended'])[1 + floor(r1 * 13)::int],
                  'days', 1 + floor(r2 * 10)::int, 'personId', person_id, 'identityUnknown', r3 < 0.15)
              WHEN 'shift.started' THEN
                jsonb_build_object('teamId', team_id, 'staffTrips', 2 + floor(r1 * 5)::int,
                                   'vehicleTrips', floor(r2 * 2.4)::int)
              WHEN 'shift.ended' THEN jsonb_build_object('teamId', team_id)
              WHEN 'supply.distributed' THEN
                jsonb_build_object('kind', 'distribute', 'reason', NULL, 'fromPlaceId', gen_random_uuid(),
                  'toPlaceId', NULL, 'teamId', team_id, 'encounterId', gen_random_uuid(), 'at', ${iso('at')},
                  'lines', '[]'::jsonb, 'units', 0,
                  'byKind', jsonb_strip_nulls(jsonb_build_object(
                    'warmth_kit', CASE WHEN r1 < 0.55 THEN 1 END,
                    'coat', CASE WHEN r2 < 0.2 THEN 1 END,
                    'quilt', CASE WHEN r3 < 0.15 THEN 1 END,
                    'shoes', CASE WHEN r4 < 0.08 THEN 1 END,
                    'food', CASE WHEN r5 < 0.6 THEN 1 + floor(r1 * 3)::int END,
                    'water', CASE WHEN r5 > 0.5 THEN 1 + floor(r2 * 2)::int END,
                    'medicine', CASE WHEN rt < 0.05 THEN 1 END)))
              WHEN 'supply.issued' THEN jsonb_build_object('kind', 'issue', 'teamId', team_id, 'units', 20)
              WHEN 'lead.received' THEN
                jsonb_build_object(
                  'source', (ARRAY['public','public','public','public','hotline','hotline','police_110','city_grid',
                                   'sentinel','patrol','video','drone'])[1 + floor(r1 * 12)::int],
                  'descriptors', '["elderly","thin_clothing"]'::jsonb, 'vulnerable', r2 < 0.4, 'state', 'new',
                  'photoCount', floor(r3 * 2)::int)
              WHEN 'lead.on_scene' THEN
                jsonb_build_object('from', 'accepted', 'to', 'on_scene',
                  'minutesFromLead', round(5 + 40 * r1 * r1 + 20 * r2)::int, 'withinSla', r1 < 0.85)
              WHEN 'shelter.activated' THEN
                jsonb_build_object('from', 'standby', 'to', 'open', 'shelterKind', shelter_kind)
              WHEN 'shelter.counted' THEN jsonb_build_object('present', floor(r1 * 40)::int, 'capacity', 40)
              WHEN 'team.located' THEN
                jsonb_build_object('lat', round((21 + r1 * 4)::numeric, 5), 'lng', round((110 + r2 * 7)::numeric, 5),
                                   'accuracyM', floor(5 + r3 * 40)::int)
              WHEN 'stay.care_recorded' THEN
                jsonb_build_object('basics', '["meal","bed","warm"]'::jsonb, 'note', NULL)
              WHEN 'auth.logged_in' THEN jsonb_build_object('method', 'password')
              ELSE jsonb_build_object('from', 'new', 'to', split_part(action, '.', 2))
            END
     FROM b`,
    [onDays, counts, persons],
  );
}

/** Events per Beijing day over a period, peaking in the cold weeks around New Year. */
export function perDay(onDays: string[], total: number) {
  const w = onDays.map((_, i) => 0.35 + Math.sin((Math.PI * (i + 0.5)) / onDays.length));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.round((x / sum) * total));
}

const byKey = (xs: RegionFigures[]) =>
  JSON.parse(
    JSON.stringify(
      [...xs].sort((a, b) => `${a.regionCode}|${a.day}`.localeCompare(`${b.regionCode}|${b.day}`)),
    ),
  ) as RegionFigures[];

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function statsBench() {
  return withEmbeddedDatabase('stats', 4, async ({ db }) => {
    const c = db.$client;
    // A throw-away cluster: fewer checkpoints during the bulk load (reads are unaffected).
    await c.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
    await c.query(`SELECT pg_reload_conf()`);
    await loadRegions(db);
    const persons = Math.round(
      (EVENTS * ASSIST_SHARE) / ASSISTED_PER_PERSON / (1 - Math.exp(-ASSISTED_PER_PERSON)),
    );
    const pop = await buildPopulation(db, persons);
    const season = days(SEASON.from, SEASON.to);
    const counts = perDay(season, EVENTS);
    // A bulk load: the event table's secondary indexes are dropped for it and built afterwards,
    // with the definitions read back from the catalogue (so they are the migrations' own).
    const indexes = (
      await c.query<{ name: string; def: string }>(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes
         WHERE schemaname = 'public' AND tablename = 'event'
           AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'event'::regclass)`,
      )
    ).rows;
    for (const i of indexes) await c.query(`DROP INDEX "${i.name}"`);
    let t0 = performance.now();
    const CHUNK = 6;
    for (let i = 0; i < season.length; i += CHUNK) {
      await insertEvents(db, season.slice(i, i + CHUNK), counts.slice(i, i + CHUNK), persons);
      if ((i / CHUNK) % 5 === 4)
        console.error(
          `stats: ${season[Math.min(i + CHUNK, season.length) - 1]} done, ${s(performance.now() - t0)}`,
        );
    }
    for (const i of indexes) await c.query(i.def);
    const generateMs = performance.now() - t0;
    await c.query('VACUUM ANALYZE event');
    const facts = (
      await c.query<{ events: string; stat: string; counties: string; persons: string; size: string }>(
        `SELECT count(*)::text AS events,
                count(*) FILTER (WHERE action IN ('encounter.recorded','stay.admitted','shift.started','supply.distributed',
                  'shelter.activated','lead.received','lead.on_scene','stay.discharged','lead.resolved','lead.not_found',
                  'lead.closed','lead.quarantined','lead.merged'))::text AS stat,
                count(DISTINCT region_code) FILTER (WHERE region_code LIKE '44%' AND region_code NOT LIKE '%00')::text AS counties,
                count(DISTINCT coalesce(payload #>> '{subject,personId}', payload ->> 'personId'))
                  FILTER (WHERE action IN ('encounter.recorded', 'stay.admitted'))::text AS persons,
                pg_size_pretty(pg_total_relation_size('event')) AS size
         FROM event`,
      )
    ).rows[0]!;
    console.error(
      `stats: generated ${Number(facts.events).toLocaleString('en')} events (${Number(facts.stat).toLocaleString('en')} that figures read) in ${s(generateMs)} over ${facts.counties} Guangdong counties (+${pop.others} neighbouring); ${Number(facts.persons).toLocaleString('en')} persons assisted; event table ${facts.size}`,
    );

    // The catch-up: everything at once, as on the first run after an upgrade.
    t0 = performance.now();
    await rollup(db);
    const catchUpMs = performance.now() - t0;
    await c.query('VACUUM ANALYZE');
    const rolled = (
      await c.query<{ t: string; n: string }>(
        `SELECT relname AS t, to_char(n_live_tup, 'FM999,999,999') || ' rows, ' || pg_size_pretty(pg_total_relation_size(relid)) AS n
         FROM pg_stat_user_tables WHERE relname LIKE 'stat\\_%' ORDER BY relname`,
      )
    ).rows;
    console.error(
      `stats: rollup catch-up ${s(catchUpMs)}; ${rolled.map((r) => `${r.t}: ${r.n}`).join('; ')}`,
    );

    // Steady state: the events of a busy few minutes, then the job's next run.
    const lastDays = season.slice(-2);
    await insertEvents(db, lastDays, [STEADY / 2, STEADY / 2], persons);
    t0 = performance.now();
    await rollup(db);
    const steadyMs = performance.now() - t0;
    // And a fresh tail the rollup has not read yet: the figures read it raw.
    await insertEvents(db, lastDays, [TAIL / 2, TAIL / 2], persons);
    await c.query('ANALYZE event');

    const actor: Actor = {
      id: '00000000-0000-4000-8000-000000000001',
      role: 'bureau_admin',
      regionCode: '440000',
    };
    const regions = createRegionService({ db });
    const service = createStatsService({ db, regions, clock: systemClock });
    const repo = createStatsRepository(db);
    const cities = (await regions.children(actor, '440000')).filter((k) => k.level !== 'township');
    const ask = { region: '440000', ...SEASON };
    const questions: { name: string; q: FiguresQuery; call: () => Promise<unknown> }[] = [
      {
        name: 'figures with breakdowns',
        q: { regions: ['440000'], period: SEASON },
        call: () => service.figures(actor, ask),
      },
      {
        name: `children table (${cities.length} cities)`,
        q: { regions: cities.map((k) => k.code), period: SEASON, headlineOnly: true },
        call: () => service.children(actor, ask),
      },
      {
        name: `trend by day (${season.length} days)`,
        q: { regions: ['440000'], period: SEASON, byDay: true, headlineOnly: true },
        call: () => service.trend(actor, ask),
      },
    ];

    // Same numbers, or no row: the rollup path and the naive recomputation, deeply equal.
    const naiveMs: number[][] = questions.map(() => []);
    for (const [i, question] of questions.entries()) {
      const fast = await repo.figures(question.q);
      t0 = performance.now();
      const naive = await repo.naiveFigures(question.q);
      naiveMs[i]!.push(performance.now() - t0);
      deepStrictEqual(byKey(fast), byKey(naive), `stats: ${question.name}: rollup ≠ naive`);
      if (!fast.length) throw new Error(`stats: ${question.name}: no figures at all`);
    }
    const head = (await repo.figures(questions[0]!.q))[0]!.figures.values;
    console.error(
      `stats: rollup = naive for all three questions; 440000 over the season: ${head.assisted?.toLocaleString('en')} person-times, ${head.assisted_persons?.toLocaleString('en')} persons, ${head.items_distributed?.toLocaleString('en')} items, median arrival ${head.lead_arrival_minutes} min`,
    );
    for (let r = 1; r < NAIVE_REPS; r++)
      for (const [i, question] of questions.entries()) {
        t0 = performance.now();
        await repo.naiveFigures(question.q);
        naiveMs[i]!.push(performance.now() - t0);
      }

    // The dashboard's path (service: region lookups + the one figures statement), interleaved.
    const fastMs: number[][] = questions.map(() => []);
    for (let r = 0; r < 10; r++) for (const question of questions) await question.call();
    for (let r = 0; r < FAST_REPS; r++)
      for (const [i, question] of questions.entries()) {
        t0 = performance.now();
        await question.call();
        fastMs[i]!.push(performance.now() - t0);
      }
    for (const [i, question] of questions.entries())
      console.error(
        `stats: ${question.name}: service p50 ${percentile(fastMs[i]!, 0.5).toFixed(1)} / p95 ${percentile(fastMs[i]!, 0.95).toFixed(1)} / p99 ${percentile(fastMs[i]!, 0.99).toFixed(1)} ms; naive ${naiveMs[i]!.map((x) => s(x)).join(', ')}`,
      );

    const scale = `${(Number(facts.events) / 1e6).toFixed(2)} M events, ${facts.counties} Guangdong counties, ${Number(facts.persons).toLocaleString('en')} persons, tail of ${TAIL.toLocaleString('en')} unrolled`;
    return [
      ...questions.map((question, i) => ({
        what: `stats dashboard, province 440000 over the season (${SEASON.from} → ${SEASON.to}): ${question.name}, service p95 of ${FAST_REPS} (p50 ${percentile(fastMs[i]!, 0.5).toFixed(1)} ms, p99 ${percentile(fastMs[i]!, 0.99).toFixed(1)} ms); ${scale}; numbers deeply equal to the naive`,
        command: 'npm run bench -- stats',
        baseline: {
          label: `naiveFigures() GROUP BY over raw events, median of ${NAIVE_REPS}`,
          ms: percentile(naiveMs[i]!, 0.5),
        },
        result: { ms: percentile(fastMs[i]!, 0.95) },
        target: 'p95 ≤ 100 ms, ≥ 50× faster than naive',
      })),
      {
        what: `stats rollup catch-up: every event at once (${scale.split(',')[0]}; generating them took ${s(generateMs)})`,
        command: 'npm run bench -- stats',
        baseline: {
          label: 'naive figures with breakdowns for the province, once',
          ms: percentile(naiveMs[0]!, 0.5),
        },
        result: { ms: catchUpMs },
        target: '(once, after an upgrade)',
      },
      {
        what: `stats rollup, steady state: ${STEADY.toLocaleString('en')} new events on top of the season`,
        command: 'npm run bench -- stats',
        baseline: { label: 'the catch-up', ms: catchUpMs },
        result: { ms: steadyMs },
        target: '(runs every minute)',
      },
    ];
  });
}
