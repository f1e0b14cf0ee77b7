import { z } from 'zod';
import { type App, actorOf, ctxOf as ctx, emptyBodySchema } from '../../platform/http.ts';
import {
  assignBodySchema,
  assignmentSchema,
  candidateListSchema,
  gapListSchema,
  handoverBodySchema,
  handoverListQuerySchema,
  handoverListSchema,
  handoverSchema,
  idParamsSchema,
  rosterQuerySchema,
  rosterSchema,
  targetQuerySchema,
} from './duty.schema.ts';
import type { DutyService } from './duty.service.ts';

/** The 24-hour duty roster (值班) of a bureau or a station, and its handover notes. */
export function dutyRoutes(duty: DutyService) {
  return async (app: App) => {
    const tags = ['duty'];
    app.get(
      '/roster',
      {
        config: { access: 'duty.read' },
        schema: {
          tags,
          summary:
            "A roster (the caller's bureau by default, or a station) for a date range (this week by default)",
          querystring: rosterQuerySchema,
          response: { 200: rosterSchema },
        },
      },
      async (request) => duty.roster(actorOf(request), request.query),
    );
    app.get(
      '/gaps',
      {
        config: { access: 'duty.read' },
        schema: {
          tags,
          summary: 'Uncovered slots and days without a leader on duty',
          querystring: rosterQuerySchema,
          response: { 200: gapListSchema },
        },
      },
      async (request) => duty.gaps(actorOf(request), request.query),
    );
    app.get(
      '/candidates',
      {
        config: { access: 'duty.read' },
        schema: {
          tags,
          summary: 'People who may be put on this roster',
          querystring: targetQuerySchema,
          response: { 200: candidateListSchema },
        },
      },
      async (request) => duty.candidates(actorOf(request), request.query),
    );
    app.post(
      '/assignments',
      {
        config: { access: 'duty.manage' },
        schema: {
          tags,
          summary: 'Put someone on a slot',
          body: assignBodySchema,
          response: { 201: assignmentSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await duty.assign(ctx(request), request.body)),
    );
    app.delete(
      '/assignments/:id',
      {
        config: { access: 'duty.manage' },
        schema: {
          tags,
          summary: 'Take someone off a slot',
          params: idParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await duty.unassign(ctx(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/handovers',
      {
        config: { access: 'duty.read' },
        schema: {
          tags,
          summary: 'Handover notes (交接班记录), newest first',
          querystring: handoverListQuerySchema,
          response: { 200: handoverListSchema },
        },
      },
      async (request) => duty.handovers(actorOf(request), request.query),
    );
    app.post(
      '/handovers',
      {
        config: { access: 'duty.read' },
        schema: {
          tags,
          summary: 'Write a handover note (those on duty, or the roster managers)',
          body: handoverBodySchema,
          response: { 201: handoverSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await duty.writeHandover(ctx(request), request.body)),
    );
    app.post(
      '/handovers/:id/acknowledge',
      {
        config: { access: 'duty.read' },
        schema: {
          tags,
          summary: '确认接班: the next shift has read the note',
          params: idParamsSchema,
          body: emptyBodySchema,
          response: { 200: handoverSchema },
        },
      },
      async (request) => duty.acknowledgeHandover(ctx(request), request.params.id),
    );
  };
}
