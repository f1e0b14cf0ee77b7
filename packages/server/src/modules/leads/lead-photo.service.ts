import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { type RecordEvent, recordRead } from '../../platform/events.ts';
import { createLeadPhotoRepository } from './lead-photo.repository.ts';
import type { LeadPhotoView } from './lead-photo.schema.ts';

/** Staff reading the photos of a lead. Seeing one is a sensitive read, recorded like any change. */
export function createLeadPhotoService(deps: { db: Db; recordEvent: RecordEvent }) {
  const { db, recordEvent } = deps;
  const repo = createLeadPhotoRepository(db);

  return {
    async list(actor: Actor, leadId: string): Promise<LeadPhotoView[]> {
      // An empty list must mean "no photos", never "a lead you may not see".
      if (!(await repo.findLead(actor, leadId))) throw new AppError('NOT_FOUND');
      const rows = await repo.list(actor, leadId);
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },

    /** The picture itself; the `lead.photo_viewed` event commits before a byte is sent. */
    async view(ctx: Ctx, leadId: string, photoId: string): Promise<{ mime: string; bytes: Buffer }> {
      const photo = await repo.find(ctx.actor, leadId, photoId);
      if (!photo) throw new AppError('NOT_FOUND');
      await recordRead(db, recordEvent, ctx, {
        action: 'lead.photo_viewed',
        entityType: 'lead',
        entityId: leadId,
        regionCode: photo.regionCode,
        payload: { photoId },
      });
      return { mime: photo.mime, bytes: photo.bytes };
    },
  };
}

export type LeadPhotoService = ReturnType<typeof createLeadPhotoService>;
