import { z } from 'zod';

export const leadPhotoParamsSchema = z.strictObject({ id: z.uuid(), photoId: z.uuid() });
/** What a list shows before anyone looks: sizes for the masked tiles, never the picture. */
export const leadPhotoListSchema = z.array(
  z.object({ id: z.uuid(), width: z.number().int(), height: z.number().int(), createdAt: z.iso.datetime() }),
);
export type LeadPhotoView = z.infer<typeof leadPhotoListSchema>[number];
