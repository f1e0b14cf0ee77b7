import { responseLevels, warningColours, warningKinds } from '@warmline/domain';
import { z } from 'zod';

const level = z.enum(responseLevels);
const warningRef = z.object({
  id: z.uuid(),
  kind: z.string(),
  colour: z.string(),
  headline: z.string().nullable(),
  endedAt: z.string().nullable(),
  expires: z.string().nullable(),
});

export const responseSchema = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  level,
  state: z.enum(['active', 'ended']),
  proposedAt: z.string(),
  activatedAt: z.string(),
  auto: z.boolean(),
  endedAt: z.string().nullable(),
  levels: z.array(z.object({ level: level.nullable(), at: z.string(), by: z.string().nullable() })),
});

export const taskSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  level,
  ownerRole: z.string(),
  dueAt: z.string(),
  state: z.enum(['open', 'done', 'cancelled']),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  onTime: z.boolean(),
  note: z.string().nullable(),
});

export const proposalSchema = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(['activate', 'escalate', 'lower', 'deactivate']),
  title: z.string(),
  fromLevel: level.nullable(),
  toLevel: level.nullable(),
  forecastMinC: z.number().nullable(),
  state: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  warnings: z.array(warningRef),
});

export const tighteningSchema = z.object({
  recheckFactor: z.number(),
  hotspotIntervalHours: z.number(),
  acceptMinutes: z.number(),
  arriveMinutes: z.number(),
  minTeamsOnDuty: z.number(),
});

export const statusSchema = z.object({
  level: level.nullable(),
  active: z.array(responseSchema),
  openProposals: z.number().int(),
  tightening: tighteningSchema,
});

export const responseListSchema = z.object({
  items: z.array(
    responseSchema.extend({ tasksOpen: z.number(), tasksOverdue: z.number(), tasksDone: z.number() }),
  ),
});

const taskDetailSchema = z
  .object({
    teams: z.object({ onDuty: z.number(), minimum: z.number() }).optional(),
    supplies: z
      .object({
        forecastMinC: z.number().nullable(),
        available: z.number(),
        targets: z.array(
          z.object({
            kind: z.enum(['shelter', 'team_vehicle']),
            name: z.string(),
            expected: z.number(),
            have: z.number(),
            suggested: z.number(),
          }),
        ),
      })
      .optional(),
  })
  .nullable();

export const responseDetailSchema = responseSchema.extend({
  warnings: z.array(warningRef),
  tasks: z.array(taskSchema.extend({ detail: taskDetailSchema })),
  proposals: z.array(proposalSchema),
});

export const reportSchema = responseSchema.extend({
  hours: z.number(),
  tasks: z.object({
    total: z.number(),
    done: z.number(),
    onTime: z.number(),
    overdue: z.number(),
    cancelled: z.number(),
  }),
  figures: z.object({
    leads: z.number(),
    encounters: z.number(),
    admitted: z.number(),
    medianLeadToArrivalMinutes: z.number().nullable(),
    sheltersOpened: z.number(),
    itemsMoved: z.number(),
    itemsHandedOut: z.number(),
    shelters: z.array(z.object({ id: z.uuid(), name: z.string(), peak: z.number(), capacity: z.number() })),
    nights: z.array(
      z.object({ night: z.string(), minC: z.number().nullable(), encounters: z.number(), leads: z.number() }),
    ),
  }),
});

const condition = z.union([
  z.strictObject({ kind: z.enum(warningKinds), atLeast: z.enum(warningColours) }),
  z.strictObject({ forecastAtOrBelowC: z.number().min(-40).max(20) }),
]);
export const ruleSchema = z.strictObject({ level, when: z.array(condition).max(4).readonly() });

export const tableSchema = z.object({
  regionCode: z.string(),
  rules: z.array(ruleSchema).readonly(),
  autoActivate: z.boolean(),
  custom: z.boolean(),
});
export const tableBodySchema = z.strictObject({
  regionCode: z.string().regex(/^\d{6}$/),
  rules: z.array(ruleSchema).min(1).max(40),
  autoActivate: z.boolean(),
});

export const publicAlertSchema = z.object({
  level: level.nullable(),
  warnings: z.array(z.object({ kind: z.string(), colour: z.string(), headline: z.string().nullable() })),
});

export const idParams = z.strictObject({ id: z.uuid() });
export const noteBody = z.strictObject({ note: z.string().trim().max(500).optional() }).nullish();
