import { z } from 'zod';
import { roles } from './roles.ts';

/** Limits shared by the API and the forms so both refuse the same input. */
export const usernameSchema = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[a-z][a-z0-9_.-]*$/, 'lowercase letters, digits, _ . -');
export const passwordSchema = z.string().min(10).max(128);
export const displayNameSchema = z.string().trim().min(1).max(40);
export const roleSchema = z.enum(roles);
export const regionCodeSchema = z.string().regex(/^(\d{6}|\d{9})$/, 'GB/T 2260 code');

/** Failed sign-ins allowed before the account locks, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
