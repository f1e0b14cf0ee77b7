import { Secret, TOTP } from 'otpauth';

const issuer = '暖线 Warmline';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUrl(secret: string, username: string): string {
  return new TOTP({ issuer, label: username, secret: Secret.fromBase32(secret) }).toString();
}

const PERIOD_MS = 30_000;

/**
 * The time step a code belongs to, or null if it is wrong. Accepts the current step and
 * one either side, to forgive a phone's clock drift; the caller refuses steps already used.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const totp = new TOTP({ issuer, secret: Secret.fromBase32(secret), period: PERIOD_MS / 1000 });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / PERIOD_MS) + delta;
}

/** The code a phone would show at `now` (tests and the demo use it). */
export function totpCodeAt(secret: string, now: Date): string {
  return new TOTP({ issuer, secret: Secret.fromBase32(secret) }).generate({ timestamp: now.getTime() });
}
