/**
 * Up to three photos of the scene. Each is shrunk on the phone (canvas → JPEG) before upload: a
 * 4 MB camera picture becomes ~300 KB, which is what gets through a weak signal, and the copy
 * carries no EXIF (the reporter's GPS position never leaves the phone). The server re-encodes
 * again either way; when the canvas cannot read a file (an HEIC on some browsers), the original
 * is sent and the server decides.
 */
import { errorCatalog, MAX_LEAD_PHOTOS, PHOTO_MAX_BYTES, PHOTO_MAX_EDGE } from '@warmline/domain';
import { h, icon, replace } from './dom.ts';

const CAMERA =
  'M9 3 7.17 5H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.17L15 3H9zm3 15a5 5 0 1 1 0-10 5 5 0 0 1 0 10zm0-2a3 3 0 1 0 0-6 3 3 0 0 0 0 6z';

/** The size a picture is drawn at: within `max`×`max`, never enlarged. */
export function fitWithin(width: number, height: number, max = PHOTO_MAX_EDGE): [number, number] {
  const scale = Math.min(1, max / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/** A smaller JPEG of the file, or null when this browser cannot decode or draw it. */
async function shrink(file: Blob): Promise<Blob | null> {
  try {
    // 'from-image' applies the EXIF orientation, so the copy is upright without its EXIF.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const [width, height] = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    return await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.85));
  } catch {
    return null;
  }
}

export interface PhotoPicker {
  element: HTMLElement;
  /** The prepared photos, in the order they were chosen. */
  photos(): Blob[];
  /** True while chosen files are still being shrunk (submitting waits for it). */
  ready(): Promise<void>;
}

export function photoPicker(): PhotoPicker {
  const chosen: { blob: Blob; url: string }[] = [];
  let pending: Promise<void> = Promise.resolve();
  const input = h('input', {
    id: 'photos',
    type: 'file',
    accept: 'image/*',
    multiple: true,
    class: 'offscreen',
    'aria-describedby': 'photos-hint photos-error',
    'data-testid': 'photo-input',
  });
  // A label, not a scripted click: the phone offers its camera and its gallery from one tap.
  const add = h(
    'label',
    { for: 'photos', class: 'btn secondary wide photo-add', 'data-testid': 'photo-add' },
    icon(CAMERA),
    '拍照或选择照片',
  );
  const thumbs = h('ul', { class: 'photo-thumbs', 'data-testid': 'photo-thumbs', 'aria-live': 'polite' });
  const error = h('p', { class: 'field-error', id: 'photos-error', hidden: true });

  function show(message: string | null): void {
    error.textContent = message ?? '';
    error.hidden = !message;
  }

  function render(): void {
    replace(
      thumbs,
      chosen.map((photo, i) =>
        h(
          'li',
          { class: 'photo-thumb' },
          h('img', {
            src: photo.url,
            alt: `第 ${i + 1} 张照片`,
            // This browser cannot show it (the server may still read it, or will say why not).
            onerror: (event: Event) =>
              (event.currentTarget as HTMLElement).replaceWith(
                h('span', { class: 'photo-no-preview' }, '无法预览'),
              ),
          }),
          h(
            'button',
            {
              type: 'button',
              class: 'photo-remove',
              'aria-label': `删除第 ${i + 1} 张照片`,
              'data-testid': 'photo-remove',
              onclick: () => {
                URL.revokeObjectURL(photo.url);
                chosen.splice(i, 1);
                show(null);
                render();
              },
            },
            '×',
          ),
        ),
      ),
    );
    add.hidden = chosen.length >= MAX_LEAD_PHOTOS;
  }

  async function take(files: File[]): Promise<void> {
    const room = MAX_LEAD_PHOTOS - chosen.length;
    const problems: string[] = [];
    if (files.length > room) problems.push(`最多 ${MAX_LEAD_PHOTOS} 张，多选的照片没有加入。`);
    for (const file of files.slice(0, Math.max(0, room))) {
      const blob = (await shrink(file)) ?? file;
      if (blob.size > PHOTO_MAX_BYTES) problems.push(errorCatalog.PHOTO_TOO_LARGE.zh);
      else chosen.push({ blob, url: URL.createObjectURL(blob) });
    }
    show(problems.length ? problems.join(' ') : null);
    render();
  }

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // Cleared so choosing the same picture again (after removing it) fires a change.
    input.value = '';
    pending = pending.then(() => take(files));
  });

  const element = h(
    'div',
    { class: 'photos' },
    h('label', { for: 'photos' }, `现场照片（可不填，最多 ${MAX_LEAD_PHOTOS} 张）`),
    h(
      'p',
      { class: 'hint', id: 'photos-hint' },
      '照片只给救助人员看，帮助他们认出这个人和地点。请不要拍摄无关的人。',
    ),
    input,
    thumbs,
    add,
    error,
  );
  return { element, photos: () => chosen.map((p) => p.blob), ready: () => pending };
}
