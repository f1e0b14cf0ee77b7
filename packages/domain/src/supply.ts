/**
 * Supplies (物资): the item catalogue, the places stock is kept, and the ledger of movements
 * between them. Stock is never typed in: it is the sum of the ledger, and a movement that would
 * take a place below zero is refused. The rules here are pure, shared by the server, the web
 * and (later) the patrol phone.
 */
import type { SupplyKind } from './assistance.ts';

/** Units as Chinese counts them: a coat is 件, a quilt 床, shoes 双, a meal 份… */
export const supplyUnits = ['piece', 'bedding', 'pair', 'serving', 'bottle', 'box', 'each'] as const;
export type SupplyUnit = (typeof supplyUnits)[number];

export const supplyUnitLabels: Record<SupplyUnit, { zh: string; en: string }> = {
  piece: { zh: '件', en: 'pc' },
  bedding: { zh: '床', en: 'quilt' },
  pair: { zh: '双', en: 'pair' },
  serving: { zh: '份', en: 'serving' },
  bottle: { zh: '瓶', en: 'bottle' },
  box: { zh: '盒', en: 'box' },
  each: { zh: '个', en: 'each' },
};

/** Where stock is kept: a warehouse, a station's store, a cold shelter, a patrol team's vehicle. */
export const supplyPlaceKinds = ['warehouse', 'station', 'shelter', 'team_vehicle'] as const;
export type SupplyPlaceKind = (typeof supplyPlaceKinds)[number];

export const supplyPlaceKindLabels: Record<SupplyPlaceKind, { zh: string; en: string }> = {
  warehouse: { zh: '仓库', en: 'Warehouse' },
  station: { zh: '救助站', en: 'Station' },
  shelter: { zh: '避寒场所', en: 'Shelter' },
  team_vehicle: { zh: '巡查车', en: 'Patrol vehicle' },
};

export const donorKinds = ['enterprise', 'charity', 'individual'] as const;
export type DonorKind = (typeof donorKinds)[number];

export const donorKindLabels: Record<DonorKind, { zh: string; en: string }> = {
  enterprise: { zh: '爱心企业', en: 'Enterprise' },
  charity: { zh: '慈善组织', en: 'Charity' },
  individual: { zh: '个人', en: 'Individual' },
};

/** Why a keeper corrects the book: a count on the shelf, damaged goods, goods past their date. */
export const adjustReasons = ['stocktake', 'damage', 'expiry'] as const;
export type AdjustReason = (typeof adjustReasons)[number];

export const adjustReasonLabels: Record<AdjustReason, { zh: string; en: string }> = {
  stocktake: { zh: '盘点', en: 'Stocktake' },
  damage: { zh: '损耗', en: 'Damaged' },
  expiry: { zh: '过期', en: 'Expired' },
};

/** What a movement is. `issue` is a transfer into a team's vehicle; `import` the opening stock list. */
export const movementKinds = [
  'receive',
  'transfer',
  'issue',
  'distribute',
  'adjust',
  'assemble',
  'import',
] as const;
export type MovementKind = (typeof movementKinds)[number];

export const movementKindLabels: Record<MovementKind, { zh: string; en: string }> = {
  receive: { zh: '入库', en: 'Received' },
  transfer: { zh: '调拨', en: 'Transfer' },
  issue: { zh: '发放给巡查队', en: 'Issued to a team' },
  distribute: { zh: '发放给受助人员', en: 'Handed out' },
  adjust: { zh: '盘点调整', en: 'Adjustment' },
  assemble: { zh: '组装', en: 'Kits assembled' },
  import: { zh: 'Excel 导入', en: 'Imported' },
};

/** Most of one item a single movement line may carry (a lorry of water is 2,000 bottles). */
export const MAX_LINE_QUANTITY = 100_000;

/** Low stock: below the place's minimum for the item (no minimum set: never low). */
export function isLowStock(quantity: number, minQuantity: number | null): boolean {
  return minQuantity !== null && quantity < minQuantity;
}

/**
 * A stock-changing line at one place, as the ledger keeps it: a signed quantity of one item.
 * Lines for the same place and item are added together.
 */
export interface LedgerLine {
  placeId: string;
  itemId: string;
  quantity: number;
}

/** Adds up lines per place and item, dropping those that cancel out. */
export function netLines(lines: readonly LedgerLine[]): LedgerLine[] {
  const sums = new Map<string, LedgerLine>();
  for (const l of lines) {
    const key = `${l.placeId}|${l.itemId}`;
    const sum = sums.get(key) ?? { placeId: l.placeId, itemId: l.itemId, quantity: 0 };
    sum.quantity += l.quantity;
    sums.set(key, sum);
  }
  return [...sums.values()].filter((l) => l.quantity !== 0);
}

