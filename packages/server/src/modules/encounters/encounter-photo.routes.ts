import { type App, actorOf, ctxOf } from '../../platform/http.ts';
import { acceptPhotoUploads, readPhotoUploads } from '../leads/lead-photo.routes.ts';
import { encounterIdParamsSchema } from './encounter.schema.ts';
import {
  encounterClientParamsSchema,
  encounterPhotoBodySchema,
  encounterPhotoListSchema,
  encounterPhotoParamsSchema,
  encounterPhotoQuerySchema,
  encounterPhotoSchema,
} from './encounter-photo.schema.ts';
import type { EncounterPhotoService } from './encounter-photo.service.ts';

/** The patrol phone's photo upload: multipart parsing is registered in this plugin only. */
export function patrolEncounterPhotoRoutes(photos: EncounterPhotoService) {
  return async (app: App) => {
    await acceptPhotoUploads(app);
    app.post(
      '/:clientId/photos',
      {
        preValidation: readPhotoUploads,
        config: { access: 'dispatch.work' },
        schema: {
          tags: ['patrol'],
          summary:
            "Add a photo to one's own encounter (by the encounter's clientId); once per photo clientId",
          description:
            '`multipart/form-data`: a `data` field with `{"clientId": …, "at": …}` and one `photos` file (JPEG, PNG, WebP or HEIC; at most 10 MB and 40 megapixels). Re-encoded as JPEG within 1600×1600 with all metadata removed. At most 3 per encounter (400 TOO_MANY_PHOTOS). A resend of the same clientId answers 200 with the stored photo. An encounter not recorded by the caller answers 404 (the outbox sends the encounter first).',
          params: encounterClientParamsSchema,
          body: encounterPhotoBodySchema,
          response: { 200: encounterPhotoSchema, 201: encounterPhotoSchema },
        },
      },
      async (request, reply) => {
        const { created, photo } = await photos.add(
          ctxOf(request),
          request.params.clientId,
          request.body,
          request.photoUploads?.[0],
        );
        return reply.status(created ? 201 : 200).send(photo);
      },
    );
  };
}

/** Staff reading an encounter's photos: a masked list, then one audited read each. */
export function encounterPhotoRoutes(photos: EncounterPhotoService) {
  return async (app: App) => {
    const tags = ['encounters'];
    app.get(
      '/:id/photos',
      {
        config: { access: 'encounter.read' },
        schema: {
          tags,
          summary: "An encounter's photos: sizes, times and whether of a minor (the pictures stay masked)",
          params: encounterIdParamsSchema,
          response: { 200: encounterPhotoListSchema },
        },
      },
      async (request) => photos.list(actorOf(request), request.params.id),
    );
    app.get(
      '/:id/photos/:photoId',
      {
        config: { access: 'encounter.read' },
        schema: {
          tags,
          summary: 'One photo as image/jpeg (audited: writes encounter.photo_viewed)',
          description:
            "Answers the JPEG with `cache-control: private, no-store` after an `encounter.photo_viewed` event. A minor's photo needs `reason` (400 PHOTO_REASON_REQUIRED), kept in the event.",
          params: encounterPhotoParamsSchema,
          querystring: encounterPhotoQuerySchema,
        },
      },
      async (request, reply) => {
        const { id, photoId } = request.params;
        const photo = await photos.view(ctxOf(request), id, photoId, request.query.reason);
        return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.bytes);
      },
    );
  };
}
