import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterPhoto, event } from '../../db/schema.ts';
import { buildUser } from '../../testing/builders.ts';
import { buildTeam } from '../../testing/team-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const make = async (name: string, role: 'dispatcher' | 'patrol_member', regionCode = '440204') => {
    const id = (await buildUser(t.db, { role, regionCode })).id;
    cookies[name] = await t.sessionFor(id);
    return id;
  };
  const patrol = await make('patrol', 'patrol_member');
  const other = await make('other', 'patrol_member');
  await make('dispatcher', 'dispatcher', '440200');
  await make('elsewhere', 'dispatcher', '440300');
  await buildTeam(t.db, {
    name: '照片测试队',
    regionCode: '440204',
    members: [{ userId: patrol }, { userId: other }],
  });
});
afterAll(() => t.close());

const spot = { lat: 24.8167, lng: 113.6102 };
const recordEncounter = async (over: object) => {
  const body = { clientId: randomUUID(), ...spot, sex: 'male', ...over };
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/patrol/encounters',
    headers: { cookie: cookies.patrol! },
    payload: body,
  });
  expect(res.statusCode).toBe(201);
  return { clientId: body.clientId, id: res.json().id as string };
};

/** EXIF with a GPS position, as a phone camera writes it. */
const cameraJpeg = (w = 64, h = 48) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .withExifMerge({ IFD0: { Make: 'PhoneCo', Model: 'X1' } })
    .jpeg()
    .toBuffer();

async function upload(who: string, encounterClientId: string, data: object, bytes?: Buffer) {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  if (bytes) form.append('photos', new Blob([bytes], { type: 'image/jpeg' }), 'p.jpg');
  const encoded = new Response(form);
  return t.app.inject({
    method: 'POST',
    url: `/api/patrol/encounters/${encounterClientId}/photos`,
    headers: { cookie: cookies[who]!, 'content-type': encoded.headers.get('content-type')! },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
}
const get = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
const photosOf = async (encounterId: string) =>
  (
    await t.db.select({ n: count() }).from(encounterPhoto).where(eq(encounterPhoto.encounterId, encounterId))
  )[0]!.n;

describe('encounter photos', () => {
  it('stores a re-encoded JPEG without metadata, once per client id', async () => {
    const e = await recordEncounter({ facts: ['refuses_station'], ageBand: 'middle_aged' });
    const clientId = randomUUID();
    const bytes = await cameraJpeg();
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    const first = await upload('patrol', e.clientId, { clientId }, bytes);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ width: 64, height: 48, ofMinor: false });
    const again = await upload('patrol', e.clientId, { clientId }, bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await photosOf(e.id)).toBe(1);
    const personId = (await get('dispatcher', `/api/encounters/${e.id}`)).json().person.id;
    const timeline = (await get('dispatcher', `/api/persons/${personId}`)).json().encounters;
    expect(timeline).toEqual([expect.objectContaining({ id: e.id, photoCount: 1 })]);
    const [row] = await t.db.select().from(encounterPhoto).where(eq(encounterPhoto.clientId, clientId));
    expect((await sharp(row!.bytes).metadata()).exif).toBeUndefined();
  });

  it('a resend replayed 20 times at once stores one photo', async () => {
    const e = await recordEncounter({ facts: ['refuses_station'] });
    const clientId = randomUUID();
    const bytes = await cameraJpeg();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => upload('patrol', e.clientId, { clientId }, bytes)),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.every((a) => [200, 201].includes(a.statusCode))).toBe(true);
    expect(await photosOf(e.id)).toBe(1);
  });

  it('refuses a fourth photo, a non-image, a missing file and a stranger’s encounter', async () => {
    const e = await recordEncounter({ facts: ['refuses_station'] });
    for (let i = 0; i < 3; i++)
      expect(
        (await upload('patrol', e.clientId, { clientId: randomUUID() }, await cameraJpeg())).statusCode,
      ).toBe(201);
    // Five sent at once to a fresh encounter: three are kept, never a fourth.
    const rushed = await recordEncounter({ facts: ['refuses_station'] });
    const rush = await Promise.all(
      Array.from({ length: 5 }, async () =>
        upload('patrol', rushed.clientId, { clientId: randomUUID() }, await cameraJpeg()),
      ),
    );
    expect(rush.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 400, 400]);
    expect(await photosOf(rushed.id)).toBe(3);
    const fourth = await upload('patrol', e.clientId, { clientId: randomUUID() }, await cameraJpeg());
    expect(fourth.statusCode).toBe(400);
    expect(fourth.json().error.code).toBe('TOO_MANY_PHOTOS');

    const e2 = await recordEncounter({ facts: ['refuses_station'] });
    const text = await upload('patrol', e2.clientId, { clientId: randomUUID() }, Buffer.from('不是照片'));
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('PHOTO_INVALID');
    const none = await upload('patrol', e2.clientId, { clientId: randomUUID() });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('VALIDATION_FAILED');
    // A teammate cannot add to an encounter someone else recorded; an unknown one is not found.
    const stranger = await upload('other', e2.clientId, { clientId: randomUUID() }, await cameraJpeg());
    expect(stranger.statusCode).toBe(404);
    const unknown = await upload('patrol', randomUUID(), { clientId: randomUUID() }, await cameraJpeg());
    expect(unknown.statusCode).toBe(404);
    expect(await photosOf(e2.id)).toBe(0);
  });

  it("lists sizes only; a minor's photo opens only with a reason, and every opening is audited", async () => {
    const adult = await recordEncounter({ facts: ['refuses_station'], ageBand: 'elderly' });
    const minor = await recordEncounter({ facts: [], ageBand: 'adolescent' });
    const a = (await upload('patrol', adult.clientId, { clientId: randomUUID() }, await cameraJpeg())).json();
    const m = (await upload('patrol', minor.clientId, { clientId: randomUUID() }, await cameraJpeg())).json();
    expect(m.ofMinor).toBe(true);

    const list = await get('dispatcher', `/api/encounters/${minor.id}/photos`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: m.id, ofMinor: true })]);
    expect(JSON.stringify(list.json())).not.toContain('bytes');

    const adultImage = await get('dispatcher', `/api/encounters/${adult.id}/photos/${a.id}`);
    expect(adultImage.statusCode).toBe(200);
    expect(adultImage.headers['content-type']).toBe('image/jpeg');
    expect(adultImage.headers['cache-control']).toBe('private, no-store');

    const noReason = await get('dispatcher', `/api/encounters/${minor.id}/photos/${m.id}`);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('PHOTO_REASON_REQUIRED');
    const withReason = await get(
      'dispatcher',
      `/api/encounters/${minor.id}/photos/${m.id}?reason=${encodeURIComponent('寻亲比对')}`,
    );
    expect(withReason.statusCode).toBe(200);

    const views = await t.db
      .select()
      .from(event)
      .where(and(eq(event.action, 'encounter.photo_viewed'), eq(event.entityId, minor.id)));
    expect(views).toHaveLength(1);
    expect(views[0]!.payload).toMatchObject({ photoId: m.id, ofMinor: true, reason: '寻亲比对' });
  });

  it('another city sees neither the list nor the picture', async () => {
    const e = await recordEncounter({ facts: ['refuses_station'] });
    const p = (await upload('patrol', e.clientId, { clientId: randomUUID() }, await cameraJpeg())).json();
    expect((await get('elsewhere', `/api/encounters/${e.id}/photos`)).statusCode).toBe(404);
    expect((await get('elsewhere', `/api/encounters/${e.id}/photos/${p.id}`)).statusCode).toBe(404);
  });
});
