import {
  arrivalKinds,
  careKinds,
  dischargeTypes,
  stayStates,
  triageFacts,
  zoneKinds,
} from '@warmline/domain';
import { z } from 'zod';

const sexes = ['male', 'female', 'unknown'] as const;
const text = (max: number) => z.string().trim().min(1).max(max);
const item = z.strictObject({
  item: text(60),
  quantity: z.number().int().min(1).max(999),
  note: text(200).optional(),
});

/** 求助登记 at the door: a patrol's hand-over, a walk-in or a police delivery, and the triage. */
export const arriveBodySchema = z.strictObject({
  orgId: z.uuid(),
  /** Receiving a pending hand-over: the person comes with it. */
  handoverId: z.uuid().optional(),
  arrivalKind: z.enum(['walk_in', 'police_delivery']).optional(),
  /** An existing person record (found by search); else a new one with a temporary number. */
  personId: z.uuid().optional(),
  name: text(40).optional(),
  sex: z.enum(sexes).default('unknown'),
  age: z.number().int().min(0).max(120).optional(),
  triageFacts: z.array(z.enum(triageFacts)).max(triageFacts.length).default([]),
  reasonForHelp: text(500).optional(),
});
export type ArriveInput = z.infer<typeof arriveBodySchema>;

/** Security check and registration of the basic items; a bed in the zone the rules choose. */
export const admitBodySchema = z.strictObject({
  sex: z.enum(sexes),
  /** Told, read from the ID, or estimated: the stay rules depend on it. */
  age: z.number().int().min(0).max(120),
  name: text(40).optional(),
  homeRegion: text(60).optional(),
  disabled: z.boolean().default(false),
  impaired: z.boolean().default(false),
  /** "Help first, identify later": opens a tracing task. */
  identityUnknown: z.boolean().default(false),
  reasonForHelp: text(500),
  photoTaken: z.boolean().default(false),
  fingerprintTaken: z.boolean().default(false),
  belongings: z.array(item).max(40).default([]),
  /** Dangerous items not let in (knives, lighters fluid …), handed to the police or destroyed. */
  refusedItems: z.array(item).max(20).default([]),
  /** Observation zone instead of the one by sex (an adult the staff want to watch). */
  needsObservation: z.boolean().default(false),
});
export type AdmitInput = z.infer<typeof admitBodySchema>;

export const bedBodySchema = z.strictObject({ bedId: z.uuid() });
export const careBodySchema = z.strictObject({ kind: z.enum(careKinds), note: text(500).optional() });
export const extensionBodySchema = z.strictObject({
  days: z.number().int().min(1).max(30),
  reason: text(300),
});
export const dischargeBodySchema = z.strictObject({
  type: z.enum(dischargeTypes),
  details: z.record(
    z.string(),
    z.union([z.string().max(300), z.boolean(), z.array(z.string().max(40)).max(6)]),
  ),
});
export const zonesBodySchema = z.strictObject({
  zones: z
    .array(
      z.strictObject({
        kind: z.enum(zoneKinds),
        name: text(20),
        capacity: z.number().int().min(0).max(500),
        /** Bed labels are `<prefix>-01` …; e.g. 男, 女, 未, 医. */
        prefix: text(4),
      }),
    )
    .min(1)
    .max(12),
});
export const stayIdParamsSchema = z.strictObject({ id: z.uuid() });
export const stayListQuerySchema = z.strictObject({
  /** open: arrived and admitted; long: admitted past 10 days; discharged: the last 200 gone. */
  view: z.enum(['open', 'long', 'discharged', 'referred']).default('open'),
});

export const stayViewSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  regionCode: z.string(),
  state: z.enum(stayStates),
  arrivalKind: z.enum(arrivalKinds),
  person: z.object({
    id: z.uuid(),
    tempNumber: z.string(),
    name: z.string().nullable(),
    residentId: z.string().nullable(),
  }),
  sex: z.enum(sexes),
  age: z.number().int().nullable(),
  disabled: z.boolean(),
  impaired: z.boolean(),
  triage: z.object({
    facts: z.array(z.enum(triageFacts)),
    route: z.enum(['hospital', 'police', 'admit']),
    notifyPolice: z.boolean(),
  }),
  reasonForHelp: z.string().nullable(),
  identityUnknown: z.boolean(),
  photoTaken: z.boolean(),
  fingerprintTaken: z.boolean(),
  receiptNumber: z.string().nullable(),
  arrivedAt: z.iso.datetime(),
  admittedAt: z.iso.datetime().nullable(),
  dischargedAt: z.iso.datetime().nullable(),
  dischargeType: z.enum(dischargeTypes).nullable(),
  /** Day of the stay (arrival day = 1, Beijing calendar), while in the station. */
  day: z.number().int().nullable(),
  /** Days allowed with approved extensions; null = no limit (under 16, impaired). */
  allowedDays: z.number().int().nullable(),
  longStay: z.boolean(),
  overstay: z.boolean(),
  bed: z
    .object({ id: z.uuid(), label: z.string(), zoneName: z.string(), zoneKind: z.enum(zoneKinds) })
    .nullable(),
});
export type StayView = z.infer<typeof stayViewSchema>;

export const stayDetailSchema = stayViewSchema.extend({
  belongings: z.array(
    z.object({
      id: z.uuid(),
      item: z.string(),
      quantity: z.number().int(),
      state: z.string(),
      note: z.string().nullable(),
    }),
  ),
  care: z.array(
    z.object({ id: z.uuid(), kind: z.enum(careKinds), note: z.string().nullable(), at: z.iso.datetime() }),
  ),
  /** The five basics done so far (五个一). */
  basicsDone: z.array(z.enum(careKinds)),
  extensions: z.array(z.object({ days: z.number().int(), reason: z.string(), approvedAt: z.iso.datetime() })),
  tracing: z.object({ id: z.uuid(), state: z.string(), openedAt: z.iso.datetime() }).nullable(),
  dischargeDetails: z.record(z.string(), z.unknown()).nullable(),
});
export type StayDetail = z.infer<typeof stayDetailSchema>;

export const stayListSchema = z.object({ items: z.array(stayViewSchema) });

export const bedBoardSchema = z.object({
  stations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      zones: z.array(
        z.object({
          id: z.uuid(),
          kind: z.enum(zoneKinds),
          name: z.string(),
          capacity: z.number().int(),
          occupied: z.number().int(),
          beds: z.array(z.object({ id: z.uuid(), label: z.string(), stayId: z.uuid().nullable() })),
        }),
      ),
    }),
  ),
});
