import sharp from 'sharp';

/** A plain picture of the given size (a solid colour compresses to almost nothing). */
export const solidImage = (width: number, height: number, background = '#b33a3a') =>
  sharp({ create: { width, height, channels: 3, background } });

/**
 * A photo as a phone sends it: EXIF naming the maker and carrying a GPS position, stored
 * sideways with orientation 6 (turn 90° to view).
 */
export function phonePhoto(width = 400, height = 300): Promise<Buffer> {
  return solidImage(width, height)
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Warm 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '24/1 48/1 15/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '113/1 36/1 40/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The EXIF GPS IFD pointer (tag 0x8825, little-endian as sharp writes it). */
export const GPS_IFD_TAG = Buffer.from([0x25, 0x88]);
