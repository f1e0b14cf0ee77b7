import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/pool.ts';
import { lead, leadPhoto } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { inJurisdiction } from '../../platform/scope.ts';

export type LeadPhotoRow = typeof leadPhoto.$inferInsert;

/** Photos are scoped through their lead: a photo of a lead outside the jurisdiction is not found. */
export function createLeadPhotoRepository(db: DbOrTx) {
  const ofLead = (actor: Actor, leadId: string) =>
    and(eq(leadPhoto.leadId, leadId), inJurisdiction(lead.regionCode, actor));
  const onLead = eq(lead.id, leadPhoto.leadId);

  return {
    insertMany: async (rows: LeadPhotoRow[]) => {
      if (rows.length) await db.insert(leadPhoto).values(rows);
    },

    findLead: async (actor: Actor, leadId: string) =>
      (
        await db
          .select({ id: lead.id, regionCode: lead.regionCode })
          .from(lead)
          .where(and(eq(lead.id, leadId), inJurisdiction(lead.regionCode, actor)))
          .limit(1)
      )[0] ?? null,

    /** Sizes and times only; the bytes are read one photo at a time, audited. */
    list: (actor: Actor, leadId: string) =>
      db
        .select({
          id: leadPhoto.id,
          width: leadPhoto.width,
          height: leadPhoto.height,
          createdAt: leadPhoto.createdAt,
        })
        .from(leadPhoto)
        .innerJoin(lead, onLead)
        .where(ofLead(actor, leadId))
        .orderBy(asc(leadPhoto.id)),

    find: async (actor: Actor, leadId: string, photoId: string) =>
      (
        await db
          .select({
            id: leadPhoto.id,
            mime: leadPhoto.mime,
            bytes: leadPhoto.bytes,
            regionCode: lead.regionCode,
          })
          .from(leadPhoto)
          .innerJoin(lead, onLead)
          .where(and(ofLead(actor, leadId), eq(leadPhoto.id, photoId)))
          .limit(1)
      )[0] ?? null,
  };
}