/**
 * The order every movement locks stock rows in: by place id, then item id. Two movements that
 * touch the same rows wait for each other instead of deadlocking.
 */
export function lockOrder<T extends { placeId: string; itemId: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) =>
    a.placeId === b.placeId ? compareIds(a.itemId, b.itemId) : compareIds(a.placeId, b.placeId),
  );
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface Shortage {
  placeId: string;
  itemId: string;
  available: number;
  requested: number;
}

/**
 * What each line leaves at its place, from the balances before it. A movement is refused whole
 * if any place would go below zero: the answer lists every such line.
 */
export function applyLines(
  balances: ReadonlyMap<string, number>,
  lines: readonly LedgerLine[],
): { after: LedgerLine[]; shortages: Shortage[] } {
  const after: LedgerLine[] = [];
  const shortages: Shortage[] = [];
  for (const l of netLines(lines)) {
    const available = balances.get(`${l.placeId}|${l.itemId}`) ?? 0;
    const quantity = available + l.quantity;
    if (quantity < 0)
      shortages.push({ placeId: l.placeId, itemId: l.itemId, available, requested: -l.quantity });
    after.push({ placeId: l.placeId, itemId: l.itemId, quantity });
  }
  return { after, shortages };
}

/** One unit of a kit is made of these; assembling `count` kits takes `count` times each. */
export interface KitComponent {
  itemId: string;
  quantity: number;
}

/** The lines of assembling `count` kits at a place: the parts out, the kits in. */
export function assemblyLines(
  placeId: string,
  kitItemId: string,
  components: readonly KitComponent[],
  count: number,
): LedgerLine[] {
  return [
    ...components.map((c) => ({ placeId, itemId: c.itemId, quantity: -c.quantity * count })),
    { placeId, itemId: kitItemId, quantity: count },
  ];
}

/** An item on a shelf, as the hand-out plan sees it. */
export interface StockedItem {
  itemId: string;
  supplyKind: SupplyKind;
  isKit: boolean;
  quantity: number;
}

/** A request as the street knows it: by kind (两件棉衣) or by a named item. */
export type HandOutRequest =
  | { supplyKind: SupplyKind; itemId?: undefined; quantity: number }
  | { itemId: string; supplyKind?: undefined; quantity: number };

export interface HandOutPlan {
  /** What the stock allows, item by item. */
  given: { itemId: string; supplyKind: SupplyKind; quantity: number }[];
  /** What the stock could not cover, per request. */
  shortfall: { supplyKind: SupplyKind | null; itemId: string | null; quantity: number }[];
}

/**
 * Which of the requested items the stock (a team vehicle's, a station's) can hand out, and what
 * is short. A request by kind is served from the items of that kind with the most in stock first;
 * a warmth kit only by a kit (its parts — hats, gloves, heat pads — are not a warmth kit on their
 * own). Stock taken by one request is not offered to the next.
 *
 * @example planHandOut([{ itemId: 'coat', supplyKind: 'coat', isKit: false, quantity: 1 }],
 *   [{ supplyKind: 'coat', quantity: 2 }])
 * // → given [{ itemId: 'coat', supplyKind: 'coat', quantity: 1 }],
 * //   shortfall [{ supplyKind: 'coat', itemId: null, quantity: 1 }]
 */
export function planHandOut(stock: readonly StockedItem[], requests: readonly HandOutRequest[]): HandOutPlan {
  const left = new Map(stock.map((s) => [s.itemId, Math.max(0, s.quantity)]));
  const given = new Map<string, HandOutPlan['given'][number]>();
  const shortfall: HandOutPlan['shortfall'] = [];
  for (const r of requests) {
    const candidates = stock
      .filter((s) =>
        r.itemId !== undefined
          ? s.itemId === r.itemId
          : s.supplyKind === r.supplyKind && (r.supplyKind !== 'warmth_kit' || s.isKit),
      )
      .sort((a, b) => left.get(b.itemId)! - left.get(a.itemId)! || compareIds(a.itemId, b.itemId));
    let wanted = r.quantity;
    for (const s of candidates) {
      const take = Math.min(wanted, left.get(s.itemId)!);
      if (take <= 0) continue;
      left.set(s.itemId, left.get(s.itemId)! - take);
      const g = given.get(s.itemId) ?? { itemId: s.itemId, supplyKind: s.supplyKind, quantity: 0 };
      g.quantity += take;
      given.set(s.itemId, g);
      wanted -= take;
    }
    if (wanted > 0) {
      const kind = r.supplyKind ?? stock.find((s) => s.itemId === r.itemId)?.supplyKind ?? null;
      shortfall.push({ supplyKind: kind, itemId: r.itemId ?? null, quantity: wanted });
    }
  }
  return { given: [...given.values()], shortfall };
}
