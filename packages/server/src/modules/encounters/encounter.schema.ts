import { ageBands, assistanceCategories, observedFacts, supplyKinds } from '@warmline/domain';
import { z } from 'zod';

export const sexes = ['male', 'female', 'unknown'] as const;

/** Who the person says they are; every field optional, and none at all is fine (help first). */
export const identityBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(40).nullish(),
  residentId: z.string().trim().max(24).nullish(),
  homeRegion: z.string().trim().max(60).nullish(),
  dialect: z.string().trim().max(30).nullish(),
  phone: z.string().trim().max(20).nullish(),
});

export const encounterBodySchema = z.strictObject({
  /** Made on the phone, so an encounter resent after being offline is stored once. */
  clientId: z.uuid(),
  at: z.iso.datetime().optional(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** The county it happened in; defaults to the member's team's. Must be in the jurisdiction. */
  regionCode: z
    .string()
    .regex(/^(\d{6}|\d{9})$/)
    .nullish(),
  /** Where the team was sent, when the encounter closes a lead. */
  leadId: z.uuid().nullish(),
  /** An existing person record; otherwise one is made (temporary number when unknown). */
  personId: z.uuid().nullish(),
  identity: identityBodySchema.nullish(),
  facts: z.array(z.enum(observedFacts)).max(observedFacts.length).default([]),
  sex: z.enum(sexes).default('unknown'),
  ageBand: z.enum(ageBands).nullish(),
  age: z.number().int().min(0).max(120).nullish(),
  clothing: z.string().trim().max(100).nullish(),
  condition: z.string().trim().max(200).nullish(),
  /** The category recorded; omitted → the rules' proposal. A different one needs a reason. */
  category: z.enum(assistanceCategories).nullish(),
  overrideReason: z.string().trim().max(200).nullish(),
  itemsGiven: z
    .array(z.strictObject({ kind: z.enum(supplyKinds), quantity: z.number().int().min(1).max(50) }))
    .max(supplyKinds.length)
    .default([]),
  /** The earlier encounter whose re-check this is. */
  followUpOf: z.uuid().nullish(),
  /** The station (or, for medical_first, the hospital) the person is taken to, if chosen. */
  handoverOrgId: z.uuid().nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type EncounterInput = z.infer<typeof encounterBodySchema>;

export const encounterSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  at: z.iso.datetime(),
  lat: z.number(),
  lng: z.number(),
  regionCode: z.string(),
  leadId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  person: z.object({
    id: z.uuid(),
    tempNumber: z.string(),
    name: z.string().nullable(),
    /** Masked: 110105********002X. */
    residentId: z.string().nullable(),
    homeRegion: z.string().nullable(),
  }),
  facts: z.array(z.enum(observedFacts)),
  sex: z.enum(sexes),
  ageBand: z.enum(ageBands).nullable(),
  clothing: z.string().nullable(),
  condition: z.string().nullable(),
  proposedCategory: z.enum(assistanceCategories),
  category: z.enum(assistanceCategories),
  overrideReason: z.string().nullable(),
  obligations: z.array(z.record(z.string(), z.unknown())),
  itemsGiven: z.array(z.object({ kind: z.enum(supplyKinds), quantity: z.number().int() })),
  forecastMinTempC: z.number(),
  followUpDueAt: z.iso.datetime().nullable(),
  followUpOf: z.uuid().nullable(),
  note: z.string().nullable(),
  handover: z
    .object({
      id: z.uuid(),
      kind: z.enum(['station_arrival', 'hospital_referral']),
      orgId: z.uuid().nullable(),
      state: z.string(),
    })
    .nullable(),
});
export type EncounterView = z.infer<typeof encounterSchema>;

export const encounterIdParamsSchema = z.strictObject({ id: z.uuid() });
export const encounterListSchema = z.object({ items: z.array(encounterSchema) });
export const encounterListQuerySchema = z.strictObject({
  leadId: z.uuid().optional(),
  /** Older pages: the 100 encounters that happened before this time. */
  before: z.iso.datetime().optional(),
});

export const handoverSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['station_arrival', 'hospital_referral']),
  state: z.string(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  encounter: z.object({
    id: z.uuid(),
    at: z.iso.datetime(),
    lat: z.number(),
    lng: z.number(),
    category: z.string(),
  }),
  person: z.object({ id: z.uuid(), tempNumber: z.string(), name: z.string().nullable() }),
});
export const handoverListSchema = z.object({ items: z.array(handoverSchema) });
