import { regionLevels } from '@warmline/domain';
import { z } from 'zod';

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentCode: z.string().nullable(),
});
export type RegionView = z.infer<typeof regionSchema>;

export const regionCodeParamsSchema = z.strictObject({ code: z.string().regex(/^(\d{6}|\d{9})$/) });

export const regionSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(40).optional(),
  parentCode: z
    .string()
    .regex(/^(\d{6}|\d{9})$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const regionListSchema = z.object({ items: z.array(regionSchema) });
export const regionDetailSchema = regionSchema.extend({ path: z.array(regionSchema) });
