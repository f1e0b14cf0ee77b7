import { donorKinds, MAX_LINE_QUANTITY, supplyKinds, supplyPlaceKinds, supplyUnits } from '@warmline/domain';
import { z } from 'zod';

/** The catalogue, places, stock and alerts; movements are in movement.schema.ts. */

const name = z.string().trim().min(1).max(60);
const regionCodeSchema = z.string().regex(/^(\d{6}|\d{9})$/);
export const quantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY);

export const itemBodySchema = z.strictObject({
  name,
  unit: z.enum(supplyUnits),
  supplyKind: z.enum(supplyKinds),
  /** A kit (温暖包): the items one unit of it holds. Omitted or empty: a plain item. */
  components: z
    .array(z.strictObject({ itemId: z.uuid(), quantity: z.number().int().min(1).max(100) }))
    .max(20)
    .default([]),
});
export type ItemInput = z.infer<typeof itemBodySchema>;

export const itemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  unit: z.enum(supplyUnits),
  supplyKind: z.enum(supplyKinds),
  isKit: z.boolean(),
  components: z.array(z.object({ itemId: z.uuid(), name: z.string(), quantity: z.number().int() })),
});
export type ItemView = z.infer<typeof itemSchema>;
export const itemListSchema = z.object({ items: z.array(itemSchema) });

export const placeBodySchema = z.strictObject({
  name,
  kind: z.enum(supplyPlaceKinds),
  regionCode: regionCodeSchema,
  /** The station (kind station, required) or the org that runs the place (optional otherwise). */
  orgId: z.uuid().nullish(),
  /** The patrol team whose vehicle it is (kind team_vehicle, required; other kinds: none). */
  teamId: z.uuid().nullish(),
  address: z.string().trim().max(200).nullish(),
});
export type PlaceInput = z.infer<typeof placeBodySchema>;

export const placeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(supplyPlaceKinds),
  regionCode: z.string(),
  regionName: z.string(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  shelterId: z.uuid().nullable(),
  address: z.string().nullable(),
  /** Items with stock, units in all, and items below their threshold. */
  itemCount: z.number().int(),
  totalQuantity: z.number().int(),
  lowCount: z.number().int(),
});
export type PlaceView = z.infer<typeof placeSchema>;
export const placeListSchema = z.object({ items: z.array(placeSchema) });
export const placeListQuerySchema = z.strictObject({ kind: z.enum(supplyPlaceKinds).optional() });

export const stockRowSchema = z.object({
  placeId: z.uuid(),
  placeName: z.string(),
  placeKind: z.enum(supplyPlaceKinds),
  regionCode: z.string(),
  itemId: z.uuid(),
  itemName: z.string(),
  unit: z.enum(supplyUnits),
  supplyKind: z.enum(supplyKinds),
  isKit: z.boolean(),
  quantity: z.number().int(),
  minQuantity: z.number().int().nullable(),
  low: z.boolean(),
});
export type StockRowView = z.infer<typeof stockRowSchema>;
export const stockListSchema = z.object({ items: z.array(stockRowSchema) });
export const stockQuerySchema = z.strictObject({
  kind: z.enum(supplyPlaceKinds).optional(),
  placeId: z.uuid().optional(),
});

export const thresholdBodySchema = z.strictObject({
  itemId: z.uuid(),
  /** Alert when the stock falls below this; null removes the threshold. */
  minQuantity: z.number().int().min(0).max(MAX_LINE_QUANTITY).nullable(),
});

export const discrepancySchema = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  placeName: z.string(),
  itemId: z.uuid().nullable(),
  itemName: z.string().nullable(),
  supplyKind: z.enum(supplyKinds).nullable(),
  quantity: z.number().int(),
  movementId: z.uuid(),
  encounterId: z.uuid().nullable(),
  raisedAt: z.iso.datetime(),
});
export type DiscrepancyView = z.infer<typeof discrepancySchema>;
export const alertsSchema = z.object({
  lowStock: z.array(stockRowSchema),
  discrepancies: z.array(discrepancySchema),
});
export const resolveBodySchema = z.strictObject({ note: z.string().trim().max(200).nullish() }).nullish();

export const supplyTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  regionCode: z.string(),
  vehicle: z.string().nullable(),
  placeId: z.uuid().nullable(),
});
export const supplyTeamListSchema = z.object({ items: z.array(supplyTeamSchema) });

export const teamStockSchema = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  placeId: z.uuid().nullable(),
  items: z.array(stockRowSchema.omit({ placeId: true, placeName: true, placeKind: true, regionCode: true })),
});
export type TeamStockView = z.infer<typeof teamStockSchema>;

export const idParamsSchema = z.strictObject({ id: z.uuid() });
export const teamParamsSchema = z.strictObject({ teamId: z.uuid() });

export const donorSchema = z.object({
  kind: z.enum(donorKinds),
  name: z.string(),
  /** Masked: a donor's phone is personal data. */
  contactMasked: z.string().nullable(),
});
