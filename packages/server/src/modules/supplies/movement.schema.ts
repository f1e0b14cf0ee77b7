import {
  adjustReasons,
  donorKinds,
  MAX_LINE_QUANTITY,
  movementKinds,
  supplyKinds,
  supplyUnits,
} from '@warmline/domain';
import { z } from 'zod';
import { donorSchema, quantitySchema } from './supply.schema.ts';

/** Movements of the ledger (入库, 调拨, 发放, 盘点, 组装), donations and the Excel import. */

const linesSchema = z
  .array(z.strictObject({ itemId: z.uuid(), quantity: quantitySchema }))
  .min(1)
  .max(50)
  .refine((lines) => new Set(lines.map((l) => l.itemId)).size === lines.length, {
    message: 'an item is listed twice',
  });

/** Every movement may carry the client's own id: a resend with it is stored once (200). */
const common = {
  clientId: z.uuid().nullish(),
  note: z.string().trim().max(200).nullish(),
};

export const receiveBodySchema = z.strictObject({ placeId: z.uuid(), lines: linesSchema, ...common });
export type ReceiveInput = z.infer<typeof receiveBodySchema>;

export const transferBodySchema = z.strictObject({
  fromPlaceId: z.uuid(),
  toPlaceId: z.uuid(),
  lines: linesSchema,
  ...common,
});
export type TransferInput = z.infer<typeof transferBodySchema>;

/** Issue to a team: a transfer into the team's vehicle (made on first issue if it has none). */
export const issueBodySchema = z.strictObject({
  fromPlaceId: z.uuid(),
  teamId: z.uuid(),
  lines: linesSchema,
  ...common,
});
export type IssueInput = z.infer<typeof issueBodySchema>;

export const distributeBodySchema = z.strictObject({
  placeId: z.uuid(),
  lines: linesSchema,
  encounterId: z.uuid().nullish(),
  stayId: z.uuid().nullish(),
  personId: z.uuid().nullish(),
  ...common,
});
export type DistributeInput = z.infer<typeof distributeBodySchema>;

/**
 * A correction with its reason. Stocktake: `quantity` is what was counted on the shelf (0 allowed)
 * and the ledger line is the difference from the book. Damage, expiry: `quantity` is what was
 * written off.
 */
export const adjustBodySchema = z.strictObject({
  placeId: z.uuid(),
  reason: z.enum(adjustReasons),
  lines: z
    .array(z.strictObject({ itemId: z.uuid(), quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) }))
    .min(1)
    .max(50)
    .refine((lines) => new Set(lines.map((l) => l.itemId)).size === lines.length, {
      message: 'an item is listed twice',
    }),
  ...common,
});
export type AdjustInput = z.infer<typeof adjustBodySchema>;

export const assembleBodySchema = z.strictObject({
  placeId: z.uuid(),
  kitItemId: z.uuid(),
  quantity: quantitySchema,
  ...common,
});
export type AssembleInput = z.infer<typeof assembleBodySchema>;

export const donationBodySchema = z.strictObject({
  donorKind: z.enum(donorKinds),
  donorName: z.string().trim().min(1).max(80),
  donorContact: z.string().trim().max(60).nullish(),
  /** The day the goods arrived (Beijing date). */
  receivedOn: z.iso.date(),
  placeId: z.uuid(),
  lines: linesSchema,
  ...common,
});
export type DonationInput = z.infer<typeof donationBodySchema>;

const placeRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const movementSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid().nullable(),
  kind: z.enum(movementKinds),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
  actorName: z.string().nullable(),
  from: placeRef,
  to: placeRef,
  teamId: z.uuid().nullable(),
  encounterId: z.uuid().nullable(),
  stayId: z.uuid().nullable(),
  lines: z.array(
    z.object({
      placeId: z.uuid(),
      itemId: z.uuid(),
      itemName: z.string(),
      unit: z.enum(supplyUnits),
      quantity: z.number().int(),
    }),
  ),
});
export type MovementView = z.infer<typeof movementSchema>;

/** One line of a place's ledger: what moved in or out there, with who, when and why. */
export const ledgerEntrySchema = z.object({
  movementId: z.uuid(),
  kind: z.enum(movementKinds),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
  actorName: z.string().nullable(),
  itemId: z.uuid(),
  itemName: z.string(),
  unit: z.enum(supplyUnits),
  supplyKind: z.enum(supplyKinds),
  /** Signed: into this place (+) or out of it (−). */
  quantity: z.number().int(),
  /** The other side: the place it came from or went to, the team, the donor. */
  counterpart: z.string().nullable(),
  encounterId: z.uuid().nullable(),
  /** A hand-out to someone in a station: their stay. */
  stayId: z.uuid().nullable(),
});
export const ledgerSchema = z.object({ items: z.array(ledgerEntrySchema) });
export const ledgerQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const donationSchema = z.object({
  id: z.uuid(),
  donor: donorSchema,
  receivedOn: z.iso.date(),
  placeId: z.uuid(),
  placeName: z.string(),
  movementId: z.uuid(),
  note: z.string().nullable(),
  lines: z.array(z.object({ itemId: z.uuid(), itemName: z.string(), quantity: z.number().int() })),
  totalQuantity: z.number().int(),
});
export type DonationView = z.infer<typeof donationSchema>;
export const donationListSchema = z.object({ items: z.array(donationSchema) });

export const importResultSchema = z.object({
  movementId: z.uuid(),
  rows: z.number().int(),
  totalQuantity: z.number().int(),
});

/** Why a distribution recorded less than was handed out (账实不符), for the caller to show. */
export const shortfallSchema = z.object({
  supplyKind: z.enum(supplyKinds).nullable(),
  itemId: z.uuid().nullable(),
  quantity: z.number().int(),
});
export const supplyKindSchema = z.enum(supplyKinds);
