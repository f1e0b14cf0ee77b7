import { z } from 'zod';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  admitBodySchema,
  arriveBodySchema,
  bedBoardSchema,
  bedBodySchema,
  careBodySchema,
  dischargeBodySchema,
  extensionBodySchema,
  stayDetailSchema,
  stayIdParamsSchema,
  stayListQuerySchema,
  stayListSchema,
  zonesBodySchema,
} from './stay.schema.ts';
import type { StayService } from './stay.service.ts';
import { type FontConfig, stayForms, stayFormTitles } from './stay-forms.ts';

/** The rescue station: arrivals, stays, beds, care, extensions and discharge. */
export function stayRoutes(stays: StayService, font: FontConfig) {
  return async (app: App) => {
    const tags = ['station'];
    const params = stayIdParamsSchema;
    const detail = { 200: stayDetailSchema };
    app.get(
      '',
      {
        config: { access: 'stay.read' },
        schema: {
          tags,
          summary:
            'Stays: open (arrived and in the station), long (滞留 past 10 days), referred or discharged',
          querystring: stayListQuerySchema,
          response: { 200: stayListSchema },
        },
      },
      async (request) => stays.list(actorOf(request), request.query.view),
    );
    app.post(
      '',
      {
        config: { access: 'stay.manage' },
        schema: {
          tags,
          summary:
            '求助登记: receive a pending hand-over or register a walk-in / police delivery, with the triage',
          description:
            'Triage first: a suspected mental disorder, infectious disease, critical illness or visible injury → `referred_out` to hospital; danger to others, drugs or a fugitive → to the police. Otherwise `arrived`, waiting for the security check and registration (`/admit`).',
          body: arriveBodySchema,
          response: { 201: stayDetailSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await stays.arrive(ctx(request), request.body)),
    );
    app.get(
      '/:id',
      { config: { access: 'stay.read' }, schema: { tags, params, response: detail } },
      async (request) => stays.detail(actorOf(request), request.params.id),
    );
    app.get(
      '/:id/forms/:form',
      {
        config: { access: 'stay.read' },
        schema: {
          tags,
          summary:
            'A printed form as PDF: 求助登记表 (registration), 自行离站声明书 (self_departure), 在站服务及离站登记表 (service)',
          description:
            'Answers `application/pdf`; every print writes a `stay.form_printed` event. 503 PDF_FONT_MISSING when the server has no CJK font (PDF_FONT_PATH).',
          params: z.strictObject({ id: z.uuid(), form: z.enum(stayForms) }),
        },
      },
      async (request, reply) => {
        const { id, form } = request.params;
        const pdf = await stays.form(ctx(request), id, form, font);
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header(
            'content-disposition',
            `inline; filename="${form}.pdf"; filename*=UTF-8''${encodeURIComponent(stayFormTitles[form])}.pdf`,
          )
          .send(pdf);
      },
    );
    app.post(
      '/:id/admit',
      {
        config: { access: 'stay.manage' },
        schema: {
          tags,
          summary:
            'Security check and registration: belongings held with a receipt, a bed in the zone by the rules',
          params,
          body: admitBodySchema,
          response: detail,
        },
      },
      async (request) => stays.admit(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/:id/bed',
      {
        config: { access: 'stay.manage' },
        schema: {
          tags,
          summary: 'Move to another free bed of the station',
          params,
          body: bedBodySchema,
          response: detail,
        },
      },
      async (request) => stays.moveBed(ctx(request), request.params.id, request.body.bedId),
    );
    app.post(
      '/:id/care',
      {
        config: { access: 'stay.manage' },
        schema: {
          tags,
          summary: 'Record care: the five basics, a meal, a health observation, an incident, a visitor',
          params,
          body: careBodySchema,
          response: detail,
        },
      },
      async (request) => stays.care(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/:id/extensions',
      {
        config: { access: 'stay.approve' },
        schema: {
          tags,
          summary: 'Approve a stay past the 10-day limit (the caller is the approver)',
          params,
          body: extensionBodySchema,
          response: detail,
        },
      },
      async (request) => stays.extend(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/:id/discharge',
      {
        config: { access: 'stay.manage' },
        schema: {
          tags,
          summary:
            '离站 by its type; under-16s and the disabled never self-discharge (409 DISCHARGE_REFUSED)',
          params,
          body: dischargeBodySchema,
          response: detail,
        },
      },
      async (request) => stays.discharge(ctx(request), request.params.id, request.body),
    );
  };
}

/** The stations in the jurisdiction and their beds by zone. */
export function stationRoutes(stays: StayService) {
  return async (app: App) => {
    const tags = ['station'];
    app.get(
      '/beds',
      {
        config: { access: 'stay.read' },
        schema: {
          tags,
          summary: 'Bed board: each station, its zones, beds and who is in them',
          response: { 200: bedBoardSchema },
        },
      },
      async (request) => stays.bedBoard(actorOf(request)),
    );
    app.put(
      '/:id/zones',
      {
        config: { access: 'stay.approve' },
        schema: {
          tags,
          summary:
            "Set a station's bed zones and capacities (beds numbered per zone; never below who is in them)",
          params: stayIdParamsSchema,
          body: zonesBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await stays.configureZones(ctx(request), request.params.id, request.body.zones);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '',
      {
        config: { access: 'stay.read' },
        schema: {
          tags,
          summary: 'Rescue stations in the jurisdiction',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() })),
            }),
          },
        },
      },
      async (request) => ({ items: await stays.stations(actorOf(request)) }),
    );
  };
}
