/**
 * A camera photo made small enough to wait in the outbox and to send on a weak signal: drawn on
 * a canvas within 1600 px and encoded as JPEG. Re-drawing also drops the file's EXIF (the phone's
 * GPS position and model) before anything is stored; the server re-encodes it once more.
 */
export const PHOTO_EDGE = 1600;

export async function shrinkPhoto(file: Blob, maxEdge = PHOTO_EDGE): Promise<ArrayBuffer> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
  if (!blob) throw new Error('photo could not be encoded');
  return blob.arrayBuffer();
}
