import { warningColours, warningKinds } from '@warmline/domain';
import { z } from 'zod';

export const warningSchema = z.object({
  id: z.uuid(),
  sender: z.string(),
  identifier: z.string(),
  sent: z.iso.datetime({ offset: true }),
  source: z.enum(['feed', 'upload', 'push', 'manual']),
  msgType: z.string(),
  kind: z.enum(warningKinds),
  colour: z.enum(warningColours),
  headline: z.string().nullable(),
  description: z.string().nullable(),
  instruction: z.string().nullable(),
  criteria: z.string().nullable(),
  regionCodes: z.array(z.string()),
  /** The same regions with their names, for display. */
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  regionCode: z.string(),
  /** Areas that mapped to no known region: kept, and flagged for review. */
  unresolved: z.array(z.unknown()),
  needsReview: z.boolean(),
  activeFrom: z.iso.datetime({ offset: true }),
  expires: z.iso.datetime({ offset: true }).nullable(),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  active: z.boolean(),
});

export const ingestSchema = z.object({
  warnings: z.array(warningSchema),
  ended: z.array(warningSchema),
  duplicate: z.boolean(),
  ignored: z.array(z.string()),
});

export const warningListQuerySchema = z.strictObject({
  active: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const manualWarningSchema = z.strictObject({
  kind: z.enum(warningKinds),
  colour: z.enum(warningColours),
  regionCodes: z
    .array(z.string().regex(/^\d{6}$/))
    .min(1)
    .max(50),
  headline: z.string().trim().min(2).max(200).optional(),
  /** When it took effect as announced; default now. */
  effective: z.iso.datetime({ offset: true }).optional(),
  expires: z.iso.datetime({ offset: true }).optional(),
  /** Where it was read (电视/短信/电话 …) and anything else the officer noted. */
  note: z.string().trim().max(500).optional(),
});

export const forecastBodySchema = z.strictObject({
  regionCode: z.string().regex(/^\d{6}$/),
  night: z.iso.date(),
  minC: z.number().min(-60).max(45),
});

export const forecastQuerySchema = z.strictObject({
  night: z.iso.date().optional(),
  /** Nights from `night` (default tonight) on: 1 = that night only. */
  nights: z.coerce.number().int().min(1).max(14).default(1),
});

export const forecastListSchema = z.object({
  items: z.array(
    z.object({ regionCode: z.string(), night: z.iso.date(), minC: z.number(), source: z.string() }),
  ),
});
