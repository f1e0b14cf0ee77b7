import {
  displayNameSchema,
  leadDescriptors,
  phonePattern,
  publicLeadStatuses,
  sentinelActions,
  sentinelOrgTypes,
  sentinelStates,
  trustLevels,
} from '@warmline/domain';
import { z } from 'zod';

export const registerSentinelBodySchema = z.strictObject({
  displayName: displayNameSchema,
  phone: z.string().regex(phonePattern, 'mainland mobile or landline'),
  orgType: z.enum(sentinelOrgTypes),
  orgName: z.string().trim().min(1).max(60).optional(),
  /** The county (or the city) the sentinel works in; their reports land there. */
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'GB/T 2260 county or city code')
    .optional(),
});
export type RegisterSentinelInput = z.infer<typeof registerSentinelBodySchema>;

export const registeredSchema = z.object({
  sentinelId: z.uuid(),
  /** Shown once; the server keeps only its hash. */
  token: z.string(),
  state: z.literal('pending'),
});

export const registrationRegionsSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const trustSchema = z.object({ score: z.number().min(0).max(1), level: z.enum(trustLevels) });

export const sentinelMeSchema = z.object({
  displayName: z.string(),
  orgType: z.enum(sentinelOrgTypes),
  state: z.enum(sentinelStates),
  trust: trustSchema,
});

/** A sentinel's own report, as they follow it: public words only. */
export const sentinelReportSchema = z.object({
  trackingCode: z.string(),
  receivedAt: z.iso.datetime(),
  address: z.string().nullable(),
  descriptors: z.array(z.enum(leadDescriptors)),
  status: z.enum(publicLeadStatuses),
  updatedAt: z.iso.datetime(),
});
export const sentinelReportListSchema = z.object({ items: z.array(sentinelReportSchema) });

/** The staff view of a sentinel: the phone masked, the reports counted, the trust computed. */
export const sentinelSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  phoneMasked: z.string(),
  orgType: z.enum(sentinelOrgTypes),
  orgName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  state: z.enum(sentinelStates),
  reportCount: z.number().int(),
  trust: trustSchema,
  reviewNote: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type SentinelView = z.infer<typeof sentinelSchema>;

export const sentinelListQuerySchema = z.strictObject({
  state: z.enum(sentinelStates).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const sentinelListSchema = z.object({ items: z.array(sentinelSchema), total: z.number().int() });
export const sentinelIdParamsSchema = z.strictObject({ id: z.uuid() });
export const sentinelActionBodySchema = z.strictObject({
  action: z.enum(sentinelActions),
  note: z.string().trim().max(500).optional(),
});
export const sentinelPhoneSchema = z.object({ phone: z.string() });

/** What a lead shows about the sentinel who reported it (LeadView.sentinel). */
export const leadSentinelSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    orgType: z.enum(sentinelOrgTypes),
    trust: z.number(),
    trustLevel: z.enum(trustLevels),
  })
  .nullable();
