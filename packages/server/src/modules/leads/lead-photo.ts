/**
 * A photo from a member of the public, made safe to keep: the content decides what it is (never
 * the file name or the declared type), huge images are refused before they are decoded, and
 * what is stored is a fresh JPEG with no metadata at all — a phone's EXIF carries the
 * reporter's GPS position, the device and the time.
 */
import { PHOTO_MAX_BYTES, PHOTO_MAX_EDGE, PHOTO_MAX_PIXELS } from '@warmline/domain';
import sharp from 'sharp';
import { AppError } from '../../platform/errors.ts';

export interface ProcessedPhoto {
  bytes: Buffer;
  width: number;
  height: number;
  mime: 'image/jpeg';
}

/** ISO-BMFF brands of HEIF (iPhone HEIC) and AVIF files. */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** Sniffs the leading bytes: JPEG, PNG, WebP, HEIC/AVIF, or null for anything else. */
export function sniffImage(head: Buffer): 'jpeg' | 'png' | 'webp' | 'heif' | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && heifBrands.has(ascii(8, 12))) return 'heif';
  return null;
}

/** sharp's words for "the header promises more pixels than the limit". */
const pixelLimitMessage = /exceeds pixel limit/i;

/**
 * Auto-rotates from the EXIF orientation, drops every piece of metadata (sharp keeps none unless
 * asked), fits the picture within PHOTO_MAX_EDGE² and re-encodes it as JPEG.
 * @throws AppError PHOTO_TOO_LARGE (bytes or pixels over the caps), PHOTO_INVALID (not an image
 * we accept, or one that does not decode)
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length > PHOTO_MAX_BYTES) throw new AppError('PHOTO_TOO_LARGE', { maxBytes: PHOTO_MAX_BYTES });
  const kind = sniffImage(input.subarray(0, 16));
  if (!kind) throw new AppError('PHOTO_INVALID');
  // limitInputPixels is checked against the header before any pixel is decoded: a
  // decompression bomb costs a header read, not gigabytes of memory.
  const image = () => sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' });
  try {
    const meta = await image().metadata();
    // The sniffed kind and the decoder's must agree (a PNG signature in front of an SVG is not a PNG).
    if (meta.format !== kind) throw new AppError('PHOTO_INVALID');
    if (!meta.width || !meta.height) throw new AppError('PHOTO_INVALID');
    if (meta.width * meta.height > PHOTO_MAX_PIXELS)
      throw new AppError('PHOTO_TOO_LARGE', { maxPixels: PHOTO_MAX_PIXELS });
    const { data, info } = await image()
      .rotate()
      .resize(PHOTO_MAX_EDGE, PHOTO_MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      // A pathological file must not hold a libuv thread for long.
      .timeout({ seconds: 20 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, mime: 'image/jpeg' };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof Error && pixelLimitMessage.test(err.message))
      throw new AppError('PHOTO_TOO_LARGE', { maxPixels: PHOTO_MAX_PIXELS });
    // Truncated, corrupt, or a codec this build lacks (HEVC-coded HEIC): not a photo we can keep.
    throw new AppError('PHOTO_INVALID');
  }
}
