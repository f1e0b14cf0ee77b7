import type { Db } from '../../db/pool.ts';
import type { Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import type { RegionService } from '../regions/region.service.ts';
import { createOrgRepository } from './org.repository.ts';
import type { OrgView } from './org.schema.ts';

type OrgInput = {
  name: string;
  kind: OrgView['kind'];
  regionCode: string;
  bedCount?: number | null | undefined;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
};

export function createOrgService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
  regions: RegionService;
}) {
  const { db, clock, ids, recordEvent, regions } = deps;
  const repo = createOrgRepository(db);

  async function get(ctx: Pick<Ctx, 'actor'>, id: string): Promise<OrgView> {
    const found = await repo.findById(ctx.actor, id);
    if (!found) throw new AppError('NOT_FOUND');
    return found as OrgView;
  }

  return {
    get,
    list: async (ctx: Pick<Ctx, 'actor'>, filter: Parameters<typeof repo.list>[1]) =>
      (await repo.list(ctx.actor, filter)) as OrgView[],

    async create(ctx: Ctx, input: OrgInput): Promise<OrgView> {
      await regions.assertAssignable(ctx.actor, input.regionCode);
      const id = ids.next();
      await db.transaction(async (tx) => {
        const r = createOrgRepository(tx);
        if (await r.nameTaken(input.regionCode, input.name)) throw new AppError('ORG_NAME_TAKEN');
        await r.insert({
          id,
          ...input,
          bedCount: input.kind === 'station' ? (input.bedCount ?? null) : null,
          createdBy: ctx.actor.id,
          createdAt: clock.now(),
          updatedAt: clock.now(),
        });
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'org.created',
            entityType: 'org',
            entityId: id,
            regionCode: input.regionCode,
            payload: { kind: input.kind },
          },
        );
      });
      return get(ctx, id);
    },

    async update(ctx: Ctx, id: string, patch: Partial<OrgInput>): Promise<OrgView> {
      const before = await get(ctx, id);
      if (Object.keys(patch).length === 0) return before;
      if (patch.regionCode) await regions.assertAssignable(ctx.actor, patch.regionCode);
      // Beds belong to stations only, whichever of kind or bedCount the patch changes.
      const values = (patch.kind ?? before.kind) === 'station' ? patch : { ...patch, bedCount: null };
      await db.transaction(async (tx) => {
        const r = createOrgRepository(tx);
        const regionCode = patch.regionCode ?? before.regionCode;
        if (
          (patch.name || patch.regionCode) &&
          (await r.nameTaken(regionCode, patch.name ?? before.name, id))
        ) {
          throw new AppError('ORG_NAME_TAKEN');
        }
        if ((await r.update(ctx.actor, id, { ...values, updatedAt: clock.now() })) === 0)
          throw new AppError('NOT_FOUND');
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'org.updated',
            entityType: 'org',
            entityId: id,
            regionCode,
            payload: { fields: Object.keys(patch) },
          },
        );
      });
      return get(ctx, id);
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
