import { z } from 'zod';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  currentShiftSchema,
  shiftListQuerySchema,
  shiftListSchema,
  shiftSchema,
  shiftStartBodySchema,
} from './shift.schema.ts';
import type { ShiftService } from './shift.service.ts';

/** Shifts as the command centre counts them. */
export function shiftRoutes(shifts: ShiftService) {
  return async (app: App) => {
    app.get(
      '',
      {
        config: { access: 'team.read' },
        schema: {
          tags: ['shifts'],
          summary:
            'Shifts started in a period (Beijing dates, inclusive), with staff-trips and vehicle-trips',
          querystring: shiftListQuerySchema,
          response: { 200: shiftListSchema },
        },
      },
      async (request) => shifts.list(actorOf(request), request.query.from, request.query.to),
    );
    app.get(
      '/:id/track',
      {
        config: { access: 'team.read' },
        schema: {
          tags: ['shifts'],
          summary: "A shift's route: the team's reported positions while it was open",
          params: z.strictObject({ id: z.uuid() }),
          response: {
            200: z.object({
              items: z.array(z.object({ at: z.iso.datetime(), lat: z.number(), lng: z.number() })),
            }),
          },
        },
      },
      async (request) => shifts.track(actorOf(request), request.params.id),
    );
  };
}

/** The patrol phone starts and ends its team's shift. */
export function patrolShiftRoutes(shifts: ShiftService) {
  return async (app: App) => {
    const tags = ['patrol'];
    const access = 'dispatch.work' as const;
    app.get(
      '/shifts/current',
      {
        config: { access },
        schema: { tags, summary: "My team's open shift", response: { 200: currentShiftSchema } },
      },
      async (request) => shifts.current(actorOf(request)),
    );
    app.post(
      '/shifts',
      {
        config: { access },
        schema: {
          tags,
          summary: "Start my team's shift (409 SHIFT_ALREADY_OPEN if one is open)",
          body: shiftStartBodySchema,
          response: { 201: shiftSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await shifts.start(ctx(request), request.body)),
    );
    app.post(
      '/shifts/current/end',
      {
        config: { access },
        schema: { tags, summary: "End my team's shift", response: { 200: shiftSchema } },
      },
      async (request) => shifts.end(ctx(request)),
    );
  };
}
