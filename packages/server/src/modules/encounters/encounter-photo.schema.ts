import { z } from 'zod';

/** The multipart `data` field of a photo upload from the patrol phone. */
export const encounterPhotoBodySchema = z.strictObject({
  clientId: z.uuid(),
  /** When it was taken, by the phone's clock (kept in the offline outbox). */
  at: z.iso.datetime().optional(),
});
export type EncounterPhotoInput = z.infer<typeof encounterPhotoBodySchema>;

export const encounterPhotoSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  /** A minor's photo: never on a list; opening it needs a reason. */
  ofMinor: z.boolean(),
  takenAt: z.string(),
});
export type EncounterPhotoView = z.infer<typeof encounterPhotoSchema>;

export const encounterPhotoListSchema = z.object({ items: z.array(encounterPhotoSchema) });

export const encounterClientParamsSchema = z.strictObject({ clientId: z.uuid() });
export const encounterPhotoParamsSchema = z.strictObject({ id: z.uuid(), photoId: z.uuid() });
export const encounterPhotoQuerySchema = z.strictObject({
  /** Why the photo is opened: required for a minor's, kept in the audit event. */
  reason: z.string().trim().min(2).max(200).optional(),
});
