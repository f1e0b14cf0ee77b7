import { figureKeys, submissionStates } from '@warmline/domain';
import { z } from 'zod';

const day = z.iso.date();
const regionCode = z.string().regex(/^\d{6}$/);
/** 'YYYY-MM' for a month of the calendar, 'final' for the whole campaign. */
const period = z.string().regex(/^(\d{4}-(0[1-9]|1[0-2])|final)$/);

export const campaignInputSchema = z.strictObject({
  name: z.string().trim().min(2).max(100),
  regionCode,
  startsOn: day,
  endsOn: day,
  monthlyDueDay: z.number().int().min(1).max(28).default(5),
  finalDueDays: z.number().int().min(0).max(60).default(10),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const extendSchema = z.strictObject({ endsOn: day });

const periodSchema = z.object({
  period: z.string(),
  kind: z.enum(['monthly', 'final']),
  from: day,
  to: day,
  dueOn: day,
});

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  startsOn: day,
  endsOn: day,
  monthlyDueDay: z.number().int(),
  finalDueDays: z.number().int(),
  /** The caller may extend it (it is in their jurisdiction, not a higher level's). */
  canEdit: z.boolean(),
  periods: z.array(periodSchema),
  createdAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.object({ items: z.array(campaignSchema) });

export const figuresBodySchema = z.object({
  values: z.object(
    Object.fromEntries(figureKeys.map((k) => [k, z.number().nullable()])) as Record<
      (typeof figureKeys)[number],
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  /** Per figure: 'sex:male' → n, 'kind:coat' → n, … */
  breakdowns: z.record(z.string(), z.record(z.string(), z.number())),
});

const cellSchema = z.object({
  period: z.string(),
  dueOn: day,
  submissionId: z.uuid().nullable(),
  state: z.enum(submissionStates).nullable(),
  version: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  /** Past its due date with no submitted or approved return. */
  overdue: z.boolean(),
});

export const returnsQuerySchema = z.strictObject({ region: regionCode.optional() });

export const returnsSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  today: day,
  periods: z.array(periodSchema),
  /** The region's own returns (empty when it files none: a province's, the national). */
  own: z.array(cellSchema),
  /** Each region one level down that files returns to this one. */
  children: z.array(z.object({ code: z.string(), name: z.string(), cells: z.array(cellSchema) })),
});

export const generateSchema = z.strictObject({ regionCode, period });

export const editSchema = z.strictObject({
  remarks: z.string().trim().max(2000).nullish(),
  filledBy: z.string().trim().max(50).nullish(),
});

export const returnCommentSchema = z.strictObject({ comment: z.string().max(1000).optional() });

export const submissionSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** 韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表 */
  title: z.string(),
  /** 填报单位: the region's bureau. */
  reportingUnit: z.string(),
  reviewerRegionCode: z.string().nullable(),
  period: z.string(),
  from: day,
  to: day,
  dueOn: day,
  overdue: z.boolean(),
  state: z.enum(submissionStates),
  version: z.number().int(),
  figures: figuresBodySchema,
  remarks: z.string().nullable(),
  filledBy: z.string().nullable(),
  generatedAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  /** What the caller may do next. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
  /** Live figures against the snapshot (a late offline encounter, a correction); [] when equal. */
  changes: z.array(
    z.object({
      figure: z.enum(figureKeys),
      dim: z.string(),
      was: z.number().nullable(),
      now: z.number().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      action: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      version: z.number().int().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export type SubmissionView = z.infer<typeof submissionSchema>;
