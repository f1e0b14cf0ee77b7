import { describe, expect, it } from 'vitest';
import { checkStockImport, findImportColumns, type ImportRow, MAX_IMPORT_ROWS } from './supply-import.ts';

const places: Record<string, string[]> = {
  韶关市救助物资仓库: ['wh'],
  浈江区联合救助一队巡查车: ['v1'],
  救助站物资库: ['s1', 's2'],
};
const items: Record<string, string> = { 棉衣: 'coat', 矿泉水: 'water' };
const lookup = { places: (n: string) => places[n] ?? [], item: (n: string) => items[n] ?? null };
const row = (
  n: number,
  place: string | null,
  item: string | null,
  quantity: string | number | null,
): ImportRow => ({
  row: n,
  cells: { place, item, quantity },
});

describe('findImportColumns', () => {
  it('finds the columns by their header, in any order and by their other names', () => {
    expect(findImportColumns(['数量', '备注', '物资', '库位'])).toEqual({
      columns: { place: 3, item: 2, quantity: 0 },
      errors: [],
    });
  });

  it('names each missing column as an error of the header row', () => {
    expect(findImportColumns(['地点', '名称']).errors).toEqual([
      { row: 1, column: '物品', code: 'COLUMN_MISSING', message: '缺少“物品”列' },
      { row: 1, column: '数量', code: 'COLUMN_MISSING', message: '缺少“数量”列' },
    ]);
  });
});

describe('checkStockImport', () => {
  it('turns good rows into lines', () => {
    expect(
      checkStockImport(
        [row(2, '韶关市救助物资仓库', ' 棉衣 ', 120), row(3, '浈江区联合救助一队巡查车', '矿泉水', '48')],
        lookup,
      ),
    ).toEqual({
      lines: [
        { row: 2, placeId: 'wh', itemId: 'coat', quantity: 120 },
        { row: 3, placeId: 'v1', itemId: 'water', quantity: 48 },
      ],
      errors: [],
    });
  });

  it('reports every bad row with its column and a Chinese message, and keeps no line at all', () => {
    const result = checkStockImport(
      [
        row(2, '韶关市救助物资仓库', '棉衣', 10),
        row(3, '不存在的仓库', '棉衣', 5),
        row(4, '韶关市救助物资仓库', '羽绒服', 2.5),
        row(5, '', '矿泉水', null),
        row(6, '韶关市救助物资仓库', '棉衣', 3),
        row(7, '韶关市救助物资仓库', '矿泉水', '-4'),
        row(8, '救助站物资库', '矿泉水', 1),
      ],
      lookup,
    );
    expect(result.lines).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '地点', 'PLACE_UNKNOWN'],
      [4, '物品', 'ITEM_UNKNOWN'],
      [4, '数量', 'QUANTITY_INVALID'],
      [5, '地点', 'REQUIRED'],
      [5, '数量', 'REQUIRED'],
      [6, '物品', 'DUPLICATE_ROW'],
      [7, '数量', 'QUANTITY_INVALID'],
      [8, '地点', 'PLACE_AMBIGUOUS'],
    ]);
    expect(result.errors[0]!.message).toBe('没有名为“不存在的仓库”的地点（或不在您的辖区）');
    expect(result.errors[5]!.message).toBe('与第 2 行的地点和物品重复');
  });

  it('refuses an empty sheet and one too long to be an opening list', () => {
    expect(checkStockImport([], lookup).errors[0]!.code).toBe('NO_ROWS');
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) =>
      row(i + 2, '韶关市救助物资仓库', '棉衣', 1),
    );
    expect(checkStockImport(many, lookup).errors[0]!.code).toBe('TOO_MANY_ROWS');
  });
});
