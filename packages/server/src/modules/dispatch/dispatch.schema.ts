import { alertKinds, dispatchOutcomes, dispatchStates } from '@warmline/domain';
import { z } from 'zod';
import { leadSchema } from '../leads/lead.schema.ts';

export const dispatchSchema = z.object({
  id: z.uuid(),
  leadId: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  state: z.enum(dispatchStates),
  assignedAt: z.iso.datetime(),
  acceptBy: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  arriveBy: z.iso.datetime(),
  arrivedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  etaMinutes: z.number().int().nullable(),
  distanceM: z.number().int().nullable(),
  outcome: z.enum(dispatchOutcomes).nullable(),
  note: z.string().nullable(),
  /** What the team needs to find the person; no reporter data. */
  lead: leadSchema.pick({
    trackingCode: true,
    state: true,
    descriptors: true,
    vulnerable: true,
    description: true,
    address: true,
    lat: true,
    lng: true,
    regionName: true,
    receivedAt: true,
  }),
});
export type DispatchView = z.infer<typeof dispatchSchema>;
export const dispatchListSchema = z.object({ items: z.array(dispatchSchema) });

export const recommendationListSchema = z.object({
  items: z.array(
    z.object({
      teamId: z.uuid(),
      teamName: z.string(),
      vehicle: z.string().nullable(),
      regionName: z.string(),
      memberCount: z.number().int(),
      distanceM: z.number().int(),
      etaMinutes: z.number().int(),
      positionAt: z.iso.datetime().nullable(),
      /** The position is old: the estimate may be off. */
      stale: z.boolean(),
    }),
  ),
  /** Available teams that could not be ranked: no position reported yet. */
  unplaced: z.number().int(),
});

export const leadIdParamsSchema = z.strictObject({ id: z.uuid() });
export const dispatchIdParamsSchema = z.strictObject({ id: z.uuid() });
export const assignBodySchema = z.strictObject({ teamId: z.uuid() });
export const reasonBodySchema = z.strictObject({ reason: z.string().trim().max(200).optional() }).nullish();
export const completeBodySchema = z.strictObject({
  outcome: z.enum(dispatchOutcomes),
  note: z.string().trim().max(500).optional(),
});

export const alertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(alertKinds),
  regionCode: z.string(),
  leadId: z.uuid().nullable(),
  trackingCode: z.string().nullable(),
  dispatchId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  raisedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export const alertListSchema = z.object({ items: z.array(alertSchema) });
export const alertIdParamsSchema = z.strictObject({ id: z.uuid() });

export const timelineSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      at: z.iso.datetime(),
      action: z.string(),
      actorName: z.string().nullable(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
});
