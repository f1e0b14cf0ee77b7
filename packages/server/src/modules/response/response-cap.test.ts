import { readFileSync } from 'node:fs';
import {
  type ResponseLevel,
  type WarningColour,
  type WarningKind,
  warningColours,
  warningKinds,
} from '@warmline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { capAlert } from '../weather/fixtures/cap-builder.ts';

/**
 * Each kind and colour of CAP warning, arriving for 乐昌市, proposes what the default table says —
 * and nothing for what it leaves out; a malformed alert proposes nothing, an alert for an unknown
 * area is kept and put to the uploader's leader for review, a cancel withdraws what its alert
 * proposed.
 */
const fixture = (name: string) =>
  readFileSync(new URL(`../weather/fixtures/${name}`, import.meta.url), 'utf8');
const expected: Record<WarningKind, Record<WarningColour, ResponseLevel | null>> = {
  cold_wave: { blue: null, yellow: 'IV', orange: 'III', red: 'II' },
  blizzard: { blue: null, yellow: 'IV', orange: 'III', red: 'II' },
  road_icing: { blue: null, yellow: null, orange: 'IV', red: 'IV' },
  low_temperature: { blue: null, yellow: 'IV', orange: 'III', red: 'II' },
};
const cancel = (identifier: string, sent: string) => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}_X</identifier><sender>韶关市气象台</sender><sent>${sent}</sent>
  <status>Actual</status><msgType>Cancel</msgType><scope>Public</scope>
  <references>韶关市气象台,${identifier},${sent}</references>
</alert>`;

let t: TestApp;
let leader = '';
let county = '';
beforeAll(async () => {
  t = await createTestApp();
  for (const code of ['440200', '440281']) await buildOrg(t.db, { kind: 'bureau', regionCode: code });
  leader = (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440200' })).id;
  county = (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440281' })).id;
});
afterAll(() => t.close());

const upload = async (xml: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/weather/cap',
    headers: { cookie: await t.sessionFor(leader), 'content-type': 'application/xml' },
    payload: xml,
  });
const open = async (user: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/response/proposals',
      headers: { cookie: await t.sessionFor(user) },
    })
  ).json().items as { id: string; regionCode: string; kind: string; toLevel: string | null }[];

describe('CAP warnings → proposals by the default table', () => {
  const sent = '2026-12-15T19:00:00+08:00';
  for (const kind of warningKinds)
    for (const colour of warningColours)
      it(`${kind} ${colour} → ${expected[kind][colour] ?? 'nothing'}`, async () => {
        const identifier = `T_${kind}_${colour}`;
        const res = await upload(
          capAlert({
            kind,
            colour,
            region: '440281',
            identifier,
            sent,
            expires: '2026-12-17T08:00:00+08:00',
          }),
        );
        expect(res.statusCode, res.body).toBe(201);
        const mine = (await open(county)).map((p) => [p.kind, p.toLevel]);
        const level = expected[kind][colour];
        expect(mine).toEqual(level ? [['activate', level]] : []);
        // The city's table sees its county's warning the same way.
        expect((await open(leader)).find((p) => p.regionCode === '440200')?.toLevel ?? null).toBe(level);
        // Cancelled, the proposal is withdrawn (nothing was ever in force).
        expect((await upload(cancel(identifier, sent))).statusCode).toBe(201);
        expect(await open(leader)).toEqual([]);
      });

  it('follows an Update that raises the colour: the open proposal is superseded by the higher one', async () => {
    const yellow = capAlert({
      kind: 'cold_wave',
      colour: 'yellow',
      region: '440281',
      identifier: 'U_Y',
      sent,
      expires: '2026-12-17T08:00:00+08:00',
    });
    expect((await upload(yellow)).statusCode).toBe(201);
    const first = await open(county);
    expect(first.map((p) => p.toLevel)).toEqual(['IV']);
    const orange = capAlert({
      kind: 'cold_wave',
      colour: 'orange',
      region: '440281',
      identifier: 'U_O',
      sent,
      expires: '2026-12-17T08:00:00+08:00',
    })
      .replace('<msgType>Alert</msgType>', '<msgType>Update</msgType>')
      .replace(
        '<scope>Public</scope>',
        `<scope>Public</scope><references>韶关市气象台,U_Y,${sent}</references>`,
      );
    const res = await upload(orange);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ended).toHaveLength(1);
    expect((await open(county)).map((p) => [p.kind, p.toLevel])).toEqual([['activate', 'III']]);
    const superseded = await t.pool.query('SELECT state FROM response_proposal WHERE id = $1', [
      first[0]!.id,
    ]);
    expect(superseded.rows[0].state).toBe('superseded');
    expect((await upload(cancel('U_O', sent))).statusCode).toBe(201);
    expect(await open(leader)).toEqual([]);
  });

  it('proposes nothing for a malformed alert, and keeps one for an unknown area for the leader to review', async () => {
    const bad = await upload(fixture('malformed.xml'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CAP_INVALID');
    expect(await open(leader)).toEqual([]);
    const unknown = await upload(fixture('unknown-region.xml'));
    expect(unknown.statusCode, unknown.body).toBe(201);
    expect(unknown.json().warnings[0]).toMatchObject({ needsReview: true, regionCodes: [] });
    // Kept in the uploader's region (the city): put to the city's leader, no county's.
    expect((await open(leader)).map((p) => [p.regionCode, p.toLevel])).toEqual([['440200', 'IV']]);
    expect(await open(county)).toEqual([]);
  });
});
