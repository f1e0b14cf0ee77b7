import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phonePhoto } from '../packages/server/src/testing/photos.ts';
import {
  baseUrl,
  desktopPage,
  launchBrowser,
  openReportForm,
  phonePage,
  screenshot,
  signIn,
} from './browser.ts';

/**
 * 现场照片: someone on a phone attaches a photo of the scene to a report; the command centre
 * sees a camera and a masked tile, and only a deliberate click shows the picture.
 */
const run = Date.now().toString(36);
const address = `浈江区风度路桥洞（照片 e2e ${run}）`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const phone = () => phonePage(browser);

async function fillReport(page: Page, text: string): Promise<void> {
  await openReportForm(page);
  await page.getByTestId('address').fill(address);
  await page.locator('[data-descriptor="elderly"]').click();
  await page.getByTestId('description').fill(text);
}

interface SentPart {
  name: string;
  type?: string;
  size?: number;
  width?: number;
  height?: number;
  exif?: boolean;
}

/**
 * Runs in the page: notes what each multipart submit carries (Chromium does not hand a
 * request's file parts to Playwright), decoding each photo as the server would receive it.
 */
function recordSentForms(): void {
  // The page's globals, typed here because the e2e files compile without the DOM library.
  const w = globalThis as unknown as {
    sentForms: SentPart[][];
    fetch: typeof fetch;
    createImageBitmap(
      blob: Blob,
      options: { imageOrientation: 'none' },
    ): Promise<{ width: number; height: number }>;
  };
  w.sentForms = [];
  const original = w.fetch.bind(w);
  w.fetch = async (input, init) => {
    if (init?.body instanceof FormData) {
      const parts: SentPart[] = [];
      for (const [name, value] of init.body.entries()) {
        if (typeof value === 'string') {
          parts.push({ name });
          continue;
        }
        const bytes = new Uint8Array(await value.arrayBuffer());
        let text = '';
        for (const b of bytes) text += String.fromCharCode(b);
        const bitmap = await w.createImageBitmap(value, { imageOrientation: 'none' });
        parts.push({
          name,
          type: value.type,
          size: value.size,
          width: bitmap.width,
          height: bitmap.height,
          exif: text.includes('Exif\u0000\u0000') || text.includes('TestPhone'),
        });
      }
      w.sentForms.push(parts);
    }
    return original(input, init);
  };
}

describe('photos on a public report', () => {
  let trackingCode = '';

  it('a person attaches a photo, sees its thumbnail, and the upload is shrunk and stripped', async () => {
    const { context, page } = await phone();
    try {
      await page.addInitScript(recordSentForms);
      await fillReport(page, `桥洞下老人，附照片 ${run}`);
      // A 12-megapixel camera photo with EXIF (maker, GPS) and orientation 6.
      const photo = { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(4000, 3000) };
      const input = page.getByTestId('photo-input');
      await input.setInputFiles([photo, { ...photo, name: 'IMG_0002.jpg' }]);
      await expect.poll(() => page.getByTestId('photo-thumbs').locator('li').count()).toBe(2);
      // A cold thumb can hit the remove button.
      const remove = page.getByTestId('photo-remove').nth(1);
      expect((await remove.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      await remove.click();
      await expect.poll(() => page.getByTestId('photo-thumbs').locator('li').count()).toBe(1);
      expect((await page.getByTestId('photo-add').boundingBox())?.height).toBeGreaterThanOrEqual(48);
      await screenshot(page, 'report-photos-picked');

      await page.getByTestId('submit').click();
      const code = page.getByTestId('tracking-code');
      await code.waitFor();
      trackingCode = (await code.getAttribute('data-code')) ?? '';
      expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      await screenshot(page, 'report-photos-success');

      // What left the phone: the canvas copy, upright, within 1600 px, without EXIF (maker, GPS).
      const sent = await page.evaluate(
        () => (globalThis as unknown as { sentForms: SentPart[][] }).sentForms,
      );
      expect(sent).toHaveLength(1);
      expect(sent[0]!.map((p) => p.name)).toEqual(['data', 'photos']);
      const upload = sent[0]![1]!;
      expect(upload).toMatchObject({ type: 'image/jpeg', width: 1200, height: 1600, exif: false });
      expect(upload.size).toBeLessThan(photo.buffer.length);
    } finally {
      await context.close();
    }
  });

  it('a file that is not a photo is refused with the server’s Chinese words, the form kept', async () => {
    const { context, page } = await phone();
    try {
      await fillReport(page, `不是照片 ${run}`);
      await page.getByTestId('photo-input').setInputFiles({
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('这只是改了扩展名的文本文件'),
      });
      // The canvas cannot read it, so the original goes and the server decides.
      await expect.poll(() => page.getByTestId('photo-thumbs').locator('li').count()).toBe(1);
      await page.getByTestId('submit').click();
      const errors = page.getByTestId('form-errors');
      await errors.waitFor();
      expect(await errors.textContent()).toContain('照片格式不支持');
      expect(await page.getByTestId('address').inputValue()).toBe(address);
      await screenshot(page, 'report-photos-refused');
    } finally {
      await context.close();
    }
  });

  it('the dispatcher sees a camera and a masked tile; a click shows the photo', async () => {
    expect(trackingCode).not.toBe('');
    const page = await desktopPage(browser);
    try {
      await signIn(page, 'dispatcher');
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByTestId('menu-leads').click();
      const row = page.getByTestId(`lead-row-${trackingCode}`);
      await row.waitFor();
      expect(await row.getByTestId('lead-photo-count').textContent()).toContain('1');
      await row.locator('.ant-table-row-expand-icon').click();
      const masked = page.getByTestId('lead-photo-masked');
      await masked.waitFor();
      expect(await masked.textContent()).toContain('点击查看（查看将被记录）');
      expect(await page.getByTestId('lead-photos').locator('img').count()).toBe(0);
      await screenshot(page, 'leads-photo-masked');

      await masked.click();
      const image = page.getByTestId('lead-photos').locator('img');
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^blob:/);
      await expect
        .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      await screenshot(page, 'leads-photo-shown');
    } finally {
      await page.close();
    }
  });

  it('the report page still loads within 60 KB gzipped', async () => {
    const { context, page } = await phone();
    try {
      const bodies: Promise<Buffer>[] = [];
      page.on('response', (r) => {
        if (r.url().startsWith(baseUrl()) && r.status() === 200) bodies.push(r.body());
      });
      await page.goto(`${baseUrl()}/report`, { waitUntil: 'networkidle' });
      const gzipped = (await Promise.all(bodies)).reduce((sum, b) => sum + gzipSync(b).length, 0);
      console.info(`/report first load: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
      expect(gzipped).toBeLessThanOrEqual(60 * 1024);
    } finally {
      await context.close();
    }
  });
});
