import {
  displayNameSchema,
  passwordSchema,
  phonePattern,
  regionCodeSchema,
  roleSchema,
  usernameSchema,
} from '@warmline/domain';
import { z } from 'zod';

const phoneSchema = z.string().regex(phonePattern, 'mainland mobile or landline');

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  regionCode: z.string(),
  regionName: z.string(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userSchema>;

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  regionCode: regionCodeSchema,
  orgId: z.uuid().nullable().optional(),
  password: passwordSchema,
  phone: phoneSchema.nullable().optional(),
});

export const updateUserBodySchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  orgId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  phone: phoneSchema.nullable().optional(),
});

export const userIdParamsSchema = z.strictObject({ id: z.uuid() });
export const userListQuerySchema = z.strictObject({
  q: z.string().trim().max(40).optional(),
  role: roleSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int() });
export const resetPasswordBodySchema = z.strictObject({ password: passwordSchema });
export const phoneResponseSchema = z.object({ phone: z.string().nullable() });
