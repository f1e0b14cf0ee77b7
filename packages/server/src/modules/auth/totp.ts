import { Secret, TOTP } from 'otpauth';

const issuer = '暖线 Warmline';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUrl(secret: string, username: string): string {
  return new TOTP({ issuer, label: username, secret: Secret.fromBase32(secret) }).toString();
}

/** Accepts the current code and one step either side, to forgive a phone's clock drift. */
export function isTotpValid(secret: string, code: string, now: Date): boolean {
  const totp = new TOTP({ issuer, secret: Secret.fromBase32(secret) });
  return totp.validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

/** The code a phone would show at `now` (tests and the demo use it). */
export function totpCodeAt(secret: string, now: Date): string {
  return new TOTP({ issuer, secret: Secret.fromBase32(secret) }).generate({ timestamp: now.getTime() });
}
