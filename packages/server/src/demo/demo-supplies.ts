import {
  assemblyLines,
  type DonorKind,
  type LedgerLine,
  type SupplyKind,
  type SupplyUnit,
} from '@warmline/domain';
import { isNotNull } from 'drizzle-orm';
import type { Tx } from '../db/pool.ts';
import { encounter, supplyDonation, supplyItem, supplyKitComponent, supplyPlace } from '../db/schema.ts';
import { createHandOut } from '../modules/supplies/hand-out.ts';
import { createLedger, type MovementHeader } from '../modules/supplies/ledger.ts';
import { createSupplyRepository } from '../modules/supplies/supply.repository.ts';
import { createTeamPlaces } from '../modules/supplies/team-place.ts';
import type { Actor } from '../platform/actor.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { DEMO_CITY } from './demo-city.ts';
import type { SeededTeam } from './demo-dispatches.ts';
import { demoTeams } from './demo-teams.ts';

/**
 * The demo city's supplies (物资): the city warehouse, the station's store, a cold shelter and each
 * team's vehicle, filled over the season by donations and a purchase, kits assembled, transfers
 * and issues to the teams, and the hand-outs of the demo encounters booked from the vehicles — all
 * through the ledger, so every balance is the sum of its lines. A few items end under their
 * threshold, and 武江's vehicle handed out quilts it never had (账实不符).
 */
const items: { key: string; name: string; unit: SupplyUnit; kind: SupplyKind; parts?: [string, number][] }[] =
  [
    { key: 'coat', name: '棉衣', unit: 'piece', kind: 'coat' },
    { key: 'quilt', name: '棉被', unit: 'bedding', kind: 'quilt' },
    { key: 'shoes', name: '棉鞋', unit: 'pair', kind: 'shoes' },
    { key: 'noodles', name: '方便面', unit: 'serving', kind: 'food' },
    { key: 'porridge', name: '八宝粥', unit: 'serving', kind: 'food' },
    { key: 'water', name: '矿泉水', unit: 'bottle', kind: 'water' },
    { key: 'medicine', name: '感冒药', unit: 'box', kind: 'medicine' },
    { key: 'hat', name: '毛线帽', unit: 'each', kind: 'warmth_kit' },
    { key: 'gloves', name: '保暖手套', unit: 'pair', kind: 'warmth_kit' },
    { key: 'pad', name: '暖宝宝', unit: 'each', kind: 'warmth_kit' },
    { key: 'thermos', name: '保温杯', unit: 'each', kind: 'warmth_kit' },
    {
      key: 'kit',
      name: '温暖包',
      unit: 'each',
      kind: 'warmth_kit',
      parts: [
        ['hat', 1],
        ['gloves', 1],
        ['pad', 2],
        ['thermos', 1],
      ],
    },
  ];

const DAY = 24 * 3_600_000;

type Lines = [item: string, quantity: number][];

const donations: {
  daysAgo: number;
  kind: DonorKind;
  donor: string;
  contact?: string;
  lines: Lines;
  note: string;
}[] = [
  {
    daysAgo: 40,
    kind: 'charity',
    donor: '韶关市慈善总会',
    contact: '0751-8888120',
    lines: [
      ['coat', 300],
      ['quilt', 200],
      ['shoes', 150],
    ],
    note: '“寒冬送温暖”专项募集',
  },
  {
    daysAgo: 38,
    kind: 'enterprise',
    donor: '韶关市丹霞食品有限公司',
    contact: '黄经理 13822501234',
    lines: [
      ['noodles', 600],
      ['porridge', 400],
      ['water', 1200],
    ],
    note: '企业爱心捐赠',
  },
  { daysAgo: 33, kind: 'individual', donor: '陈先生', lines: [['coat', 20]], note: '市民送到救助站' },
];

/** What each team's vehicle is given nine days ago (by vehicle, in demoTeams order); 武江 gets no quilts. */
const issues: Lines[] = [
  [
    ['kit', 10],
    ['coat', 6],
    ['quilt', 4],
    ['noodles', 20],
    ['water', 24],
  ],
  [
    ['kit', 8],
    ['coat', 4],
    ['quilt', 3],
    ['noodles', 15],
    ['water', 24],
  ],
  [
    ['kit', 6],
    ['coat', 4],
    ['porridge', 12],
    ['water', 18],
  ],
  [
    ['kit', 6],
    ['quilt', 4],
    ['water', 12],
  ],
  [
    ['kit', 3],
    ['water', 8],
  ],
  [
    ['kit', 5],
    ['coat', 2],
    ['water', 12],
  ],
  // The rural counties' teams (始兴, 仁化, 翁源, 乳源, 新丰).
  ...Array.from(
    { length: 5 },
    (): Lines => [
      ['kit', 4],
      ['coat', 2],
      ['water', 10],
    ],
  ),
];

