import { dimensionKeys, figureKeys } from '@warmline/domain';
import { z } from 'zod';

const day = z.iso.date();

/** A region (county or above, in the caller's jurisdiction; default their own) and a period. */
export const statsQuerySchema = z.strictObject({
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** Default: the first of this month (Beijing). */
  from: day.optional(),
  /** Default: today (Beijing). */
  to: day.optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

const figureValues = z.object(
  Object.fromEntries(figureKeys.map((k) => [k, z.number().nullable()])) as Record<
    (typeof figureKeys)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);

export const figuresSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  from: day,
  to: day,
  /** Every figure under its stable key (docs/statistics.md defines each). */
  figures: figureValues,
  /** Per figure: 'sex:male' → n, 'kind:coat' → n, … */
  breakdowns: z.record(z.string(), z.record(z.string(), z.number())),
});

export const childrenSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), figures: figureValues })),
});

export const trendSchema = z.object({
  days: z.array(z.object({ day, figures: figureValues })),
});

export const recordsQuerySchema = statsQuerySchema.extend({
  /** Default: 救助人次 (`assisted`). */
  figure: z.enum(figureKeys).default('assisted'),
  /** '' or absent for the headline; 'sex:male', 'kind:coat'… for a breakdown's cell. */
  dim: z
    .string()
    .max(60)
    .regex(new RegExp(`^(|(${dimensionKeys.join('|')}):[\\w-]{1,40})$`))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const recordsSchema = z.object({
  /** How many records stand behind the figure (for a sum, the records; `value` each adds). */
  total: z.number().int(),
  items: z.array(
    z.object({
      eventId: z.uuid(),
      action: z.string(),
      day,
      regionCode: z.string(),
      regionName: z.string().nullable(),
      entityType: z.string(),
      entityId: z.string(),
      /** What it adds to a summed figure (staff on a shift, units handed out); null for a count. */
      value: z.number().nullable(),
      /** The person's temporary number, never a name. */
      personNumber: z.string().nullable(),
      personId: z.string().nullable(),
      facts: z.record(z.string(), z.unknown()),
    }),
  ),
});
