import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supplyMovement, supplyStock } from '../../db/schema.ts';
import { buildUser } from '../../testing/builders.ts';
import { buildSupplyItem, buildSupplyPlace, ledgerMismatches } from '../../testing/supply-builders.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { XLSX_TYPE } from './stock-import.ts';

let t: TestApp;
let keeper: string;
let wujiang: string;
const names = { warehouse: '', vehicle: '', outside: '' };

beforeAll(async () => {
  t = await createTestApp();
  keeper = await t.sessionFor((await buildUser(t.db, { role: 'supplies_keeper', regionCode: '440204' })).id);
  wujiang = await t.sessionFor((await buildUser(t.db, { role: 'supplies_keeper', regionCode: '440203' })).id);
  names.warehouse = (await buildSupplyPlace(t.db, { name: '浈江区救助物资仓库', regionCode: '440204' })).name;
  names.vehicle = (await buildSupplyPlace(t.db, { name: '浈江区备用物资点', regionCode: '440204' })).name;
  names.outside = (await buildSupplyPlace(t.db, { name: '武江区救助物资仓库', regionCode: '440203' })).name;
  await buildSupplyItem(t.db, { name: '棉衣' });
  await buildSupplyItem(t.db, { name: '矿泉水', unit: 'bottle', supplyKind: 'water' });
});
afterAll(() => t.close());

async function workbook(
  rows: (string | number | null)[][],
  header = ['地点', '物品', '数量'],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('库存');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (file: Buffer, cookie = keeper, query = '') =>
  t.app.inject({
    method: 'POST',
    url: `/api/supplies/import${query}`,
    headers: { cookie, 'content-type': XLSX_TYPE },
    payload: file,
  });

const stockRows = async () => (await t.db.select({ n: count() }).from(supplyStock))[0]!.n;

describe('Excel import of the opening stock', () => {
  it('requires authentication', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/supplies/import',
      headers: { 'content-type': XLSX_TYPE },
      payload: Buffer.from('x'),
    });
    expect(res.statusCode).toBe(401);
  });

  it('imports nothing when one row is bad, and says which row, which column and why', async () => {
    const file = await workbook([
      [names.warehouse, '棉衣', 120],
      [names.warehouse, '羽绒服', 10],
      [names.outside, '矿泉水', 48],
      [names.vehicle, '矿泉水', '四十'],
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_ROWS_INVALID');
    expect(res.json().error.details.errors).toEqual([
      { row: 3, column: '物品', code: 'ITEM_UNKNOWN', message: '物资目录中没有“羽绒服”' },
      // Another county's place is not found, exactly like a missing one.
      {
        row: 4,
        column: '地点',
        code: 'PLACE_UNKNOWN',
        message: `没有名为“${names.outside}”的地点（或不在您的辖区）`,
      },
      expect.objectContaining({ row: 5, column: '数量', code: 'QUANTITY_INVALID' }),
    ]);
    expect(await stockRows()).toBe(0);
    expect((await t.db.select({ n: count() }).from(supplyMovement))[0]!.n).toBe(0);
  });

  it('imports a good file as one movement, once per client id', async () => {
    const file = await workbook(
      [
        [100, ' 棉衣 ', names.warehouse, '冬季储备'],
        [48, '矿泉水', names.vehicle, null],
        [null, null, null, null],
      ],
      ['数量', '物资', '库位', '备注'],
    );
    const clientId = randomUUID();
    const res = await upload(file, keeper, `?clientId=${clientId}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2, totalQuantity: 148 });
    const again = await upload(file, keeper, `?clientId=${clientId}`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(res.json());
    const stock = await t.db.select().from(supplyStock);
    expect(stock.map((s) => s.quantity).sort((a, b) => a - b)).toEqual([48, 100]);
    const [movement] = await t.db
      .select()
      .from(supplyMovement)
      .where(eq(supplyMovement.id, res.json().movementId));
    expect(movement).toMatchObject({ kind: 'import', regionCode: '440204' });
    expect(await ledgerMismatches(t.db)).toEqual([]);
  });

  it('refuses a file that is not a workbook, or has no quantity column', async () => {
    const junk = await upload(Buffer.from('not a spreadsheet'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('IMPORT_FILE_INVALID');
    const noQuantity = await upload(await workbook([[names.warehouse, '棉衣']], ['地点', '物品']));
    expect(noQuantity.json().error.details.errors).toEqual([
      { row: 1, column: '数量', code: 'COLUMN_MISSING', message: '缺少“数量”列' },
    ]);
    const other = await upload(await workbook([[names.warehouse, '棉衣', 1]]), wujiang);
    expect(other.json().error.details.errors[0].code).toBe('PLACE_UNKNOWN');
  });

  it('offers a template with the columns, and the places and items to choose from', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/supplies/import-template',
      headers: { cookie: keeper },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['库存导入', '地点', '物资目录']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '地点', '物品', '数量', '备注（不导入）']);
    const places = wb.getWorksheet('地点')!.getColumn(1).values.slice(2);
    expect(places).toEqual(expect.arrayContaining([names.warehouse, names.vehicle]));
    expect(places).not.toContain(names.outside);
  });
});
