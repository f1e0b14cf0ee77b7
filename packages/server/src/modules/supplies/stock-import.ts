import { createHash } from 'node:crypto';
import {
  checkStockImport,
  findImportColumns,
  type ImportColumn,
  type ImportRow,
  importColumnHeaders,
  MAX_IMPORT_ROWS,
  type SupplyPlaceKind,
  type SupplyUnit,
  supplyPlaceKindLabels,
  supplyUnitLabels,
} from '@warmline/domain';
import type { CellValue, Workbook } from 'exceljs';
import type { Db } from '../../db/pool.ts';
import type { Actor, Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { createLedgerRepository } from './ledger.repository.ts';
import { createLedger } from './ledger.ts';
import { createSupplyRepository } from './supply.repository.ts';

/** The media type of an .xlsx workbook, the only body the import takes. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** exceljs is big and only this screen needs it: loaded on the first import, not at start-up. */
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/** A cell as text or a number, whatever Excel stored (rich text, a formula's result, a link). */
function cellValue(v: CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellValue((v.result ?? null) as CellValue);
  if ('text' in v) return String(v.text);
  return null;
}

/**
 * The opening stock list from Excel (first sheet, header row 地点 / 物品 / 数量): every row is
 * checked first, and one bad row imports nothing (IMPORT_ROWS_INVALID with the row-by-row list).
 * A good file is one `import` movement in one transaction.
 */
export function createStockImport(deps: { db: Db; clock: Clock; ids: Ids; recordEvent: RecordEvent }) {
  const { db, clock } = deps;
  const ledger = createLedger(deps);
  const repo = createSupplyRepository(db);

  async function readRows(
    file: Buffer,
  ): Promise<{ rows: ImportRow[]; headerErrors: ReturnType<typeof findImportColumns>['errors'] }> {
    const workbook = await newWorkbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new AppError('IMPORT_FILE_INVALID');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('IMPORT_FILE_INVALID');
    const header = (sheet.getRow(1).values as CellValue[]).slice(1).map((v) => {
      const c = cellValue(v);
      return c === null ? null : String(c);
    });
    const { columns, errors } = findImportColumns(header);
    if (errors.length) return { rows: [], headerErrors: errors };
    const rows: ImportRow[] = [];
    // Past the limit by one row is enough to say "too many": the rest is not read.
    const last = Math.min(sheet.rowCount, MAX_IMPORT_ROWS + 2);
    for (let n = 2; n <= last; n++) {
      const row = sheet.getRow(n);
      const cell = (c: ImportColumn) => cellValue(row.getCell(columns[c]! + 1).value);
      const cells = { place: cell('place'), item: cell('item'), quantity: cell('quantity') };
      if (Object.values(cells).every((v) => v === null || String(v).trim() === '')) continue;
      rows.push({ row: n, cells });
    }
    return { rows, headerErrors: [] };
  }

  return {
    /** The template: the import sheet with an example row, and the places and items to pick from. */
    async template(actor: Actor): Promise<Buffer> {
      const [places, items] = await Promise.all([repo.places(actor), repo.items()]);
      const workbook = await newWorkbook();
      const sheet = workbook.addWorksheet('库存导入');
      sheet.columns = [
        { header: importColumnHeaders.place.zh, width: 30 },
        { header: importColumnHeaders.item.zh, width: 20 },
        { header: importColumnHeaders.quantity.zh, width: 10 },
        { header: '备注（不导入）', width: 30 },
      ];
      sheet.getRow(1).font = { bold: true };
      if (places[0] && items[0])
        sheet.addRow([places[0].place.name, items[0].name, 100, '示例行，导入前请删除或修改']);
      const placeSheet = workbook.addWorksheet('地点');
      placeSheet.columns = [
        { header: '地点', width: 30 },
        { header: '类型', width: 12 },
        { header: '行政区划代码', width: 14 },
      ];
      for (const p of places)
        placeSheet.addRow([
          p.place.name,
          supplyPlaceKindLabels[p.place.kind as SupplyPlaceKind].zh,
          p.place.regionCode,
        ]);
      const itemSheet = workbook.addWorksheet('物资目录');
      itemSheet.columns = [
        { header: '物品', width: 20 },
        { header: '单位', width: 8 },
      ];
      for (const i of items) itemSheet.addRow([i.name, supplyUnitLabels[i.unit as SupplyUnit].zh]);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    /** Imports the sheet, or refuses it whole. `clientId` makes a resent file count once. */
    async importStock(ctx: Ctx, file: Buffer, clientId: string | null) {
      const hash = createHash('sha256').update(file).digest('hex');
      const { rows, headerErrors } = await readRows(file);
      const [places, items] = await Promise.all([repo.places(ctx.actor), repo.items()]);
      const result = headerErrors.length
        ? { lines: [], errors: headerErrors }
        : checkStockImport(rows, {
            places: (name) => places.filter((p) => p.place.name === name).map((p) => p.place.id),
            item: (name) => items.find((i) => i.name === name)?.id ?? null,
          });
      if (result.errors.length) throw new AppError('IMPORT_ROWS_INVALID', { errors: result.errors });
      const lines = result.lines.map(({ placeId, itemId, quantity }) => ({ placeId, itemId, quantity }));
      const moved = await db.transaction((tx) =>
        ledger.move(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            header: {
              kind: 'import',
              regionCode: ctx.actor.regionCode,
              at: clock.now(),
              note: `Excel 导入 ${lines.length} 行`,
              clientId,
              requestHash: clientId ? hash : null,
            },
            keys: lines,
            plan: () => lines,
          },
        ),
      );
      const stored = moved.created
        ? lines
        : (await createLedgerRepository(db).linesOf([moved.movementId])).map((l) => l.line);
      return {
        created: moved.created,
        result: {
          movementId: moved.movementId,
          rows: stored.length,
          totalQuantity: stored.reduce((n, l) => n + l.quantity, 0),
        },
      };
    },
  };
}
export type StockImport = ReturnType<typeof createStockImport>;
