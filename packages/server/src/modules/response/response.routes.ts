import { regionPrefix } from '@warmline/domain';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import type { ResponseQueries } from './response.queries.ts';
import {
  idParams,
  noteBody,
  proposalSchema,
  publicAlertSchema,
  reportSchema,
  responseDetailSchema,
  responseListSchema,
  statusSchema,
  tableBodySchema,
  tableSchema,
} from './response.schema.ts';
import type { ResponseService } from './response.service.ts';
import type { createResponseTasks } from './response-tasks.ts';

const tags = ['response'];
const ok = z.object({ ok: z.literal(true) });

/** Emergency response for staff: the banner, proposals to confirm, the task board, the table. */
export function responseRoutes(
  service: ResponseService,
  tasks: ReturnType<typeof createResponseTasks>,
  queries: ResponseQueries,
) {
  return async (app: App) => {
    app.get(
      '/status',
      {
        config: { access: 'response.read' },
        schema: {
          tags,
          summary: 'The level in force where the caller works (the banner on every staff screen)',
          response: { 200: statusSchema },
        },
      },
      async (request) => queries.status(actorOf(request)),
    );
    app.get(
      '/proposals',
      {
        config: { access: 'response.read' },
        schema: {
          tags,
          summary: 'Proposals put to the duty leader (open ones by default)',
          querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
          response: { 200: z.object({ items: z.array(proposalSchema) }) },
        },
      },
      async (request) => queries.proposals(actorOf(request), request.query.all !== 'true'),
    );
    app.post(
      '/proposals/:id/confirm',
      {
        config: { access: 'response.manage' },
        schema: {
          tags,
          summary: 'Confirm: the level changes now and the plan’s tasks are made',
          params: idParams,
          body: noteBody,
          response: { 200: z.object({ responseId: z.uuid().nullable() }) },
        },
      },
      async (request) => ({ responseId: await service.confirm(ctx(request), request.params.id) }),
    );
    app.post(
      '/proposals/:id/dismiss',
      {
        config: { access: 'response.manage' },
        schema: {
          tags,
          summary: 'Not taken up (not proposed again while the same warnings hold)',
          params: idParams,
          body: noteBody,
          response: { 200: ok },
        },
      },
      async (request) => {
        await service.dismiss(ctx(request), request.params.id, request.body?.note);
        return { ok: true as const };
      },
    );
    app.get(
      '/responses',
      {
        config: { access: 'response.read' },
        schema: {
          tags,
          summary: 'Responses where the caller works: in force and past',
          querystring: z.strictObject({ state: z.enum(['active']).optional() }),
          response: { 200: responseListSchema },
        },
      },
      async (request) => queries.list(actorOf(request), request.query.state),
    );
    app.get(
      '/responses/:id',
      {
        config: { access: 'response.read' },
        schema: { tags, params: idParams, response: { 200: responseDetailSchema } },
      },
      async (request) => queries.get(actorOf(request), request.params.id),
    );
    app.get(
      '/responses/:id/report',
      {
        config: { access: 'response.read' },
        schema: {
          tags,
          summary: 'The after-action report',
          params: idParams,
          response: { 200: reportSchema },
        },
      },
      async (request) => queries.report(actorOf(request), request.params.id),
    );
    app.post(
      '/tasks/:id/done',
      {
        config: { access: 'response.work' },
        schema: {
          tags,
          summary: 'A plan task done (by its owner role, or whoever manages the response)',
          params: idParams,
          body: noteBody,
          response: { 200: responseDetailSchema },
        },
      },
      async (request) => {
        const id = await tasks.done(ctx(request), request.params.id, request.body?.note);
        return queries.get(actorOf(request), id);
      },
    );
    app.get(
      '/table',
      {
        config: { access: 'response.read' },
        schema: {
          tags,
          summary: 'The bureau’s table from warnings to levels (the default where none is set)',
          querystring: z.strictObject({
            region: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 200: tableSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const code = request.query.region ?? actor.regionCode.slice(0, 6);
        if (!code.startsWith(regionPrefix(actor.regionCode))) throw new AppError('NOT_FOUND');
        return { regionCode: code, ...(await service.table(code)) };
      },
    );
    app.put(
      '/table',
      {
        config: { access: 'response.manage' },
        schema: {
          tags,
          summary: 'Set the bureau’s table',
          body: tableBodySchema,
          response: { 200: tableSchema },
        },
      },
      async (request) => {
        const c = ctx(request);
        if (!request.body.regionCode.startsWith(regionPrefix(c.actor.regionCode)))
          throw new AppError('REGION_OUT_OF_SCOPE');
        await service.setTable(c, request.body);
        return { regionCode: request.body.regionCode, ...(await service.table(request.body.regionCode)) };
      },
    );
  };
}

/** The public pages' banner (寒潮预警：附近避寒点): no personal data, just the level and warnings. */
export function publicAlertRoutes(queries: ResponseQueries) {
  return async (app: App) => {
    app.get(
      '/alert',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Whether a cold-weather warning or response is in force in the public region',
          response: { 200: publicAlertSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return queries.publicAlert();
      },
    );
  };
}
