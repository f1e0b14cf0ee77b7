import { eq, inArray, isNotNull } from 'drizzle-orm';
import { supplyItem, supplyPlace, supplyStock } from '../db/schema.ts';
import { DAY, HOUR } from './demo-season-clock.ts';
import type { Season } from './demo-season-types.ts';

/**
 * The vehicles' loads: every fortnight the keeper buys in what the teams will need (more as it gets
 * colder) and issues it to every team, so the encounters' hand-outs come off real stock (no
 * 账实不符). Before today what the vehicles still carry goes back to the warehouse (收车回库) and what
 * they gave of the stock they had is made up, so each vehicle ends the season with what the rest of
 * the demo gave it (its thresholds and alerts unchanged). A team without a vehicle keeps a small
 * bag (温暖包, 水).
 */
type Load = [name: string, quantity: number][];

const PERIOD = 14 * DAY;

export async function seasonSupplies(season: Season) {
  const { tx, timeline, services, now, refs } = season;
  const ctx = season.ctx(season.actors.keeper);
  const items = new Map(
    (await tx.select({ id: supplyItem.id, name: supplyItem.name }).from(supplyItem)).map((i) => [
      i.name,
      i.id,
    ]),
  );
  const [warehouse] = await tx.select().from(supplyPlace).where(eq(supplyPlace.kind, 'warehouse'));
  if (!warehouse || !items.size) return;
  const balances = async () => {
    const places = await tx.select().from(supplyPlace).where(isNotNull(supplyPlace.teamId));
    const rows = places.length
      ? await tx
          .select()
          .from(supplyStock)
          .where(
            inArray(
              supplyStock.placeId,
              places.map((p) => p.id),
            ),
          )
      : [];
    return new Map(
      places.map((p) => [
        p.teamId!,
        {
          placeId: p.id,
          stock: new Map(rows.filter((r) => r.placeId === p.id).map((r) => [r.itemId, r.quantity])),
        },
      ]),
    );
  };
  // What every vehicle carries before the season's weeks are written: what it must end with.
  const before = await balances();
  const bag = new Map([
    [items.get('温暖包')!, 3],
    [items.get('矿泉水')!, 6],
  ]);

  const lines = (load: Load) =>
    load.filter(([, q]) => q > 0).map(([name, quantity]) => ({ itemId: items.get(name)!, quantity }));
  for (let from = season.start.getTime() - 2 * HOUR; from < now.getTime(); from += PERIOD) {
    const loadAt = new Date(from);
    const busy =
      (season.busyOn(loadAt) + season.busyOn(new Date(Math.min(from + PERIOD, now.getTime())))) / 2;
    const loads = refs.teams.map((t): [string, Load] => {
      const n = (PERIOD / DAY) * busy * (t.regionCode === '440204' || t.regionCode === '440203' ? 0.6 : 0.3);
      const c = (f: number, base: number) => Math.ceil(n * f) + base;
      return [
        t.id,
        [
          ['温暖包', c(0.7, 2)],
          ['棉衣', c(0.6, 2)],
          ['棉被', c(0.5, 2)],
          ['方便面', c(1.5, 3)],
          ['矿泉水', c(1.2, 3)],
        ],
      ];
    });
    timeline.add(loadAt, async () => {
      const total = new Map<string, number>();
      for (const [, load] of loads) for (const [name, q] of load) total.set(name, (total.get(name) ?? 0) + q);
      await services.movements.receive(ctx, {
        placeId: warehouse.id,
        lines: lines([...total]),
        note: '“寒冬送温暖”补充采购（巡查车随车物资）',
      });
      for (const [teamId, load] of loads)
        await services.movements.issue(ctx, {
          fromPlaceId: warehouse.id,
          teamId,
          lines: lines(load),
          note: '随车物资（两周）',
        });
    });
  }
  timeline.add(new Date(now.getTime() - 20 * 60_000), async () => {
    const nowHeld = await balances();
    for (const [teamId, { placeId, stock }] of nowHeld) {
      const want = before.get(teamId)?.stock ?? bag;
      const back: Load = [];
      const short: Load = [];
      for (const [name, itemId] of items) {
        const d = (stock.get(itemId) ?? 0) - (want.get(itemId) ?? 0);
        if (d > 0) back.push([name, d]);
        if (d < 0) short.push([name, -d]);
      }
      if (short.length)
        await services.movements.issue(ctx, {
          fromPlaceId: warehouse.id,
          teamId,
          lines: lines(short),
          note: '补齐车载常备物资',
        });
      if (back.length)
        await services.movements.transfer(ctx, {
          fromPlaceId: placeId,
          toPlaceId: warehouse.id,
          lines: lines(back),
          note: '收车回库',
        });
    }
  });
}
