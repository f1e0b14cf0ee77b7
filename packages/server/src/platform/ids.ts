import { randomInt } from 'node:crypto';
import { TRACKING_CODE_ALPHABET } from '@warmline/domain';
import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7) made by the app: PostgreSQL 15 has no uuidv7(). */
export interface Ids {
  next(): string;
}

export const uuidV7Ids: Ids = { next: () => v7() };

/**
 * A code a person reads aloud or types: 8 characters of the tracking-code alphabet (no I, L, O, U),
 * from the CSPRNG, so a code cannot be guessed from another.
 */
export function readableCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)];
  return code;
}
