import { z } from 'zod';
import type { ShelterHours } from './shelter.ts';

/** 18:00, 08:30: a wall-clock time in Asia/Shanghai, 24-hour. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/**
 * Opening hours as the API and the forms take them (see ShelterHours). Opening and closing at the
 * same minute is not a window: say `allDay` instead.
 */
export const shelterHoursSchema = z.discriminatedUnion('allDay', [
  z.strictObject({ allDay: z.literal(true) }),
  z
    .strictObject({ allDay: z.literal(false), opens: clockTimeSchema, closes: clockTimeSchema })
    .refine((h) => h.opens !== h.closes, { message: 'opens and closes must differ', path: ['closes'] }),
]) satisfies z.ZodType<ShelterHours>;
