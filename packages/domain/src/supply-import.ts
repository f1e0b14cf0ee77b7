/**
 * The opening stock list a keeper imports from Excel: one row per place and item, columns
 * 地点 / 物品 / 数量 (a header row first; 库位, 物资, 品名 and 库存 are accepted too). Every row is
 * checked before anything is stored, and one bad row stops the whole import: the keeper gets
 * the list of what to fix, row by row, in Chinese.
 */
import { MAX_LINE_QUANTITY } from './supply.ts';

export const importColumns = ['place', 'item', 'quantity'] as const;
export type ImportColumn = (typeof importColumns)[number];

/** The header each column goes by in the template, and the other names a sheet may use. */
export const importColumnHeaders: Record<ImportColumn, { zh: string; aliases: readonly string[] }> = {
  place: { zh: '地点', aliases: ['地点', '库位', '存放地点', '仓库'] },
  item: { zh: '物品', aliases: ['物品', '物资', '品名', '物品名称'] },
  quantity: { zh: '数量', aliases: ['数量', '库存', '库存数量'] },
};

/** Rows one import may hold (a city's opening list is a few hundred). */
export const MAX_IMPORT_ROWS = 2000;

export const importErrorCodes = {
  COLUMN_MISSING: { zh: '缺少“{column}”列', en: 'The “{column}” column is missing' },
  NO_ROWS: { zh: '表格中没有数据行', en: 'The sheet has no data rows' },
  TOO_MANY_ROWS: {
    zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行`,
    en: `At most ${MAX_IMPORT_ROWS} rows per import`,
  },
  REQUIRED: { zh: '“{column}”不能为空', en: '“{column}” is empty' },
  PLACE_UNKNOWN: {
    zh: '没有名为“{value}”的地点（或不在您的辖区）',
    en: 'No place named “{value}” in your jurisdiction',
  },
  PLACE_AMBIGUOUS: {
    zh: '有多个名为“{value}”的地点，请先给它们改名加以区分',
    en: 'Several places are named “{value}”; rename them first',
  },
  ITEM_UNKNOWN: { zh: '物资目录中没有“{value}”', en: 'No item named “{value}” in the catalogue' },
  QUANTITY_INVALID: {
    zh: `数量应为 1 到 ${MAX_LINE_QUANTITY} 之间的整数，而不是“{value}”`,
    en: `The quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}, not “{value}”`,
  },
  DUPLICATE_ROW: {
    zh: '与第 {value} 行的地点和物品重复',
    en: 'Same place and item as row {value}',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
export type ImportErrorCode = keyof typeof importErrorCodes;

export interface ImportRowError {
  /** The sheet's own row number (the header is row 1). */
  row: number;
  /** The column's header as the template names it (地点/物品/数量), or null for the whole sheet. */
  column: string | null;
  code: ImportErrorCode;
  message: string;
}

/** A data row as read from the sheet: cell text, or a number for a numeric cell. */
export interface ImportRow {
  row: number;
  cells: Record<ImportColumn, string | number | null>;
}

export interface ImportLine {
  row: number;
  placeId: string;
  itemId: string;
  quantity: number;
}

function rowError(
  row: number,
  column: ImportColumn | null,
  code: ImportErrorCode,
  value = '',
): ImportRowError {
  const header = column ? importColumnHeaders[column].zh : null;
  const message = importErrorCodes[code].zh.replace('{column}', header ?? '').replace('{value}', value);
  return { row, column: header, code, message };
}

/** Which cell holds which column, from the header row; a missing column is an error of row 1. */
export function findImportColumns(header: readonly (string | null)[]): {
  columns: Partial<Record<ImportColumn, number>>;
  errors: ImportRowError[];
} {
  const columns: Partial<Record<ImportColumn, number>> = {};
  const errors: ImportRowError[] = [];
  for (const c of importColumns) {
    const at = header.findIndex((h) => !!h && importColumnHeaders[c].aliases.includes(h.trim()));
    if (at < 0) errors.push(rowError(1, c, 'COLUMN_MISSING'));
    else columns[c] = at;
  }
  return { columns, errors };
}

const text = (v: string | number | null) => (v === null ? '' : String(v).trim());

/**
 * Checks every row against the places and items the keeper may use (looked up by exact name;
 * `places` answers every place in scope with that name, as names are unique per region only)
 * and returns either the lines to store or every error found — never a part of the sheet.
 */
export function checkStockImport(
  rows: readonly ImportRow[],
  lookup: { places(name: string): readonly string[]; item(name: string): string | null },
): { lines: ImportLine[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  if (rows.length === 0) return { lines: [], errors: [rowError(2, null, 'NO_ROWS')] };
  if (rows.length > MAX_IMPORT_ROWS)
    return { lines: [], errors: [rowError(MAX_IMPORT_ROWS + 2, null, 'TOO_MANY_ROWS')] };
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const placeName = text(r.cells.place);
    const itemName = text(r.cells.item);
    const quantityText = text(r.cells.quantity);
    const placeIds = placeName ? lookup.places(placeName) : [];
    const placeId = placeIds.length === 1 ? placeIds[0]! : null;
    const itemId = itemName ? lookup.item(itemName) : null;
    const quantity = /^\d+(\.0+)?$/.test(quantityText) ? Number(quantityText) : Number.NaN;
    const before = errors.length;
    if (!placeName) errors.push(rowError(r.row, 'place', 'REQUIRED'));
    else if (placeIds.length > 1) errors.push(rowError(r.row, 'place', 'PLACE_AMBIGUOUS', placeName));
    else if (!placeId) errors.push(rowError(r.row, 'place', 'PLACE_UNKNOWN', placeName));
    if (!itemName) errors.push(rowError(r.row, 'item', 'REQUIRED'));
    else if (!itemId) errors.push(rowError(r.row, 'item', 'ITEM_UNKNOWN', itemName));
    if (!quantityText) errors.push(rowError(r.row, 'quantity', 'REQUIRED'));
    else if (!(quantity >= 1 && quantity <= MAX_LINE_QUANTITY))
      errors.push(rowError(r.row, 'quantity', 'QUANTITY_INVALID', quantityText));
    if (errors.length > before || !placeId || !itemId) continue;
    const key = `${placeId}|${itemId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(rowError(r.row, 'item', 'DUPLICATE_ROW', String(first)));
      continue;
    }
    seen.set(key, r.row);
    lines.push({ row: r.row, placeId, itemId, quantity });
  }
  return errors.length ? { lines: [], errors } : { lines, errors };
}
