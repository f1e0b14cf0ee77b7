import { z } from 'zod';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import { donationListSchema, ledgerQuerySchema, ledgerSchema } from './movement.schema.ts';
import {
  alertsSchema,
  idParamsSchema,
  itemBodySchema,
  itemListSchema,
  itemSchema,
  placeBodySchema,
  placeListQuerySchema,
  placeListSchema,
  placeSchema,
  resolveBodySchema,
  stockListSchema,
  stockQuerySchema,
  supplyTeamListSchema,
  teamParamsSchema,
  teamStockSchema,
  thresholdBodySchema,
} from './supply.schema.ts';
import type { SupplyService } from './supply.service.ts';

/** The supplies screen's catalogue, places, stock, ledger and alerts (物资). */
export function supplyRoutes(supplies: SupplyService) {
  return async (app: App) => {
    const tags = ['supplies'];
    const read = { config: { access: 'supply.read' as const } };
    const manage = { config: { access: 'supply.manage' as const } };
    app.get(
      '/items',
      {
        ...read,
        schema: {
          tags,
          summary: 'The item catalogue (kits with their parts)',
          response: { 200: itemListSchema },
        },
      },
      async () => supplies.items(),
    );
    app.post(
      '/items',
      { ...manage, schema: { tags, body: itemBodySchema, response: { 201: itemSchema } } },
      async (request, reply) => reply.status(201).send(await supplies.createItem(ctx(request), request.body)),
    );
    app.get(
      '/places',
      {
        ...read,
        schema: {
          tags,
          summary: 'Places stock is kept, with totals and low-stock counts',
          querystring: placeListQuerySchema,
          response: { 200: placeListSchema },
        },
      },
      async (request) => supplies.places(actorOf(request), request.query.kind),
    );
    app.post(
      '/places',
      { ...manage, schema: { tags, body: placeBodySchema, response: { 201: placeSchema } } },
      async (request, reply) =>
        reply.status(201).send(await supplies.createPlace(ctx(request), request.body)),
    );
    app.get(
      '/places/:id',
      { ...read, schema: { tags, params: idParamsSchema, response: { 200: placeSchema } } },
      async (request) => supplies.getPlace(actorOf(request), request.params.id),
    );
    app.get(
      '/places/:id/movements',
      {
        ...read,
        schema: {
          tags,
          summary: "A place's ledger, newest first",
          params: idParamsSchema,
          querystring: ledgerQuerySchema,
          response: { 200: ledgerSchema },
        },
      },
      async (request) => supplies.ledger(actorOf(request), request.params.id, request.query.limit),
    );
    app.put(
      '/places/:id/thresholds',
      {
        ...manage,
        schema: {
          tags,
          summary: 'Set (or clear) the low-stock threshold of an item here',
          params: idParamsSchema,
          body: thresholdBodySchema,
          response: { 200: stockListSchema },
        },
      },
      async (request) => supplies.setThreshold(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/stock',
      {
        ...read,
        schema: {
          tags,
          summary: 'Stock by place and item',
          querystring: stockQuerySchema,
          response: { 200: stockListSchema },
        },
      },
      async (request) => supplies.stock(actorOf(request), request.query),
    );
    app.get(
      '/alerts',
      {
        ...read,
        schema: {
          tags,
          summary: 'Items below their threshold, and open discrepancies (账实不符)',
          response: { 200: alertsSchema },
        },
      },
      async (request) => supplies.alerts(actorOf(request)),
    );
    app.post(
      '/discrepancies/:id/resolve',
      {
        ...manage,
        schema: { tags, params: idParamsSchema, body: resolveBodySchema, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await supplies.resolveDiscrepancy(ctx(request), request.params.id, request.body?.note ?? null);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/donations',
      { ...read, schema: { tags, response: { 200: donationListSchema } } },
      async (request) => supplies.donations(actorOf(request)),
    );
    app.get(
      '/teams',
      {
        ...read,
        schema: {
          tags,
          summary: 'Patrol teams with their vehicle place',
          response: { 200: supplyTeamListSchema },
        },
      },
      async (request) => supplies.teams(actorOf(request)),
    );
    app.get(
      '/teams/:teamId/stock',
      {
        config: { access: 'supply.team_read' },
        schema: {
          tags,
          summary: "A team vehicle's stock (readers of supplies; a patrol member for their own team)",
          params: teamParamsSchema,
          response: { 200: teamStockSchema },
        },
      },
      async (request) => supplies.teamStock(actorOf(request), request.params.teamId),
    );
  };
}
