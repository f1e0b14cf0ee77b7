import { type App, actorOf, ctxOf as ctx, emptyBodySchema } from '../../platform/http.ts';
import {
  activateBodySchema,
  occupancyBodySchema,
  publicShelterListSchema,
  publicShelterQuerySchema,
  shelterBodySchema,
  shelterDetailSchema,
  shelterIdParamsSchema,
  shelterListQuerySchema,
  shelterListSchema,
} from './shelter.schema.ts';
import type { ShelterService } from './shelter.service.ts';
import type { ShelterExport } from './shelter-export.ts';
import type { ShelterFinder } from './shelter-finder.ts';

const tags = ['shelters'];

/** The shelter network for staff: the directory, its status acts, the keepers' counts, exports. */
export function shelterRoutes(shelters: ShelterService, exports: ShelterExport) {
  return async (app: App) => {
    app.get(
      '',
      {
        config: { access: 'shelter.read' },
        schema: { tags, querystring: shelterListQuerySchema, response: { 200: shelterListSchema } },
      },
      async (request) => shelters.list(actorOf(request), request.query.status),
    );
    app.post(
      '',
      {
        config: { access: 'shelter.manage' },
        schema: {
          tags,
          summary: 'Register a place (it starts on standby)',
          body: shelterBodySchema,
          response: { 201: shelterDetailSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await shelters.create(ctx(request), request.body)),
    );
    app.get(
      '/mine',
      {
        config: { access: 'shelter.keep' },
        schema: {
          tags,
          summary: 'The places I count at (named keeper, my station’s; a manager: every open one)',
          response: { 200: shelterListSchema },
        },
      },
      async (request) => shelters.mine(actorOf(request)),
    );
    app.get(
      '/export.hsds.json',
      {
        config: { access: 'shelter.read' },
        schema: { tags, summary: 'The directory as Open Referral HSDS 3.1 services (with service_capacity)' },
      },
      async (request, reply) =>
        reply
          .header('content-disposition', 'attachment; filename="shelters.hsds.json"')
          .type('application/json; charset=utf-8')
          .send(await exports.hsds(actorOf(request))),
    );
    app.get(
      '/export.xlsx',
      {
        config: { access: 'shelter.read' },
        schema: { tags, summary: 'The directory as an Excel workbook (Chinese header row)' },
      },
      async (request, reply) =>
        reply
          .header(
            'content-disposition',
            `attachment; filename="shelters.xlsx"; filename*=UTF-8''${encodeURIComponent('避寒场所名录.xlsx')}`,
          )
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await exports.xlsx(actorOf(request))),
    );
    app.get(
      '/:id',
      {
        config: { access: 'shelter.read' },
        schema: { tags, params: shelterIdParamsSchema, response: { 200: shelterDetailSchema } },
      },
      async (request) => shelters.get(actorOf(request), request.params.id),
    );
    app.put(
      '/:id',
      {
        config: { access: 'shelter.manage' },
        schema: {
          tags,
          params: shelterIdParamsSchema,
          body: shelterBodySchema,
          response: { 200: shelterDetailSchema },
        },
      },
      async (request) => shelters.update(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/:id/activate',
      {
        config: { access: 'shelter.activate' },
        schema: {
          tags,
          summary: '一键启用: open a standby (or closed) place with its hours for the cold spell',
          params: shelterIdParamsSchema,
          body: activateBodySchema,
          response: { 200: shelterDetailSchema },
        },
      },
      async (request) => shelters.act(ctx(request), request.params.id, 'activate', request.body.hours),
    );
    // 关闭, and 转为待启用 once the cold spell is over.
    for (const [path, action, summary] of [
      ['/:id/close', 'close', 'Close a place (out of use)'],
      ['/:id/stand-down', 'stand_down', 'Back to standby (the cold spell is over)'],
    ] as const) {
      app.post(
        path,
        {
          config: { access: 'shelter.activate' },
          schema: {
            tags,
            summary,
            params: shelterIdParamsSchema,
            body: emptyBodySchema,
            response: { 200: shelterDetailSchema },
          },
        },
        async (request) => shelters.act(ctx(request), request.params.id, action),
      );
    }
    app.post(
      '/:id/occupancy',
      {
        config: { access: 'shelter.keep' },
        schema: {
          tags,
          summary: 'The keeper’s count of everyone inside (stored once per clientId; a resend answers 200)',
          params: shelterIdParamsSchema,
          body: occupancyBodySchema,
          response: { 200: shelterDetailSchema, 201: shelterDetailSchema },
        },
      },
      async (request, reply) => {
        const { created, shelter } = await shelters.count(ctx(request), request.params.id, request.body);
        return reply.status(created ? 201 : 200).send(shelter);
      },
    );
  };
}

/** 附近避寒点: the public finder's one question (no login, no personal data in the answer). */
export function publicShelterRoutes(finder: ShelterFinder) {
  return async (app: App) => {
    app.get(
      '',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary:
            'Nearest open places to a position (lat, lng) or a typed place (q); the city’s without either',
          querystring: publicShelterQuerySchema,
          response: { 200: publicShelterListSchema },
        },
      },
      async (request) => finder.find(request.query),
    );
  };
}
