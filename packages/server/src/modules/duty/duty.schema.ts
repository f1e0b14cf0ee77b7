import { regionCodeSchema } from '@warmline/domain';
import { z } from 'zod';

/** A Beijing calendar date that exists (2026-02-30 is refused). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a date',
  );

/** Which roster: a region's bureau (no org) or a rescue station (its org id). */
const targetShape = {
  regionCode: regionCodeSchema.optional(),
  orgId: z.uuid().optional(),
};
export type RosterTarget = { regionCode?: string | undefined; orgId?: string | undefined };

export const rosterQuerySchema = z.strictObject({
  ...targetShape,
  from: daySchema.optional(),
  to: daySchema.optional(),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export const targetQuerySchema = z.strictObject(targetShape);
export const handoverListQuerySchema = z.strictObject({
  ...targetShape,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const slotSchema = z.object({ code: z.string(), start: z.string(), end: z.string() });

export const assignmentSchema = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  orgId: z.uuid().nullable(),
  day: z.string(),
  slot: z.string(),
  userId: z.uuid(),
  displayName: z.string(),
  note: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof assignmentSchema>;

export const gapSchema = z.object({
  day: z.string(),
  slot: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
});

const rosterHeadSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  from: z.string(),
  to: z.string(),
});

export const rosterSchema = rosterHeadSchema.extend({
  slots: z.array(slotSchema),
  /** Whether this roster names a leader on duty each day (bureaus do, stations do not). */
  hasLeader: z.boolean(),
  assignments: z.array(assignmentSchema),
  gaps: z.array(gapSchema),
  /** Whether the caller may change this roster (the UI shows the buttons only then). */
  canManage: z.boolean(),
});

export const gapListSchema = rosterHeadSchema.extend({ items: z.array(gapSchema) });

export const assignBodySchema = z.strictObject({
  ...targetShape,
  day: daySchema,
  slot: z.string().trim().min(1).max(20),
  userId: z.uuid(),
  note: z.string().trim().max(200).nullish(),
});
export type AssignInput = z.infer<typeof assignBodySchema>;

export const candidateListSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), displayName: z.string(), role: z.string(), orgName: z.string().nullable() }),
  ),
});

export const handoverSchema = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  orgId: z.uuid().nullable(),
  day: z.string(),
  slot: z.string(),
  text: z.string(),
  writtenBy: z.uuid(),
  writtenByName: z.string(),
  writtenAt: z.iso.datetime(),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type HandoverView = z.infer<typeof handoverSchema>;
export const handoverListSchema = z.object({ items: z.array(handoverSchema) });

export const handoverBodySchema = z.strictObject({
  ...targetShape,
  /** The shift handed over; defaults to the one in progress. */
  day: daySchema.optional(),
  slot: z.string().trim().min(1).max(20).optional(),
  text: z.string().trim().min(1).max(2000),
});
export type HandoverInput = z.infer<typeof handoverBodySchema>;

export const idParamsSchema = z.strictObject({ id: z.uuid() });
