import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { type App, actorOf, ctxOf as ctx } from '../../platform/http.ts';
import {
  adjustBodySchema,
  assembleBodySchema,
  distributeBodySchema,
  donationBodySchema,
  donationSchema,
  importResultSchema,
  issueBodySchema,
  movementSchema,
  receiveBodySchema,
  transferBodySchema,
} from './movement.schema.ts';
import type { MovementService } from './movement.service.ts';
import { type StockImport, XLSX_TYPE } from './stock-import.ts';
import type { SupplyService } from './supply.service.ts';

const refusals =
  'A movement that would take any place below zero is refused whole: 409 STOCK_INSUFFICIENT with `details.shortages` [{placeId, itemId, itemName, available, requested}]. A resend with the same `clientId` answers 200 with the stored movement; the same id with another body 409 IDEMPOTENCY_KEY_REUSED.';

/** Movements of the ledger, donations and the Excel import (supply.manage; hand-outs supply.distribute). */
export function movementRoutes(
  movements: MovementService,
  supplies: SupplyService,
  stockImport: StockImport,
) {
  return async (app: App) => {
    const tags = ['supplies'];
    const response = { 200: movementSchema, 201: movementSchema };
    const post = <B extends z.ZodType>(
      url: string,
      summary: string,
      body: B,
      access: 'supply.manage' | 'supply.distribute',
      handle: (c: ReturnType<typeof ctx>, input: z.infer<B>) => ReturnType<MovementService['receive']>,
    ) =>
      app.post(
        url,
        { config: { access }, schema: { tags, summary, description: refusals, body, response } },
        async (request, reply) => {
          const { created, movement } = await handle(ctx(request), request.body as z.infer<B>);
          return reply.status(created ? 201 : 200).send(movement);
        },
      );
    post('/receipts', 'Receive into a place (入库)', receiveBodySchema, 'supply.manage', movements.receive);
    post(
      '/transfers',
      'Transfer between places (调拨)',
      transferBodySchema,
      'supply.manage',
      movements.transfer,
    );
    post(
      '/issues',
      'Issue to a patrol team: into its vehicle (发放给巡查队)',
      issueBodySchema,
      'supply.manage',
      movements.issue,
    );
    post(
      '/distributions',
      'Hand out to a person from a place (发放)',
      distributeBodySchema,
      'supply.distribute',
      movements.distribute,
    );
    post(
      '/adjustments',
      'Correct the book with a reason (盘点、损耗、过期)',
      adjustBodySchema,
      'supply.manage',
      movements.adjust,
    );
    post(
      '/assemblies',
      'Assemble kits from their parts (组装温暖包)',
      assembleBodySchema,
      'supply.manage',
      movements.assemble,
    );

    app.post(
      '/donations',
      {
        config: { access: 'supply.manage' },
        schema: {
          tags,
          summary: 'Record a donation and receive its goods (登记捐赠)',
          description: refusals,
          body: donationBodySchema,
          response: { 200: donationSchema, 201: donationSchema },
        },
      },
      async (request, reply) => {
        const { created, movement } = await movements.donate(ctx(request), request.body);
        return reply
          .status(created ? 201 : 200)
          .send(await supplies.donationOfMovement(actorOf(request), movement.id));
      },
    );

    app.get(
      '/import-template',
      {
        config: { access: 'supply.manage' },
        schema: { tags, summary: 'The Excel template of the opening stock import (地点 / 物品 / 数量)' },
      },
      async (request, reply) =>
        reply
          .type(XLSX_TYPE)
          .header(
            'content-disposition',
            `attachment; filename="stock-import.xlsx"; filename*=UTF-8''${encodeURIComponent('库存导入模板.xlsx')}`,
          )
          .send(await stockImport.template(actorOf(request))),
    );

    // The workbook is the body itself (not multipart), in this plugin only.
    app.addContentTypeParser(
      XLSX_TYPE,
      { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    app.post(
      '/import',
      {
        config: { access: 'supply.manage' },
        schema: {
          tags,
          summary: 'Import an opening stock list from Excel (all rows or none)',
          description: `Body: the .xlsx file itself (\`content-type: ${XLSX_TYPE}\`, at most 5 MB). First sheet, header row 地点 / 物品 / 数量 (also 库位, 物资, 品名, 库存); places and items by their exact names. Any bad row imports nothing: 422 IMPORT_ROWS_INVALID with \`details.errors\` [{row, column, code, message}]. An unreadable file is 400 IMPORT_FILE_INVALID. \`clientId\` makes a resent file count once.`,
          querystring: z.strictObject({ clientId: z.uuid().optional() }),
          response: { 200: importResultSchema, 201: importResultSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('IMPORT_FILE_INVALID');
        const { created, result } = await stockImport.importStock(
          ctx(request),
          request.body,
          request.query.clientId ?? null,
        );
        return reply.status(created ? 201 : 200).send(result);
      },
    );
  };
}