/** Every vehicle should carry at least this much; the county teams run low. */
const vehicleMinimum: Lines = [
  ['kit', 5],
  ['water', 12],
];

export async function seedDemoSupplies(
  tx: Tx,
  ids: Ids,
  now: Date,
  teams: SeededTeam[],
  refs: { requestId: string; keeperId: string; bureauId: string; stationId: string },
) {
  let at = now;
  const clock = { now: () => at };
  const recordEvent = createEventRecorder({ clock, ids });
  const ledger = createLedger({ ids, clock, recordEvent });
  const keeper: Actor = { id: refs.keeperId, role: 'supplies_keeper', regionCode: DEMO_CITY };
  const ctx = (actor: Actor) => ({ actor, requestId: refs.requestId });
  const eventCtx = { actorId: refs.keeperId, requestId: refs.requestId };

  const itemIds = new Map<string, string>();
  at = new Date(now.getTime() - 42 * DAY);
  for (const i of items) {
    const id = ids.next();
    itemIds.set(i.key, id);
    await tx
      .insert(supplyItem)
      .values({ id, name: i.name, unit: i.unit, supplyKind: i.kind, isKit: !!i.parts, createdAt: at });
    if (i.parts)
      await tx
        .insert(supplyKitComponent)
        .values(i.parts.map(([part, quantity]) => ({ kitId: id, itemId: itemIds.get(part)!, quantity })));
    await recordEvent(tx, eventCtx, {
      action: 'supply.item_created',
      entityType: 'supply_item',
      entityId: id,
      regionCode: DEMO_CITY,
      payload: { supplyKind: i.kind, isKit: !!i.parts },
    });
  }
  const place = async (values: Omit<typeof supplyPlace.$inferInsert, 'id'>) => {
    const id = ids.next();
    await tx.insert(supplyPlace).values({ id, ...values, createdAt: at, createdBy: refs.keeperId });
    await recordEvent(tx, eventCtx, {
      action: 'supply.place_created',
      entityType: 'supply_place',
      entityId: id,
      regionCode: values.regionCode,
      payload: { kind: values.kind, teamId: null, orgId: values.orgId ?? null },
    });
    return { id, regionCode: values.regionCode };
  };
  const warehouse = await place({
    name: '韶关市救助物资仓库',
    kind: 'warehouse',
    regionCode: DEMO_CITY,
    orgId: refs.bureauId,
    address: '浈江区十里亭镇物流园 3 号库',
  });
  const store = await place({
    name: '韶关市救助管理站物资库',
    kind: 'station',
    regionCode: '440204',
    orgId: refs.stationId,
  });
  const shelter = await place({
    name: '风度路临时避寒点',
    kind: 'shelter',
    regionCode: '440204',
    address: '浈江区风度路社区服务中心一楼',
  });
  const teamPlaces = createTeamPlaces({ clock, ids, recordEvent });
  const vehicles = [];
  for (const [i, t] of teams.entries())
    if (demoTeams[i]!.vehicle)
      vehicles.push({ team: t, place: await teamPlaces.ensure(tx, ctx(keeper), t.id) });

  const lines = (placeId: string, l: Lines, sign = 1): LedgerLine[] =>
    l.map(([key, quantity]) => ({ placeId, itemId: itemIds.get(key)!, quantity: sign * quantity }));
  const move = async (daysAgo: number, header: Omit<MovementHeader, 'at'>, moved: LedgerLine[]) => {
    at = new Date(now.getTime() - daysAgo * DAY);
    return ledger.move(tx, eventCtx, { header: { ...header, at }, keys: moved, plan: () => moved });
  };
  const transfer = (
    daysAgo: number,
    from: { id: string; regionCode: string },
    to: string,
    l: Lines,
    teamId?: string,
  ) =>
    move(
      daysAgo,
      {
        kind: teamId ? 'issue' : 'transfer',
        fromPlaceId: from.id,
        toPlaceId: to,
        teamId: teamId ?? null,
        regionCode: from.regionCode,
      },
      [...lines(from.id, l, -1), ...lines(to, l)],
    );

  for (const d of donations) {
    const into = d.kind === 'individual' ? store : warehouse;
    const donationId = ids.next();
    const moved = await move(
      d.daysAgo,
      { kind: 'receive', toPlaceId: into.id, donationId, regionCode: into.regionCode, note: d.note },
      lines(into.id, d.lines),
    );
    await tx.insert(supplyDonation).values({
      id: donationId,
      donorKind: d.kind,
      donorName: d.donor,
      donorContact: d.contact ?? null,
      receivedOn: new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      placeId: into.id,
      movementId: moved.movementId,
      regionCode: into.regionCode,
      note: d.note,
      createdAt: at,
      createdBy: refs.keeperId,
    });
    await recordEvent(tx, eventCtx, {
      action: 'donation.recorded',
      entityType: 'donation',
      entityId: donationId,
      regionCode: into.regionCode,
      payload: {
        donorKind: d.kind,
        movementId: moved.movementId,
        units: d.lines.reduce((n, [, q]) => n + q, 0),
      },
    });
  }
  const parts: Lines = [
    ['hat', 300],
    ['gloves', 300],
    ['pad', 800],
    ['thermos', 300],
    ['medicine', 100],
  ];
  await move(
    36,
    {
      kind: 'receive',
      toPlaceId: warehouse.id,
      regionCode: DEMO_CITY,
      note: '政府采购（温暖包配件、常用药）',
    },
    lines(warehouse.id, parts),
  );
  const kitId = itemIds.get('kit')!;
  const recipe = items
    .find((i) => i.key === 'kit')!
    .parts!.map(([key, quantity]) => ({ itemId: itemIds.get(key)!, quantity }));
  await move(
    35,
    { kind: 'assemble', toPlaceId: warehouse.id, regionCode: DEMO_CITY, note: '志愿者分装温暖包' },
    assemblyLines(warehouse.id, kitId, recipe, 250),
  );
  await transfer(32, warehouse, store.id, [
    ['kit', 60],
    ['quilt', 60],
    ['coat', 80],
    ['noodles', 150],
    ['water', 300],
    ['medicine', 30],
  ]);
  await transfer(30, warehouse, shelter.id, [
    ['quilt', 40],
    ['kit', 20],
    ['water', 120],
  ]);
  for (const [i, v] of vehicles.entries()) await transfer(9, warehouse, v.place.id, issues[i]!, v.team.id);
  // The two 浈江 teams are topped up before the cold nights; the county teams are not.
  for (const v of vehicles.slice(0, 2))
    await transfer(
      2,
      warehouse,
      v.place.id,
      [
        ['kit', 6],
        ['water', 24],
      ],
      v.team.id,
    );

  // The week's encounters handed out what the rules suggested: booked from the team's vehicle.
  const handOut = createHandOut({ clock, ids, recordEvent });
  const given = await tx.select().from(encounter).where(isNotNull(encounter.teamId)).orderBy(encounter.at);
  for (const e of given) {
    const list = e.itemsGiven as { kind: SupplyKind; quantity: number }[];
    if (!list.length) continue;
    at = e.at;
    // A team without accounts has its slips booked by the keeper.
    const actor = e.userId ? { id: e.userId, role: 'patrol_member' as const, regionCode: DEMO_CITY } : keeper;
    await handOut(tx, ctx(actor), {
      teamId: e.teamId!,
      lines: list.map((l) => ({ supplyKind: l.kind, quantity: l.quantity })),
      encounterId: e.id,
      personId: e.personId,
      at: e.at,
    });
  }

  at = now;
  const repo = createSupplyRepository(tx);
  const minimum = async (placeId: string, regionCode: string, l: Lines) => {
    for (const [key, minQuantity] of l) {
      await repo.setMinQuantity(placeId, itemIds.get(key)!, minQuantity, at);
      await recordEvent(tx, eventCtx, {
        action: 'supply.threshold_set',
        entityType: 'supply_place',
        entityId: placeId,
        regionCode,
        payload: { itemId: itemIds.get(key)!, minQuantity },
      });
    }
  };
  await minimum(warehouse.id, DEMO_CITY, [
    ['kit', 50],
    ['quilt', 50],
    ['medicine', 80],
  ]);
  await minimum(store.id, store.regionCode, [
    ['quilt', 80],
    ['kit', 30],
  ]);
  for (const v of vehicles) await minimum(v.place.id, v.team.regionCode, vehicleMinimum);
}
