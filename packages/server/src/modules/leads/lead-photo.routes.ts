import { finished } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import { MAX_LEAD_PHOTOS, PHOTO_MAX_BYTES } from '@warmline/domain';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { type App, actorOf, ctxOf } from '../../platform/http.ts';
import { leadIdParamsSchema } from './lead.schema.ts';
import { leadPhotoListSchema, leadPhotoParamsSchema } from './lead-photo.schema.ts';
import type { LeadPhotoService } from './lead-photo.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Raw photo files of a multipart report, not yet checked (the service re-encodes them). */
    photoUploads: Buffer[] | null;
  }
}

export const multipartReportDescription = `Also accepts \`multipart/form-data\`: a \`data\` field holding the same JSON body, and up to ${MAX_LEAD_PHOTOS} \`photos\` file parts (JPEG, PNG, WebP, HEIC or AVIF by content; at most 10 MB and 40 megapixels each). Every photo is re-encoded as JPEG within 1600×1600 with all metadata (EXIF, GPS) removed. Refusals: 415 PHOTO_INVALID, 413 PHOTO_TOO_LARGE, 400 TOO_MANY_PHOTOS; on any refusal nothing is stored.`;

/**
 * Registers the multipart parser in the calling plugin's context only: every other route keeps
 * refusing form posts (a form is the one body a foreign page can send without a preflight).
 */
export async function acceptPhotoUploads(app: App): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: PHOTO_MAX_BYTES,
      // One more than allowed, so a fourth photo is seen and named, not silently cut off.
      files: MAX_LEAD_PHOTOS + 1,
      fields: 1,
      fieldSize: 64 * 1024,
      parts: MAX_LEAD_PHOTOS + 3,
    },
  });
  app.decorateRequest('photoUploads', null);
}

/** What a multipart limit or fault means in the catalogue's words. */
function refusalOf(err: unknown): AppError {
  if (err instanceof AppError) return err;
  switch ((err as { code?: unknown }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PHOTO_TOO_LARGE', { maxBytes: PHOTO_MAX_BYTES });
    case 'FST_FILES_LIMIT':
      return new AppError('TOO_MANY_PHOTOS', { max: MAX_LEAD_PHOTOS });
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('INVALID_JSON');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
      return new AppError('VALIDATION_FAILED', { in: 'body', reason: 'one data field and photos only' });
  }
  // Only the body is read here, so anything else is busboy's "this is not a well-formed form"
  // (no boundary, a part cut short, a broken header).
  return new AppError('VALIDATION_FAILED', { in: 'body', reason: 'malformed multipart body' });
}

/**
 * preValidation: turns a multipart report into the JSON body the schema checks (from its `data`
 * field) plus the photo files. Every part is read to its end even after a refusal, so the
 * connection is left clean; busboy's limits bound how much that can be.
 */
export async function readPhotoUploads(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const photos: Buffer[] = [];
  let data: unknown;
  let refusal: AppError | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (refusal || part.fieldname !== 'photos' || photos.length === MAX_LEAD_PHOTOS) {
          refusal ??=
            part.fieldname === 'photos'
              ? new AppError('TOO_MANY_PHOTOS', { max: MAX_LEAD_PHOTOS })
              : new AppError('VALIDATION_FAILED', { in: 'body', field: part.fieldname });
          await finished(part.file.resume());
        } else {
          photos.push(await part.toBuffer());
        }
      } else if (part.fieldname === 'data' && data === undefined) {
        data = typeof part.value === 'string' ? parseJson(part.value) : part.value;
      } else {
        refusal ??= new AppError('VALIDATION_FAILED', { in: 'body', field: part.fieldname });
      }
    }
  } catch (err) {
    // The first problem found is the one told (a fifth photo also trips busboy's own limit).
    throw refusal ?? refusalOf(err);
  }
  if (refusal) throw refusal;
  request.body = data;
  request.photoUploads = photos;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('INVALID_JSON');
  }
}

/** The command centre's view of a lead's photos: masked list, then one audited read each. */
export function leadPhotoRoutes(photos: LeadPhotoService) {
  return async (app: App) => {
    const tags = ['leads'];
    app.get(
      '/:id/photos',
      {
        config: { access: 'lead.read' },
        schema: {
          tags,
          summary: "A lead's photos: sizes and times only (the pictures stay masked)",
          params: leadIdParamsSchema,
          response: { 200: leadPhotoListSchema },
        },
      },
      async (request) => photos.list(actorOf(request), request.params.id),
    );
    app.get(
      '/:id/photos/:photoId',
      {
        config: { access: 'lead.read' },
        schema: {
          tags,
          summary: 'One photo as image/jpeg (audited: writes lead.photo_viewed)',
          description:
            'Answers the re-encoded JPEG bytes with `cache-control: private, no-store`. Every read writes a `lead.photo_viewed` event with the photo id. A lead outside the jurisdiction, or a photo of another lead, answers 404.',
          params: leadPhotoParamsSchema,
        },
      },
      async (request, reply) => {
        const photo = await photos.view(ctxOf(request), request.params.id, request.params.photoId);
        return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.bytes);
      },
    );
  };
}
