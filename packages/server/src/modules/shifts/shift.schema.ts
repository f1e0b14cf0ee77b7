import { departments } from '@warmline/domain';
import { z } from 'zod';

export const shiftStartBodySchema = z.strictObject({
  /** Team member rows on the shift tonight; omitted → the whole team. */
  memberIds: z.array(z.uuid()).min(1).max(12).optional(),
  /** Plates of the vehicles out; omitted → the team's vehicle, if it has one. */
  vehicles: z.array(z.string().trim().min(1).max(20)).max(6).optional(),
  plannedHotspotIds: z.array(z.uuid()).max(30).default([]),
});
export type ShiftStartInput = z.infer<typeof shiftStartBodySchema>;

export const shiftSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  regionCode: z.string(),
  members: z.array(
    z.object({ displayName: z.string(), department: z.enum(departments), userId: z.uuid().nullable() }),
  ),
  vehicles: z.array(z.string()),
  plannedHotspotIds: z.array(z.uuid()),
  /** Planned hotspots not yet checked in at (within reach), in the planned order. */
  hotspotsLeft: z.array(z.uuid()),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  staffTrips: z.number().int(),
  vehicleTrips: z.number().int(),
  checkins: z.number().int(),
  encounters: z.number().int(),
});
export type ShiftView = z.infer<typeof shiftSchema>;

export const currentShiftSchema = z.object({ shift: shiftSchema.nullable() });
export const shiftListQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const shiftListSchema = z.object({
  items: z.array(shiftSchema),
  totals: z.object({
    shifts: z.number().int(),
    staffTrips: z.number().int(),
    vehicleTrips: z.number().int(),
  }),
});
