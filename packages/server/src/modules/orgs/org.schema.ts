import { orgKinds, regionCodeSchema } from '@warmline/domain';
import { z } from 'zod';

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const orgSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(orgKinds),
  regionCode: z.string(),
  regionName: z.string(),
  bedCount: z.number().int().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  userCount: z.number().int(),
});
export type OrgView = z.infer<typeof orgSchema>;

export const createOrgBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(60),
  kind: z.enum(orgKinds),
  regionCode: regionCodeSchema,
  bedCount: z.number().int().min(0).max(10_000).nullable().optional(),
  lat: lat.nullable().optional(),
  lng: lng.nullable().optional(),
});
export const updateOrgBodySchema = createOrgBodySchema.partial();

export const orgIdParamsSchema = z.strictObject({ id: z.uuid() });
export const orgListQuerySchema = z.strictObject({
  q: z.string().trim().max(60).optional(),
  kind: z.enum(orgKinds).optional(),
  regionCode: regionCodeSchema.optional(),
});
export const orgListSchema = z.object({ items: z.array(orgSchema) });
