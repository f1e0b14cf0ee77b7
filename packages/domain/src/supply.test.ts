import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLines,
  assemblyLines,
  isLowStock,
  type LedgerLine,
  lockOrder,
  netLines,
  planHandOut,
  type StockedItem,
} from './supply.ts';

const coat: StockedItem = { itemId: 'coat-m', supplyKind: 'coat', isKit: false, quantity: 3 };
const coatF: StockedItem = { itemId: 'coat-f', supplyKind: 'coat', isKit: false, quantity: 5 };
const kit: StockedItem = { itemId: 'kit', supplyKind: 'warmth_kit', isKit: true, quantity: 2 };
const hat: StockedItem = { itemId: 'hat', supplyKind: 'warmth_kit', isKit: false, quantity: 40 };
const water: StockedItem = { itemId: 'water', supplyKind: 'water', isKit: false, quantity: 0 };

describe('planHandOut', () => {
  it('hands out what the stock allows and names the rest as the shortfall', () => {
    expect(
      planHandOut(
        [coat, kit, water],
        [
          { supplyKind: 'coat', quantity: 2 },
          { supplyKind: 'water', quantity: 1 },
        ],
      ),
    ).toEqual({
      given: [{ itemId: 'coat-m', supplyKind: 'coat', quantity: 2 }],
      shortfall: [{ supplyKind: 'water', itemId: null, quantity: 1 }],
    });
  });

  it('serves a kind from the item with most in stock first, then the next', () => {
    const plan = planHandOut([coat, coatF], [{ supplyKind: 'coat', quantity: 7 }]);
    expect(plan.given).toEqual([
      { itemId: 'coat-f', supplyKind: 'coat', quantity: 5 },
      { itemId: 'coat-m', supplyKind: 'coat', quantity: 2 },
    ]);
    expect(plan.shortfall).toEqual([]);
  });

  it('hands out a warmth kit only as a kit, never its parts', () => {
    const plan = planHandOut([hat, kit], [{ supplyKind: 'warmth_kit', quantity: 3 }]);
    expect(plan.given).toEqual([{ itemId: 'kit', supplyKind: 'warmth_kit', quantity: 2 }]);
    expect(plan.shortfall).toEqual([{ supplyKind: 'warmth_kit', itemId: null, quantity: 1 }]);
  });

  it('serves a named item, and does not give the same stock twice', () => {
    const plan = planHandOut(
      [coat],
      [
        { itemId: 'coat-m', quantity: 2 },
        { supplyKind: 'coat', quantity: 2 },
      ],
    );
    expect(plan.given).toEqual([{ itemId: 'coat-m', supplyKind: 'coat', quantity: 3 }]);
    expect(plan.shortfall).toEqual([{ supplyKind: 'coat', itemId: null, quantity: 1 }]);
    expect(planHandOut([], [{ itemId: 'nothing', quantity: 1 }]).shortfall).toEqual([
      { supplyKind: null, itemId: 'nothing', quantity: 1 },
    ]);
  });

  it('never gives more than is in stock or than was asked (property)', () => {
    const kinds = ['coat', 'water', 'warmth_kit'] as const;
    const stockArb = fc.uniqueArray(
      fc.record({
        itemId: fc.constantFrom('a', 'b', 'c', 'd'),
        supplyKind: fc.constantFrom(...kinds),
        isKit: fc.boolean(),
        quantity: fc.integer({ min: 0, max: 10 }),
      }),
      { selector: (s) => s.itemId },
    );
    const requestArb = fc.array(
      fc.record({ supplyKind: fc.constantFrom(...kinds), quantity: fc.integer({ min: 1, max: 8 }) }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(stockArb, requestArb, (stock, requests) => {
        const plan = planHandOut(stock, requests);
        for (const g of plan.given)
          expect(g.quantity).toBeLessThanOrEqual(stock.find((s) => s.itemId === g.itemId)!.quantity);
        const given = plan.given.reduce((n, g) => n + g.quantity, 0);
        const short = plan.shortfall.reduce((n, s) => n + s.quantity, 0);
        expect(given + short).toBe(requests.reduce((n, r) => n + r.quantity, 0));
      }),
    );
  });
});

describe('ledger lines', () => {
  const l = (placeId: string, itemId: string, quantity: number): LedgerLine => ({
    placeId,
    itemId,
    quantity,
  });

  it('nets lines per place and item, dropping what cancels', () => {
    expect(netLines([l('p', 'a', 3), l('p', 'a', -1), l('q', 'a', 2), l('q', 'a', -2)])).toEqual([
      l('p', 'a', 2),
    ]);
  });

  it('refuses a line that would take a place below zero, naming what was there', () => {
    const balances = new Map([['p|a', 5]]);
    expect(applyLines(balances, [l('p', 'a', -5), l('q', 'a', 5)])).toEqual({
      after: [l('p', 'a', 0), l('q', 'a', 5)],
      shortages: [],
    });
    expect(applyLines(balances, [l('p', 'a', -6), l('p', 'b', -1)]).shortages).toEqual([
      { placeId: 'p', itemId: 'a', available: 5, requested: 6 },
      { placeId: 'p', itemId: 'b', available: 0, requested: 1 },
    ]);
  });

  it('locks by place, then item, whatever order the lines came in', () => {
    expect(
      lockOrder([l('q', 'a', 1), l('p', 'b', 1), l('p', 'a', 1)]).map((x) => `${x.placeId}${x.itemId}`),
    ).toEqual(['pa', 'pb', 'qa']);
  });

  it('assembles kits: the parts out times the count, the kits in', () => {
    expect(
      assemblyLines(
        'p',
        'kit',
        [
          { itemId: 'hat', quantity: 1 },
          { itemId: 'pad', quantity: 2 },
        ],
        10,
      ),
    ).toEqual([l('p', 'hat', -10), l('p', 'pad', -20), l('p', 'kit', 10)]);
  });

  it('is low only below a minimum that is set', () => {
    expect(isLowStock(3, 5)).toBe(true);
    expect(isLowStock(5, 5)).toBe(false);
    expect(isLowStock(0, null)).toBe(false);
  });
});
