import { leadDescriptors, leadSources, leadStates, phonePattern, publicLeadStatuses } from '@warmline/domain';
import { z } from 'zod';
import { leadSentinelSchema } from '../sentinels/sentinel.schema.ts';

const phoneSchema = z.string().regex(phonePattern, 'mainland mobile or landline');

/** What every channel may say about a sighting; each channel adds its own fields. */
const sightingFields = {
  descriptors: z.array(z.enum(leadDescriptors)).max(leadDescriptors.length).default([]),
  description: z.string().trim().max(1000).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  accuracyM: z.number().min(0).max(100_000).optional(),
  address: z.string().trim().max(200).optional(),
};

export const publicLeadBodySchema = z.strictObject({
  ...sightingFields,
  reporterPhone: phoneSchema.optional(),
  callBack: z.boolean().default(false),
  deviceToken: z.uuid().optional(),
  /** One per submission, made on the phone: resending the same report returns the same code. */
  clientId: z.uuid().optional(),
});
export type SightingInput = z.infer<typeof publicLeadBodySchema>;

export const partnerLeadBodySchema = z.strictObject({
  ...sightingFields,
  /** The partner's own case number (110 接警单号, grid event id …). */
  externalRef: z.string().trim().min(1).max(64).optional(),
  reporterPhone: phoneSchema.optional(),
});

export const hotlineLeadBodySchema = z.strictObject({
  ...sightingFields,
  reporterPhone: phoneSchema.optional(),
  callBack: z.boolean().default(false),
  regionCode: z
    .string()
    .regex(/^(\d{6}|\d{9})$/)
    .optional(),
});

export const trackingCodeParamsSchema = z.strictObject({ trackingCode: z.string().min(1).max(20) });
export const trackingResponseSchema = z.object({ trackingCode: z.string() });
export const publicStatusSchema = z.object({
  trackingCode: z.string(),
  status: z.enum(publicLeadStatuses),
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const leadSchema = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  source: z.enum(leadSources),
  state: z.enum(leadStates),
  descriptors: z.array(z.enum(leadDescriptors)),
  vulnerable: z.boolean(),
  description: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  accuracyM: z.number().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  reporterPhoneMasked: z.string().nullable(),
  callBack: z.boolean(),
  externalRef: z.string().nullable(),
  spamScore: z.number().nullable(),
  spamReasons: z.array(z.string()),
  duplicateOf: z.uuid().nullable(),
  /** An earlier open lead this one probably repeats: shown for a one-click merge, never merged by itself. */
  likelyDuplicate: z.object({ id: z.uuid(), trackingCode: z.string(), score: z.number() }).nullable(),
  /** Photos the reporter attached; they stay masked until someone opens one (audited). */
  photoCount: z.number().int().min(0),
  /** The registered sentinel who reported it, with their trust; null for other channels. */
  sentinel: leadSentinelSchema,
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LeadView = z.infer<typeof leadSchema>;

export const leadIdParamsSchema = z.strictObject({ id: z.uuid() });
export const leadListQuerySchema = z.strictObject({
  state: z.enum(leadStates).optional(),
  source: z.enum(leadSources).optional(),
  open: z.enum(['true', 'false']).optional(),
  /** `true`: the command centre's queue, open leads and those not found (re-queued). */
  queue: z.enum(['true']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const leadListSchema = z.object({ items: z.array(leadSchema), total: z.number().int() });

/** The spam screening's record in the field (modules/leads/spam-decisions.ts `screeningTally`). */
export const screeningQuerySchema = z.strictObject({
  /** A Beijing day; the campaign season's start (15 October) when left out. */
  from: z.iso.date().optional(),
});
const count = z.number().int().min(0);
const share = z.number().min(0).max(1).nullable();
export const screeningTallyListSchema = z.array(
  z.object({
    model: z.string().nullable(),
    held: count,
    restored: count,
    missed: count,
    passed: count,
    caught: share,
    wronged: share,
    onTarget: z.boolean(),
  }),
);

/** Triage acts on the command centre's queue (dispatch comes with teams). */
export const leadActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('triage') }),
  z.strictObject({ action: z.literal('quarantine') }),
  z.strictObject({ action: z.literal('restore') }),
  z.strictObject({ action: z.literal('merge'), duplicateOf: z.uuid() }),
  z.strictObject({ action: z.literal('close'), note: z.string().trim().max(500).optional() }),
]);
export type LeadAction = z.infer<typeof leadActionBodySchema>;
export const phoneResponseSchema = z.object({ phone: z.string().nullable() });
