import { PHOTO_MAX_BYTES } from '@warmline/domain';
import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event, lead, leadPhoto } from '../../db/schema.ts';
import { buildLead, buildUser } from '../../testing/builders.ts';
import { GPS_IFD_TAG, phonePhoto, solidImage } from '../../testing/photos.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  cookies.dispatcher = await t.sessionFor(
    (await buildUser(t.db, { role: 'dispatcher', regionCode: '440200' })).id,
  );
  cookies.wujiang = await t.sessionFor(
    (await buildUser(t.db, { role: 'bureau_admin', regionCode: '440203' })).id,
  );
});
afterAll(() => t.close());

const sighting = {
  descriptors: ['elderly', 'thin_clothing'],
  description: '桥洞下有位老人，衣服很薄',
  address: '浈江区风度路桥洞',
};

interface Upload {
  bytes: Buffer;
  name?: string;
  type?: string;
}

/** A report as the public page sends it with photos: `data` (JSON text) plus `photos` files. */
async function reportWithPhotos(data: object, photos: Upload[], ip: string) {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const p of photos)
    form.append('photos', new Blob([p.bytes], { type: p.type ?? 'image/jpeg' }), p.name ?? 'photo.jpg');
  // Let the platform encode the form, exactly as a browser would.
  const encoded = new Response(form);
  return t.app.inject({
    method: 'POST',
    url: '/api/public/leads',
    headers: { 'content-type': encoded.headers.get('content-type')! },
    payload: Buffer.from(await encoded.arrayBuffer()),
    remoteAddress: ip,
  });
}
const staff = (who: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
const leadCount = async () => (await t.db.select({ n: count() }).from(lead))[0]!.n;
const photoCount = async () => (await t.db.select({ n: count() }).from(leadPhoto))[0]!.n;
const leadByCode = async (trackingCode: string) =>
  (await t.db.select().from(lead).where(eq(lead.trackingCode, trackingCode)))[0]!;

describe('lead photos', () => {
  it('requires authentication', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    for (const url of [`/api/leads/${id}/photos`, `/api/leads/${id}/photos/${id}`]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('a report with two phone photos stores both re-encoded, upright, with no EXIF', async () => {
    const res = await reportWithPhotos(
      sighting,
      [
        { bytes: await phonePhoto(400, 300) },
        { bytes: await solidImage(3200, 2400).png().toBuffer(), name: 'a.png', type: 'image/png' },
      ],
      '10.2.0.1',
    );
    expect(res.statusCode, res.body).toBe(201);
    const row = await leadByCode(res.json().trackingCode);
    const stored = await t.db
      .select()
      .from(leadPhoto)
      .where(eq(leadPhoto.leadId, row.id))
      .orderBy(leadPhoto.id);
    expect(stored).toHaveLength(2);
    expect(stored.map((p) => [p.width, p.height])).toEqual([
      [300, 400],
      [1600, 1200],
    ]);
    for (const p of stored) {
      expect(p).toMatchObject({ mime: 'image/jpeg', regionCode: row.regionCode });
      const meta = await sharp(p.bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(p.bytes.includes(GPS_IFD_TAG) && p.bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    }
    const [received] = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, row.id), eq(event.action, 'lead.received')));
    expect(received!.payload).toMatchObject({ source: 'public', photoCount: 2 });
    expect(JSON.stringify(received!.payload)).not.toContain('image');
  });

  it('refuses a text file named .jpg (415) and stores nothing, not even the good photo', async () => {
    const [leadsBefore, photosBefore] = [await leadCount(), await photoCount()];
    const res = await reportWithPhotos(
      sighting,
      [
        { bytes: await phonePhoto() },
        { bytes: Buffer.from('我是一个文本文件'), name: 'photo.jpg', type: 'image/jpeg' },
      ],
      '10.2.0.2',
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: 'PHOTO_INVALID',
      message: expect.stringContaining('照片'),
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const svgRes = await reportWithPhotos(
      sighting,
      [{ bytes: svg, name: 'x.png', type: 'image/png' }],
      '10.2.0.2',
    );
    expect(svgRes.json().error.code).toBe('PHOTO_INVALID');
    expect([await leadCount(), await photoCount()]).toEqual([leadsBefore, photosBefore]);
  });

  it('refuses a fourth photo (400) and a fifth, storing nothing', async () => {
    const leadsBefore = await leadCount();
    const photo = { bytes: await solidImage(40, 30).jpeg().toBuffer() };
    for (const n of [4, 5]) {
      const res = await reportWithPhotos(sighting, Array(n).fill(photo), '10.2.0.3');
      expect(res.statusCode, `${n} photos`).toBe(400);
      expect(res.json().error.code).toBe('TOO_MANY_PHOTOS');
    }
    expect(await leadCount()).toBe(leadsBefore);
  });

  it('refuses a file over 10 MB and a 7000×7000 image (413)', async () => {
    const leadsBefore = await leadCount();
    const oversize = Buffer.concat([
      await solidImage(10, 10).jpeg().toBuffer(),
      Buffer.alloc(PHOTO_MAX_BYTES),
    ]);
    const big = await reportWithPhotos(sighting, [{ bytes: oversize }], '10.2.0.4');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PHOTO_TOO_LARGE');
    const huge = await reportWithPhotos(
      sighting,
      [{ bytes: await solidImage(7000, 7000).png({ compressionLevel: 9 }).toBuffer(), type: 'image/png' }],
      '10.2.0.4',
    );
    expect(huge.statusCode).toBe(413);
    expect(await leadCount()).toBe(leadsBefore);
  });

  it('a form without valid data is refused like the JSON body would be', async () => {
    const photo = [{ bytes: await solidImage(40, 30).jpeg().toBuffer() }];
    const missing = await reportWithPhotos({ descriptors: ['elderly'] }, photo, '10.2.0.5');
    expect(missing.json().error.code).toBe('LOCATION_REQUIRED');
    const unknown = await reportWithPhotos({ ...sighting, admin: true }, photo, '10.2.0.5');
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a malformed form (no boundary, cut short) is a 400, never a 500', async () => {
    const cut = new FormData();
    cut.append('data', JSON.stringify(sighting));
    cut.append('photos', new Blob([await phonePhoto()]), 'p.jpg');
    const encoded = new Response(cut);
    const whole = Buffer.from(await encoded.arrayBuffer());
    for (const [type, payload] of [
      ['multipart/form-data', '{'],
      [encoded.headers.get('content-type')!, whole.subarray(0, whole.length - 200)],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/leads',
        headers: { 'content-type': type },
        payload,
        remoteAddress: '10.2.0.10',
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a resend with the same clientId answers the first code and stores its photos once', async () => {
    const body = { ...sighting, clientId: crypto.randomUUID(), deviceToken: crypto.randomUUID() };
    const photo = [{ bytes: await phonePhoto() }];
    const first = await reportWithPhotos(body, photo, '10.2.0.6');
    const again = await reportWithPhotos(body, photo, '10.2.0.6');
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    const row = await leadByCode(first.json().trackingCode);
    expect(
      (await t.db.select({ n: count() }).from(leadPhoto).where(eq(leadPhoto.leadId, row.id)))[0]!.n,
    ).toBe(1);
  });

  it('the JSON body still works as before, and other routes still refuse forms', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/leads',
      payload: sighting,
      remoteAddress: '10.2.0.7',
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['trackingCode']);
    const row = await leadByCode(res.json().trackingCode);
    const [received] = await t.db
      .select()
      .from(event)
      .where(and(eq(event.entityId, row.id), eq(event.action, 'lead.received')));
    expect(received!.payload).toMatchObject({ photoCount: 0 });

    const form = new Response(new URLSearchParams({ username: 'x', password: 'y' }));
    const multipart = new FormData();
    multipart.append('username', 'x');
    for (const encoded of [form, new Response(multipart)]) {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': encoded.headers.get('content-type')! },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
      expect(login.statusCode).toBe(415);
    }
  });

  it('staff see masked photo sizes and counts; opening one is recorded as lead.photo_viewed', async () => {
    const res = await reportWithPhotos(
      sighting,
      [{ bytes: await phonePhoto() }, { bytes: await phonePhoto(200, 100) }],
      '10.2.0.8',
    );
    const { id } = await leadByCode(res.json().trackingCode);

    const listed = (await staff('dispatcher', '/api/leads?source=public&pageSize=200')).json();
    expect(listed.items.find((l: { id: string }) => l.id === id).photoCount).toBe(2);
    expect((await staff('dispatcher', `/api/leads/${id}`)).json().photoCount).toBe(2);

    const photos = await staff('dispatcher', `/api/leads/${id}/photos`);
    expect(photos.statusCode).toBe(200);
    expect(photos.json()).toHaveLength(2);
    expect(photos.json()[0]).toEqual({
      id: expect.any(String),
      width: 300,
      height: 400,
      createdAt: expect.any(String),
    });
    expect(photos.body).not.toContain('bytes');
    // Listing is not looking: no event yet.
    const viewed = () =>
      t.db
        .select()
        .from(event)
        .where(and(eq(event.entityId, id), eq(event.action, 'lead.photo_viewed')));
    expect(await viewed()).toHaveLength(0);

    const photoId = photos.json()[0].id;
    const image = await staff('dispatcher', `/api/leads/${id}/photos/${photoId}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toBe('private, no-store');
    expect((await sharp(image.rawPayload).metadata()).format).toBe('jpeg');
    const events = await viewed();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ payload: { photoId }, regionCode: '440200' });
    expect(events[0]!.actorId).not.toBeNull();
  });

  it('another jurisdiction, another lead or a missing photo answers 404 and records nothing', async () => {
    const res = await reportWithPhotos(sighting, [{ bytes: await phonePhoto() }], '10.2.0.9');
    const { id } = await leadByCode(res.json().trackingCode);
    const photoId = (await staff('dispatcher', `/api/leads/${id}/photos`)).json()[0].id;
    const other = await buildLead(t.db, { regionCode: '440200' });
    for (const [who, url] of [
      ['wujiang', `/api/leads/${id}/photos`],
      ['wujiang', `/api/leads/${id}/photos/${photoId}`],
      ['dispatcher', `/api/leads/${other.id}/photos/${photoId}`],
      ['dispatcher', `/api/leads/${id}/photos/${other.id}`],
      ['dispatcher', `/api/leads/${crypto.randomUUID()}/photos`],
    ] as const) {
      const answer = await staff(who, url);
      expect(answer.statusCode, `${who} ${url}`).toBe(404);
      expect(answer.json().error.code).toBe('NOT_FOUND');
    }
    const seen = await t.db.select().from(event).where(eq(event.action, 'lead.photo_viewed'));
    expect(seen.filter((e) => e.entityId === id || e.entityId === other.id)).toHaveLength(0);
    // A lead with no photos lists an empty set, not an error.
    expect((await staff('dispatcher', `/api/leads/${other.id}/photos`)).json()).toEqual([]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/leads/{id}/photos']).toBeDefined();
    expect(doc.paths['/api/leads/{id}/photos/{photoId}']).toBeDefined();
    expect(doc.paths['/api/public/leads'].post.description).toContain('multipart/form-data');
  });
});
