import { parentRegionCode, type RegionLevel } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { createRegionRepository } from './region.repository.ts';
import type { RegionView } from './region.schema.ts';

type Row = { code: string; name: string; level: string; parentCode: string | null };
const present = (r: Row): RegionView => ({ ...r, level: r.level as RegionLevel });

export function createRegionService({ db }: { db: Db }) {
  const repo = createRegionRepository(db);
  return {
    async get(actor: Actor, code: string) {
      const found = await repo.findByCode(actor, code);
      if (!found) throw new AppError('NOT_FOUND');
      const ancestors: string[] = [];
      for (let p = parentRegionCode(code); p; p = parentRegionCode(p)) ancestors.unshift(p);
      const path = await repo.findMany(ancestors);
      path.sort((a, b) => ancestors.indexOf(a.code) - ancestors.indexOf(b.code));
      return { ...present(found), path: path.map(present) };
    },

    async children(actor: Actor, code: string, limit = 500) {
      if (!(await repo.findByCode(actor, code))) throw new AppError('NOT_FOUND');
      return (await repo.findChildren(actor, code, limit)).map(present);
    },

    /** With neither query nor parent: the actor's own region and the level below it. */
    async list(
      actor: Actor,
      query: { q?: string | undefined; parentCode?: string | undefined; limit: number },
    ) {
      if (query.q) return (await repo.search(actor, query.q, query.limit)).map(present);
      if (query.parentCode) return this.children(actor, query.parentCode, query.limit);
      const root = await repo.findByCode(actor, actor.regionCode);
      const below = await repo.findChildren(actor, actor.regionCode, query.limit);
      return [...(root ? [root] : []), ...below].map(present);
    },

    /** A code the actor may assign a record to (exists and lies in their jurisdiction). */
    async assertAssignable(actor: Actor, code: string) {
      if (!(await repo.findByCode(actor, code))) throw new AppError('REGION_OUT_OF_SCOPE');
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
