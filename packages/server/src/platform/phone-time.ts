import { AppError } from './errors.ts';

/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 60_000;

/**
 * When something happened, as the phone says (`at`, kept in its offline outbox) or now. Refused
 * if in the future or older than `maxAgeHours`: a late upload keeps its time, a wild clock does not.
 */
export function phoneTime(at: string | undefined, now: Date, maxAgeHours: number): Date {
  const when = at ? new Date(at) : now;
  if (
    when.getTime() > now.getTime() + CLOCK_SKEW_MS ||
    now.getTime() - when.getTime() > maxAgeHours * 3_600_000
  )
    throw new AppError('VALIDATION_FAILED', {
      field: 'at',
      reason: `not within the last ${maxAgeHours} hours`,
    });
  return when;
}
