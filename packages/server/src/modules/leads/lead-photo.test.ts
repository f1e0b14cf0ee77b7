import { crc32, deflateSync } from 'node:zlib';
import { PHOTO_MAX_BYTES } from '@warmline/domain';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { GPS_IFD_TAG, phonePhoto, solidImage } from '../../testing/photos.ts';
import { processPhoto, sniffImage } from './lead-photo.ts';

const solid = solidImage;

/** A valid PNG whose header claims `width`×`height` but whose data is a few bytes. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function refusal(input: Buffer): Promise<string> {
  const err = await processPhoto(input).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

describe('processPhoto', () => {
  it('rotates upright, strips EXIF with its GPS position, and re-encodes as JPEG', async () => {
    const input = await phonePhoto(400, 300);
    const before = await sharp(input).metadata();
    // The fixture really carries what must go: an EXIF block with a GPS IFD pointer (tag 0x8825).
    expect(before.exif?.includes(GPS_IFD_TAG)).toBe(true);
    expect(before.orientation).toBe(6);

    const out = await processPhoto(input);
    const after = await sharp(out.bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(out.bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    // Orientation 6 means "turn 90°": the stored picture is upright, so portrait.
    expect(out).toMatchObject({ width: 300, height: 400, mime: 'image/jpeg' });
    expect([after.width, after.height]).toEqual([300, 400]);
  });

  it('fits a large photo within 1600×1600 and never enlarges a small one', async () => {
    const big = await processPhoto(await solid(4000, 3000).png().toBuffer());
    expect([big.width, big.height]).toEqual([1600, 1200]);
    const small = await processPhoto(await solid(320, 240).webp().toBuffer());
    expect([small.width, small.height]).toEqual([320, 240]);
  });

  it('accepts PNG, WebP and AVIF by their content', async () => {
    for (const input of [
      await solid(64, 48).png().toBuffer(),
      await solid(64, 48).webp().toBuffer(),
      await solid(64, 48).avif().toBuffer(),
    ]) {
      const out = await processPhoto(input);
      expect((await sharp(out.bytes).metadata()).format).toBe('jpeg');
    }
  });

  it('refuses text named .jpg, an SVG, and a JPEG signature in front of garbage (415)', async () => {
    expect(await refusal(Buffer.from('这不是照片，只是改了扩展名的文本文件.jpg'))).toBe('PHOTO_INVALID');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    expect(await refusal(Buffer.from(svg))).toBe('PHOTO_INVALID');
    expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(500, 7)]))).toBe(
      'PHOTO_INVALID',
    );
    expect(await refusal(await solid(20, 20).gif().toBuffer())).toBe('PHOTO_INVALID');
  });

  it('refuses a header claiming 50000×50000 without decoding it, and a real 7000×7000 (413)', async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(bomb.length).toBeLessThan(2000);
    const rssBefore = process.memoryUsage().rss;
    expect(await refusal(bomb)).toBe('PHOTO_TOO_LARGE');
    // Decoding it would take 7.5 GB; refusing it costs next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);

    const real = await solid(7000, 7000).png({ compressionLevel: 9 }).toBuffer();
    expect(await refusal(real)).toBe('PHOTO_TOO_LARGE');
  });

  it('refuses more than 10 MB before looking inside', async () => {
    const huge = Buffer.concat([await solid(10, 10).jpeg().toBuffer(), Buffer.alloc(PHOTO_MAX_BYTES)]);
    expect(await refusal(huge)).toBe('PHOTO_TOO_LARGE');
  });

  it('sniffs the kind from the first bytes', () => {
    expect(sniffImage(Buffer.from('\u0000\u0000\u0000\u0018ftypheic', 'latin1'))).toBe('heif');
    expect(sniffImage(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffImage(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});
