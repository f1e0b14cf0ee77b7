import { createHash, randomBytes } from 'node:crypto';
import {
  isAdminRole,
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  NATIONAL_REGION_CODE,
  permissionsOf,
  type Role,
  regionLevel,
} from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import { createAuthRepository } from './auth.repository.ts';
import type { Me } from './auth.schema.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import { newTotpSecret, totpStep, totpUrl } from './totp.ts';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  recordEvent: RecordEvent;
  sessionHours: number;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const HOUR = 3_600_000;

export function createAuthService({ db, clock, recordEvent, sessionHours }: AuthDeps) {
  const repo = createAuthRepository(db);

  async function profile(userId: string): Promise<Me> {
    const row = await repo.findProfile(userId);
    if (!row) throw new AppError('UNAUTHENTICATED');
    const { user } = row;
    const role = user.role as Role;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role,
      regionCode: user.regionCode,
      regionName: row.regionName ?? (user.regionCode === NATIONAL_REGION_CODE ? '全国' : user.regionCode),
      regionLevel: regionLevel(user.regionCode),
      orgId: user.orgId,
      orgName: row.orgName,
      totpEnabled: user.totpSecret !== null,
      permissions: permissionsOf(role),
    };
  }

  return {
    profile,

    /**
     * Unknown user and wrong password give the same answer after the same work. A locked
     * account answers "locked" even to the right password until the lock expires.
     */
    async login(input: { username: string; password: string; totp?: string | undefined }, meta: RequestMeta) {
      const now = clock.now();
      const user = await repo.findUserByUsername(input.username.trim().toLowerCase());
      if (!user) {
        await verifyPassword(await decoyHash, input.password);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (user.lockedUntil && user.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
      const event = { actorId: user.id, requestId: meta.requestId };
      const subject = { entityType: 'user', entityId: user.id, regionCode: user.regionCode };

      if (!(await verifyPassword(user.passwordHash, input.password))) {
        const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
        const locked = await db.transaction(async (tx) => {
          const after = await createAuthRepository(tx).recordFailedLogin(
            user.id,
            LOCKOUT_THRESHOLD,
            lockUntil,
          );
          const isLocked = !!after?.lockedUntil && after.lockedUntil > now;
          await recordEvent(tx, event, {
            ...subject,
            action: isLocked ? 'user.locked' : 'auth.login_failed',
            payload: { failedLogins: after?.failedLogins ?? 0 },
          });
          return isLocked;
        });
        throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
      }
      if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
      let step: number | null = null;
      if (user.totpSecret) {
        if (!input.totp) throw new AppError('TOTP_REQUIRED');
        step = totpStep(user.totpSecret, input.totp, now);
        if (step === null) throw new AppError('TOTP_INVALID');
      }

      const token = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        const r = createAuthRepository(tx);
        // A code counts once: an overheard or replayed code (even a concurrent one) is refused.
        if (step !== null && !(await r.claimTotpStep(user.id, step))) throw new AppError('TOTP_INVALID');
        await r.updateUser(user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
        await r.insertSession({
          tokenHash: hashToken(token),
          userId: user.id,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + sessionHours * HOUR),
          ip: meta.ip,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        });
        await recordEvent(tx, event, {
          ...subject,
          action: 'auth.logged_in',
          payload: { totp: !!user.totpSecret },
        });
      });
      return { token, me: await profile(user.id) };
    },

    /** The actor behind a session cookie, or null; a used session slides forward. */
    async authenticate(token: string): Promise<Actor | null> {
      const now = clock.now();
      const s = await repo.findLiveSession(hashToken(token), now);
      if (!s || s.disabled) return null;
      // Write at most once a minute per session: reads must not turn into writes.
      if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
        await repo.touchSession(s.tokenHash, now, new Date(now.getTime() + sessionHours * HOUR));
      }
      return { id: s.userId, role: s.role as Role, regionCode: s.regionCode, orgId: s.orgId };
    },

    async logout(token: string, actor: Actor, requestId: string) {
      await db.transaction(async (tx) => {
        await createAuthRepository(tx).deleteSession(hashToken(token));
        await recordEvent(
          tx,
          { actorId: actor.id, requestId },
          { action: 'auth.logged_out', entityType: 'user', entityId: actor.id, regionCode: actor.regionCode },
        );
      });
    },

    /** Signs out every other session too: a changed password is often a suspected leak. */
    async changePassword(
      actor: Actor,
      currentToken: string,
      currentPassword: string,
      newPassword: string,
      requestId: string,
    ) {
      const user = await repo.findUserById(actor.id);
      if (!user) throw new AppError('UNAUTHENTICATED');
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('WRONG_PASSWORD');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const r = createAuthRepository(tx);
        await r.updateUser(actor.id, { passwordHash, updatedAt: clock.now() });
        await r.deleteSessionsOfUser(actor.id, hashToken(currentToken));
        await recordEvent(
          tx,
          { actorId: actor.id, requestId },
          {
            action: 'user.password_changed',
            entityType: 'user',
            entityId: actor.id,
            regionCode: actor.regionCode,
          },
        );
      });
    },

    /** Starts enrolment: the secret waits as pending until a code proves the phone has it. */
    async beginTotp(actor: Actor) {
      const user = await repo.findUserById(actor.id);
      if (!user) throw new AppError('UNAUTHENTICATED');
      const secret = newTotpSecret();
      await repo.updateUser(actor.id, { totpPendingSecret: secret });
      return { secret, otpauthUrl: totpUrl(secret, user.username) };
    },

    async enableTotp(actor: Actor, code: string, requestId: string) {
      const user = await repo.findUserById(actor.id);
      if (!user?.totpPendingSecret) throw new AppError('TOTP_NOT_PENDING');
      const step = totpStep(user.totpPendingSecret, code, clock.now());
      if (step === null) throw new AppError('TOTP_INVALID');
      await db.transaction(async (tx) => {
        await createAuthRepository(tx).updateUser(actor.id, {
          totpSecret: user.totpPendingSecret,
          totpPendingSecret: null,
          totpLastStep: step,
        });
        await recordEvent(
          tx,
          { actorId: actor.id, requestId },
          {
            action: 'user.totp_enabled',
            entityType: 'user',
            entityId: actor.id,
            regionCode: actor.regionCode,
            payload: { admin: isAdminRole(actor.role) },
          },
        );
      });
    },

    purgeExpiredSessions: () => repo.deleteExpiredSessions(clock.now()),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
