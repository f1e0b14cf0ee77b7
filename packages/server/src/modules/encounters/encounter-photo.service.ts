import { type AgeBand, isMinor, MAX_LEAD_PHOTOS, type ObservedFact } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { type RecordEvent, recordRead } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { phoneTime } from '../../platform/phone-time.ts';
import { processPhoto } from '../leads/lead-photo.ts';
import { createEncounterRepository } from './encounter.repository.ts';
import { createEncounterPhotoRepository } from './encounter-photo.repository.ts';
import type { EncounterPhotoInput, EncounterPhotoView } from './encounter-photo.schema.ts';

/** As long as the encounter itself may arrive late (a night and a day offline). */
const MAX_AGE_HOURS = 36;

const present = (r: { id: string; width: number; height: number; ofMinor: boolean; takenAt: Date }) =>
  ({
    id: r.id,
    width: r.width,
    height: r.height,
    ofMinor: r.ofMinor,
    takenAt: r.takenAt.toISOString(),
  }) satisfies EncounterPhotoView;

/**
 * Photos taken with an encounter. The phone sends each after its encounter (the outbox keeps the
 * order), once per client id. Staff see a list of sizes; each picture is an audited read, and a
 * minor's needs a stated reason.
 */
export function createEncounterPhotoService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  recordEvent: RecordEvent;
}) {
  const { db, clock, ids, recordEvent } = deps;
  const repo = createEncounterPhotoRepository(db);

  return {
    async add(
      ctx: Ctx,
      encounterClientId: string,
      input: EncounterPhotoInput,
      upload: Buffer | undefined,
    ): Promise<{ created: boolean; photo: EncounterPhotoView }> {
      const { actor } = ctx;
      const existing = await repo.byClientId(input.clientId);
      if (existing) {
        if (existing.userId !== actor.id) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return { created: false, photo: present(existing) };
      }
      // Only its recorder adds photos to an encounter (the phone's outbox sends in their session).
      const found = await createEncounterRepository(db).byClientId(encounterClientId);
      if (!found || found.encounter.userId !== actor.id) throw new AppError('NOT_FOUND');
      const { encounter: e } = found;
      if (!upload)
        throw new AppError('VALIDATION_FAILED', { in: 'body', field: 'photos', reason: 'one photo' });
      const takenAt = phoneTime(input.at, clock.now(), MAX_AGE_HOURS);
      const image = await processPhoto(upload);
      const row = {
        id: ids.next(),
        clientId: input.clientId,
        encounterId: e.id,
        regionCode: e.regionCode,
        ofMinor: isMinor({ facts: e.facts as ObservedFact[], ageBand: e.ageBand as AgeBand | null }),
        mime: image.mime,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
        takenAt,
        userId: actor.id,
      };
      const created = await db.transaction(async (tx) => {
        const r = createEncounterPhotoRepository(tx);
        // Counted with the encounter locked: two photos sent at once cannot both be the third.
        await r.lockEncounter(e.id);
        if ((await r.countOf(e.id)) >= MAX_LEAD_PHOTOS)
          throw new AppError('TOO_MANY_PHOTOS', { max: MAX_LEAD_PHOTOS });
        if (!(await r.insert(row))) return false;
        await recordEvent(
          tx,
          { actorId: actor.id, requestId: ctx.requestId },
          {
            action: 'encounter.photo_added',
            entityType: 'encounter',
            entityId: e.id,
            regionCode: e.regionCode,
            payload: { photoId: row.id, ofMinor: row.ofMinor },
          },
        );
        return true;
      });
      if (!created) {
        const winner = await repo.byClientId(input.clientId);
        if (!winner || winner.userId !== actor.id) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        return { created: false, photo: present(winner) };
      }
      return { created: true, photo: present(row) };
    },

    async list(actor: Actor, encounterId: string): Promise<{ items: EncounterPhotoView[] }> {
      // An empty list must mean "no photos", never "an encounter you may not see".
      if (!(await createEncounterRepository(db).findById(actor, encounterId)))
        throw new AppError('NOT_FOUND');
      return { items: (await repo.list(actor, encounterId)).map(present) };
    },

    /** The picture itself; the `encounter.photo_viewed` event commits before a byte is sent. */
    async view(ctx: Ctx, encounterId: string, photoId: string, reason?: string) {
      const photo = await repo.find(ctx.actor, encounterId, photoId);
      if (!photo) throw new AppError('NOT_FOUND');
      if (photo.ofMinor && !reason) throw new AppError('PHOTO_REASON_REQUIRED');
      await recordRead(db, recordEvent, ctx, {
        action: 'encounter.photo_viewed',
        entityType: 'encounter',
        entityId: encounterId,
        regionCode: photo.regionCode,
        payload: { photoId, ofMinor: photo.ofMinor, reason: reason ?? null },
      });
      return { mime: photo.mime, bytes: photo.bytes };
    },
  };
}

export type EncounterPhotoService = ReturnType<typeof createEncounterPhotoService>;
