import { type AgeBand, type AssistanceCategory, maskResidentId } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import { createPersonRepository, type PersonRow } from './person.repository.ts';
import type { PersonView } from './person.schema.ts';

/**
 * Persons (受助人员): found by name as heard (characters or pinyin), by temporary number,
 * features or home region; each with the timeline of their encounters. Two records of the same
 * person are merged — the duplicate is kept, pointing at the other — and a merge can be undone.
 */
export function createPersonService(deps: { db: Db; clock: Clock; recordEvent: RecordEvent }) {
  const { db, clock, recordEvent } = deps;
  const repo = createPersonRepository(db);

  async function present(rows: PersonRow[]): Promise<PersonView[]> {
    const stats = await repo.stats(rows.map((p) => p.id));
    return rows.map((p) => {
      const s = stats.find((x) => x.personId === p.id);
      return {
        id: p.id,
        tempNumber: p.tempNumber,
        regionCode: p.regionCode,
        name: p.name,
        sex: p.sex,
        ageBand: p.ageBand as AgeBand | null,
        residentId: maskResidentId(p.residentId),
        homeRegion: p.homeRegion,
        dialect: p.dialect,
        features: p.features,
        mergedInto: p.mergedInto,
        encounterCount: s?.n ?? 0,
        lastSeen: s ? { at: new Date(s.lastAt).toISOString(), lat: s.last.lat, lng: s.last.lng } : null,
      };
    });
  }

  async function get(actor: Actor, id: string) {
    const row = await repo.findById(actor, id);
    if (!row) throw new AppError('NOT_FOUND');
    const [view] = await present([row]);
    const [encounters, merged] = await Promise.all([repo.encountersOf(id), repo.mergedInto(id)]);
    return {
      ...view!,
      encounters: encounters.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        lat: e.lat,
        lng: e.lng,
        category: e.category as AssistanceCategory,
        teamId: e.teamId,
        note: e.note,
        mergedFromPersonId: e.mergedFromPersonId,
        photoCount: e.photoCount,
      })),
      merged: merged.map((m) => ({ id: m.id, tempNumber: m.tempNumber, name: m.name })),
    };
  }

  return {
    get,
    search: async (actor: Actor, q?: string) => ({ items: await present(await repo.search(actor, q)) }),

    /** Merges `duplicateId` into `intoId`: its encounters move over; the record stays, marked. */
    async merge(ctx: Ctx, duplicateId: string, intoId: string) {
      const moved = await db.transaction(async (tx) => {
        const r = createPersonRepository(tx);
        // Lock both in a fixed order so two opposite merges cannot deadlock.
        const [a, b] = [duplicateId, intoId].sort();
        const locked = new Map([
          [a!, await r.lockById(ctx.actor, a!)],
          [b!, await r.lockById(ctx.actor, b!)],
        ]);
        const dup = locked.get(duplicateId);
        const into = locked.get(intoId);
        if (!dup || !into) throw new AppError('NOT_FOUND');
        if (duplicateId === intoId || dup.mergedInto || into.mergedInto)
          throw new AppError('PERSON_MERGE_INVALID');
        const n = await r.merge(duplicateId, intoId, clock.now());
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'person.merged',
            entityType: 'person',
            entityId: duplicateId,
            regionCode: dup.regionCode,
            payload: { intoId, encountersMoved: n },
          },
        );
        return n;
      });
      return { moved, person: await get(ctx.actor, intoId) };
    },

    async unmerge(ctx: Ctx, duplicateId: string) {
      await db.transaction(async (tx) => {
        const r = createPersonRepository(tx);
        const dup = await r.lockById(ctx.actor, duplicateId);
        if (!dup) throw new AppError('NOT_FOUND');
        if (!dup.mergedInto) throw new AppError('PERSON_NOT_MERGED');
        const n = await r.unmerge(duplicateId);
        await recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'person.unmerged',
            entityType: 'person',
            entityId: duplicateId,
            regionCode: dup.regionCode,
            payload: { fromId: dup.mergedInto, encountersMoved: n },
          },
        );
      });
      return get(ctx.actor, duplicateId);
    },
  };
}
export type PersonService = ReturnType<typeof createPersonService>;
