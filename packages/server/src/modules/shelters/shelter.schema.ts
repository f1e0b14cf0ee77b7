import {
  phonePattern,
  regionCodeSchema,
  shelterAvailabilities,
  shelterHostKinds,
  shelterHoursSchema,
  shelterKinds,
  shelterServices,
  shelterStatuses,
} from '@warmline/domain';
import { z } from 'zod';

const phoneSchema = z.string().trim().regex(phonePattern);
const capacitySchema = z.number().int().min(0).max(2000);

export const shelterBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(shelterKinds),
  hostKind: z.enum(shelterHostKinds),
  hostName: z.string().trim().max(80).nullish(),
  /** The station running the place (host kind `station`); its staff then keep it. */
  orgId: z.uuid().nullish(),
  regionCode: regionCodeSchema,
  address: z.string().trim().min(1).max(200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** The usual hours; activation may set others for the cold spell. */
  hours: shelterHoursSchema,
  capacityDay: capacitySchema,
  capacityNight: capacitySchema,
  services: z.array(z.enum(shelterServices)).max(shelterServices.length).default([]),
  /** Shown on the public finder. */
  publicPhone: phoneSchema.nullish(),
  /** Staff only: the person in charge and their number. */
  contactName: z.string().trim().max(40).nullish(),
  contactPhone: phoneSchema.nullish(),
  notes: z.string().trim().max(500).nullish(),
  /** Users (场所管理员 or station staff) who count the people there. */
  keeperIds: z.array(z.uuid()).max(20).default([]),
});
export type ShelterInput = z.infer<typeof shelterBodySchema>;

export const activateBodySchema = z.strictObject({ hours: shelterHoursSchema });

export const occupancyBodySchema = z.strictObject({
  /** Made on the phone, so a count resent after a lost answer is stored once. */
  clientId: z.uuid(),
  /** Everyone inside now (not a difference): a late resend cannot add twice. */
  count: z.number().int(),
  /** When it was counted on the phone; defaults to now, never in the future. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type OccupancyInput = z.infer<typeof occupancyBodySchema>;

export const shelterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(shelterKinds),
  hostKind: z.enum(shelterHostKinds),
  hostName: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  hours: shelterHoursSchema,
  capacityDay: z.number().int(),
  capacityNight: z.number().int(),
  /** The capacity in force now (night or day) and the most a count may say. */
  capacityNow: z.number().int(),
  maxOccupancy: z.number().int(),
  services: z.array(z.enum(shelterServices)),
  status: z.enum(shelterStatuses),
  occupancy: z.number().int(),
  occupancyAt: z.iso.datetime().nullable(),
  /** What the public finder says about it now; null when standby or closed. */
  availability: z.enum(shelterAvailabilities).nullable(),
  publicPhone: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  statusChangedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  keepers: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
});
export type ShelterView = z.infer<typeof shelterSchema>;

export const shelterCountSchema = z.object({
  clientId: z.uuid(),
  count: z.number().int(),
  at: z.iso.datetime(),
  userName: z.string().nullable(),
});

export const shelterDetailSchema = shelterSchema.extend({ counts: z.array(shelterCountSchema) });

export const shelterIdParamsSchema = z.strictObject({ id: z.uuid() });
export const shelterListQuerySchema = z.strictObject({ status: z.enum(shelterStatuses).optional() });
export const shelterListSchema = z.object({ items: z.array(shelterSchema) });

/** The finder's question: a GPS position, or a typed place name (no geocoding offline). */
export const publicShelterQuerySchema = z.strictObject({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  q: z.string().trim().max(40).optional(),
});

/** A place as the public sees it: no keeper, no contact person, no private number, no count. */
export const publicShelterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(shelterKinds),
  hostKind: z.enum(shelterHostKinds),
  address: z.string(),
  regionName: z.string(),
  lat: z.number(),
  lng: z.number(),
  hours: shelterHoursSchema,
  hoursText: z.string(),
  services: z.array(z.enum(shelterServices)),
  availability: z.enum(shelterAvailabilities),
  phone: z.string().nullable(),
  distanceM: z.number().int().nullable(),
  /** Walking directions in Amap (GCJ-02 at the map's edge); a link, nothing fetched. */
  routeUrl: z.string(),
});
export type PublicShelter = z.infer<typeof publicShelterSchema>;

export const publicShelterListSchema = z.object({
  /** Where distances were measured from, when a typed place was recognised (or GPS). */
  origin: z
    .object({
      kind: z.enum(['position', 'shelter', 'org', 'region']),
      label: z.string().nullable(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    })
    .nullable(),
  /** A typed place that matched nothing we know: the list is then the whole city's. */
  unmatched: z.boolean(),
  items: z.array(publicShelterSchema),
  at: z.iso.datetime(),
});
export type PublicShelterList = z.infer<typeof publicShelterListSchema>;
