import { assignableRoles, type EventAction, maskPhone, type Role } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { appUser } from '../../db/schema.ts';
import type { Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { type RecordEvent, recordSensitiveRead } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { createAuthRepository } from '../auth/auth.repository.ts';
import { hashPassword } from '../auth/password.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { RegionService } from '../regions/region.service.ts';
import { createUserRepository, type UserFilter } from './user.repository.ts';
import type { UserView } from './user.schema.ts';

type Row = { user: typeof appUser.$inferSelect; regionName: string; orgName: string | null };

function present(row: Row, now: Date): UserView {
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    regionCode: u.regionCode,
    regionName: row.regionName,
    orgId: u.orgId,
    orgName: row.orgName,
    phoneMasked: maskPhone(u.phone),
    disabled: u.disabled,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    totpEnabled: u.totpSecret !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  orgId?: string | null | undefined;
  password: string;
  phone?: string | null | undefined;
}

export function createUserService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  regions: RegionService;
  orgs: OrgService;
}) {
  const { db, clock, ids, recordEvent, regions, orgs } = deps;
  const repo = createUserRepository(db);

  async function find(ctx: Pick<Ctx, 'actor'>, id: string): Promise<Row> {
    const row = await repo.findById(ctx.actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
  const get = async (ctx: Pick<Ctx, 'actor'>, id: string) => present(await find(ctx, id), clock.now());

  /** Managing someone whose role you could not grant would let you act above your rank. */
  function assertOutranks(ctx: Ctx, role: string) {
    if (!assignableRoles(ctx.actor.role).includes(role as Role)) throw new AppError('ROLE_NOT_ASSIGNABLE');
  }

  /** Role, region and organisation must all be the actor's to give. */
  async function assertGrantable(
    ctx: Ctx,
    input: { role?: Role | undefined; regionCode?: string | undefined; orgId?: string | null | undefined },
  ) {
    if (input.role && !assignableRoles(ctx.actor.role).includes(input.role))
      throw new AppError('ROLE_NOT_ASSIGNABLE');
    if (input.regionCode) await regions.assertAssignable(ctx.actor, input.regionCode);
    if (input.orgId)
      await orgs.get(ctx, input.orgId).catch(() => {
        throw new AppError('VALIDATION_FAILED', { field: 'orgId', reason: 'unknown organisation' });
      });
  }

  /** One transaction per change, with its event; `entity` is always the user. */
  async function change(
    ctx: Ctx,
    id: string,
    regionCode: string,
    action: EventAction,
    values: Partial<typeof appUser.$inferInsert>,
    payload: Record<string, unknown> = {},
    endSessions = false,
  ) {
    await db.transaction(async (tx) => {
      if (
        (await createUserRepository(tx).update(ctx.actor, id, { ...values, updatedAt: clock.now() })) === 0
      ) {
        throw new AppError('NOT_FOUND');
      }
      if (endSessions) await createAuthRepository(tx).deleteSessionsOfUser(id);
      await recordEvent(
        tx,
        { actorId: ctx.actor.id, requestId: ctx.requestId },
        { action, entityType: 'user', entityId: id, regionCode, payload },
      );
    });
  }

  return {
    get,

    async list(ctx: Pick<Ctx, 'actor'>, filter: UserFilter, page: number, pageSize: number) {
      const now = clock.now();
      const [rows, total] = await Promise.all([
        repo.list(ctx.actor, filter, page, pageSize),
        repo.count(ctx.actor, filter),
      ]);
      return { items: rows.map((r) => present(r, now)), total };
    },

    async create(ctx: Ctx, input: UserInput): Promise<UserView> {
      await assertGrantable(ctx, input);
      const id = ids.next();
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        const r = createUserRepository(tx);
        if (await r.usernameTaken(input.username)) throw new AppError('USERNAME_TAKEN');
        const now = clock.now();
        await r.insert({
          id,
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          regionCode: input.regionCode,
          orgId: input.orgId ?? null,
          phone: input.phone ?? null,
          createdBy: ctx.actor.id,
          createdAt: now,
          updatedAt: now,
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'user.created',
            entityType: 'user',
            entityId: id,
            regionCode: input.regionCode,
            payload: { role: input.role },
          },
        );
      });
      return get(ctx, id);
    },

    async update(
      ctx: Ctx,
      id: string,
      patch: Partial<Omit<UserInput, 'username' | 'password'>> & { disabled?: boolean | undefined },
    ) {
      const before = (await find(ctx, id)).user;
      if (id === ctx.actor.id && (patch.disabled || (patch.role && patch.role !== before.role))) {
        throw new AppError('FORBIDDEN', { reason: 'cannot disable or re-role yourself' });
      }
      assertOutranks(ctx, before.role);
      if (Object.keys(patch).length === 0) return get(ctx, id);
      await assertGrantable(ctx, patch);
      const regionCode = patch.regionCode ?? before.regionCode;
      const roleOrPlaceChanged =
        patch.role !== undefined || patch.regionCode !== undefined || !!patch.disabled;
      await change(
        ctx,
        id,
        regionCode,
        patch.disabled === true && !before.disabled ? 'user.disabled' : 'user.updated',
        patch,
        { fields: Object.keys(patch) },
        roleOrPlaceChanged,
      );
      return get(ctx, id);
    },

    async resetPassword(ctx: Ctx, id: string, password: string) {
      const user = (await find(ctx, id)).user;
      assertOutranks(ctx, user.role);
      await change(
        ctx,
        id,
        user.regionCode,
        'user.password_reset',
        { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null },
        {},
        true,
      );
    },

    async unlock(ctx: Ctx, id: string) {
      const user = (await find(ctx, id)).user;
      assertOutranks(ctx, user.role);
      await change(ctx, id, user.regionCode, 'user.unlocked', { failedLogins: 0, lockedUntil: null });
    },

    /** For a lost phone: the user signs in with the password alone and enrols again. */
    async resetTotp(ctx: Ctx, id: string) {
      const user = (await find(ctx, id)).user;
      assertOutranks(ctx, user.role);
      await change(
        ctx,
        id,
        user.regionCode,
        'user.totp_reset',
        { totpSecret: null, totpPendingSecret: null, totpLastStep: null },
        {},
        true,
      );
    },

    /** Reading a phone number in full is a deliberate, audited act. */
    async revealPhone(ctx: Ctx, id: string) {
      const user = (await find(ctx, id)).user;
      await recordSensitiveRead(db, recordEvent, ctx, {
        action: 'user.phone_viewed',
        entityType: 'user',
        entityId: id,
        regionCode: user.regionCode,
        field: 'phone',
      });
      return { phone: user.phone };
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
