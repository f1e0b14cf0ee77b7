import { coverageStates, hotspotKinds, hotspotRisks } from '@warmline/domain';
import { z } from 'zod';

const regionCodeSchema = z.string().regex(/^(\d{6}|\d{9})$/);

export const hotspotBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(hotspotKinds),
  risk: z.enum(hotspotRisks),
  regionCode: regionCodeSchema,
  address: z.string().trim().max(200).nullish(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  usualCount: z.number().int().min(0).max(500).default(0),
  notes: z.string().trim().max(500).nullish(),
});
export type HotspotInput = z.infer<typeof hotspotBodySchema>;

export const hotspotSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(hotspotKinds),
  risk: z.enum(hotspotRisks),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  usualCount: z.number().int(),
  notes: z.string().nullable(),
  lastVisitedAt: z.iso.datetime().nullable(),
  coverage: z.object({
    state: z.enum(coverageStates),
    hoursSince: z.number().int().nullable(),
    dueAt: z.iso.datetime().nullable(),
    /** The interval in force: the risk's, or shorter at night under an emergency response. */
    intervalHours: z.number(),
  }),
});
export type HotspotView = z.infer<typeof hotspotSchema>;

export const checkinSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  hotspotId: z.uuid(),
  hotspotName: z.string(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  distanceM: z.number().int(),
  tooFar: z.boolean(),
  peopleSeen: z.number().int().nullable(),
  at: z.iso.datetime(),
});
export type CheckinView = z.infer<typeof checkinSchema>;

export const hotspotDetailSchema = hotspotSchema.extend({ checkins: z.array(checkinSchema) });

export const checkinBodySchema = z.strictObject({
  /** Made on the phone, so a check-in resent after being offline is stored once. */
  clientId: z.uuid(),
  hotspotId: z.uuid(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  peopleSeen: z.number().int().min(0).max(500).nullish(),
  /** When it happened on the phone; defaults to now, never in the future. */
  at: z.iso.datetime().optional(),
});
export type CheckinInput = z.infer<typeof checkinBodySchema>;

export const hotspotIdParamsSchema = z.strictObject({ id: z.uuid() });
export const hotspotListQuerySchema = z.strictObject({ state: z.enum(coverageStates).optional() });
export const hotspotListSchema = z.object({ items: z.array(hotspotSchema) });
