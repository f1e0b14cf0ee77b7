import { passwordSchema, permissions, regionLevels, roles } from '@warmline/domain';
import { z } from 'zod';

export const loginBodySchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.enum(regionLevels),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  totpEnabled: z.boolean(),
  permissions: z.array(z.enum(permissions)),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});

export const totpSetupResponseSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpEnableBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
