import { departments, dispatchStates, teamStatuses } from '@warmline/domain';
import { z } from 'zod';

const regionCodeSchema = z.string().regex(/^(\d{6}|\d{9})$/);

export const teamMemberBodySchema = z.strictObject({
  /** A member with an account sees the team's assignments on the phone. */
  userId: z.uuid().nullish(),
  displayName: z.string().trim().min(1).max(40),
  department: z.enum(departments),
  isLeader: z.boolean().default(false),
});

export const teamBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  regionCode: regionCodeSchema,
  orgId: z.uuid().nullish(),
  vehicle: z.string().trim().max(20).nullish(),
  members: z.array(teamMemberBodySchema).min(1).max(12),
});
export type TeamInput = z.infer<typeof teamBodySchema>;

export const teamStatusBodySchema = z.strictObject({ status: z.enum(['off_duty', 'available']) });

export const positionBodySchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).optional(),
});

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  vehicle: z.string().nullable(),
  status: z.enum(teamStatuses),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  positionAt: z.iso.datetime().nullable(),
  members: z.array(
    z.object({
      id: z.uuid(),
      userId: z.uuid().nullable(),
      displayName: z.string(),
      department: z.enum(departments),
      isLeader: z.boolean(),
    }),
  ),
  /** The assignment the team is working now, if any. */
  activeDispatch: z
    .object({ id: z.uuid(), leadId: z.uuid(), trackingCode: z.string(), state: z.enum(dispatchStates) })
    .nullable(),
});
export type TeamView = z.infer<typeof teamSchema>;

export const teamIdParamsSchema = z.strictObject({ id: z.uuid() });
export const teamListQuerySchema = z.strictObject({ status: z.enum(teamStatuses).optional() });
export const teamListSchema = z.object({ items: z.array(teamSchema) });
