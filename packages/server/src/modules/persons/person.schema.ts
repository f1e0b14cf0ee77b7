import { ageBands, assistanceCategories } from '@warmline/domain';
import { z } from 'zod';

export const personSchema = z.object({
  id: z.uuid(),
  tempNumber: z.string(),
  regionCode: z.string(),
  name: z.string().nullable(),
  sex: z.string(),
  ageBand: z.enum(ageBands).nullable(),
  /** Masked: 110105********002X. */
  residentId: z.string().nullable(),
  homeRegion: z.string().nullable(),
  dialect: z.string().nullable(),
  features: z.string().nullable(),
  mergedInto: z.uuid().nullable(),
  encounterCount: z.number().int(),
  lastSeen: z.object({ at: z.iso.datetime(), lat: z.number(), lng: z.number() }).nullable(),
});
export type PersonView = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema.extend({
  /** Every encounter of this person, newest first (the person's timeline). */
  encounters: z.array(
    z.object({
      id: z.uuid(),
      at: z.iso.datetime(),
      lat: z.number(),
      lng: z.number(),
      category: z.enum(assistanceCategories),
      teamId: z.uuid().nullable(),
      note: z.string().nullable(),
      /** Came from this other record by a merge. */
      mergedFromPersonId: z.uuid().nullable(),
      /** Photos taken with it (opened one by one, audited: GET /api/encounters/{id}/photos). */
      photoCount: z.number().int(),
    }),
  ),
  /** Records merged into this one (each can be unmerged). */
  merged: z.array(z.object({ id: z.uuid(), tempNumber: z.string(), name: z.string().nullable() })),
});

/** Without q: the most recently recorded persons. */
export const personSearchQuerySchema = z.strictObject({ q: z.string().trim().min(1).max(40).optional() });
export const personListSchema = z.object({ items: z.array(personSchema) });
export const personIdParamsSchema = z.strictObject({ id: z.uuid() });
export const mergeBodySchema = z.strictObject({ intoId: z.uuid() });
