import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets (partner API keys, sentinel tokens): random, shown to their holder once, and
 * stored only as their SHA-256, so a copy of the database lets nobody act as the holder.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
