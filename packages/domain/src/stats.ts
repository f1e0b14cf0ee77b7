/**
 * Campaign figures, defined once: each is a count, sum, distinct count or median over named
 * event actions. `statRows` is the definition as code (the server's SQL projection mirrors it,
 * and the property tests hold the two to each other); `figureDefinitions` is the same
 * definition in words, shown in the dashboard's help and in docs/statistics.md.
 */
import {
  ageGroups,
  healthStates,
  provinces,
  type SubjectFacts,
  specialGroups,
  statSexes,
} from './stats-subject.ts';

export const figureKeys = [
  'assisted',
  'assisted_persons',
  'street_assisted',
  'station_admitted',
  'persuaded_to_station',
  'patrols',
  'patrol_staff_trips',
  'vehicle_trips',
  'items_distributed',
  'warm_items_distributed',
  'food_distributed',
  'shelters_opened',
  'leads',
  'lead_outcomes',
  'lead_arrival_minutes',
  'discharged',
  'escorted_home',
  'reunited',
  'placed',
] as const;
export type FigureKey = (typeof figureKeys)[number];

/** count/sum add up over days and regions; distinct and median do not (documented). */
export type FigureKind = 'count' | 'sum' | 'distinct' | 'median';

export const dimensionKeys = [
  'sex',
  'age',
  'health',
  'province',
  'group',
  'category',
  'kind',
  'source',
  'outcome',
  'type',
] as const;
export type DimensionKey = (typeof dimensionKeys)[number];

interface FigureDefinition {
  zh: string;
  en: string;
  unit: { zh: string; en: string };
  kind: FigureKind;
  /** The actions it is computed from. */
  actions: readonly string[];
  dims: readonly DimensionKey[];
  definition: { zh: string; en: string };
}

const PERSON_DIMS = ['sex', 'age', 'health', 'province', 'group'] as const;
const RENCI = { zh: '人次', en: 'person-times' };
const REN = { zh: '人', en: 'persons' };
const CI = { zh: '次', en: 'times' };
const JIAN = { zh: '件', en: 'items' };
const GE = { zh: '个', en: 'places' };
const TIAO = { zh: '条', en: 'leads' };

export const WARM_KINDS = ['warmth_kit', 'coat', 'quilt', 'shoes'] as const;
export const FOOD_KINDS = ['food', 'water'] as const;

export const figureDefinitions: Record<FigureKey, FigureDefinition> = {
  assisted: {
    zh: '救助人次',
    en: 'Person-times assisted',
    unit: RENCI,
    kind: 'count',
    actions: ['encounter.recorded', 'stay.admitted'],
    dims: PERSON_DIMS,
    definition: {
      zh: '街面救助人次与入站救助人次之和：每记录一次街面救助、每办理一次入站登记各计 1；同一人救助三次计 3。',
      en: 'Street assistance plus station intakes: each encounter recorded and each admission counts 1; one person helped three times counts 3.',
    },
  },
  assisted_persons: {
    zh: '救助人数',
    en: 'Persons assisted',
    unit: REN,
    kind: 'distinct',
    actions: ['encounter.recorded', 'stay.admitted'],
    dims: [],
    definition: {
      zh: '期间内得到街面救助或入站救助的不同人员数（按受助人员档案去重）。下级之和可大于上级：同一人在两个区受助，在两个区各计 1、在市里计 1。',
      en: 'Distinct persons (by person record) assisted on the street or admitted in the period. Children may add up to more than the parent: a person helped in two districts counts once in each and once in the city.',
    },
  },
  street_assisted: {
    zh: '街面救助人次',
    en: 'Street assistance',
    unit: RENCI,
    kind: 'count',
    actions: ['encounter.recorded'],
    dims: [...PERSON_DIMS, 'category'],
    definition: {
      zh: '巡查队在街面记录的救助次数（含不愿入站者的现场救助与复访），按救助发生时间计入当天。',
      en: 'Encounters recorded by patrol teams on the street (relief on the spot and re-checks included), counted on the day they happened.',
    },
  },
  station_admitted: {
    zh: '入站救助人次',
    en: 'Station intakes',
    unit: RENCI,
    kind: 'count',
    actions: ['stay.admitted'],
    dims: PERSON_DIMS,
    definition: {
      zh: '救助站完成安检登记、入站救助的人次；分诊后直接送医或移交公安的不计入。',
      en: 'Admissions at a rescue station after the security check and registration; people sent on to hospital or police at triage are not counted.',
    },
  },
  persuaded_to_station: {
    zh: '劝导入站人次',
    en: 'Persuaded to the station',
    unit: RENCI,
    kind: 'count',
    actions: ['stay.admitted'],
    dims: [],
    definition: {
      zh: '由巡查队街面劝导、转送到站并办理入站的人次（到站方式为“巡查转送”）。',
      en: 'Admissions of people a patrol persuaded and brought in (arrival by hand-over from a patrol).',
    },
  },
  patrols: {
    zh: '巡查次数',
    en: 'Patrols',
    unit: CI,
    kind: 'count',
    actions: ['shift.started'],
    dims: [],
    definition: { zh: '巡查队开始的巡查班次数。', en: 'Patrol shifts started.' },
  },
  patrol_staff_trips: {
    zh: '出动巡查人员人次',
    en: 'Patrol staff-trips',
    unit: RENCI,
    kind: 'sum',
    actions: ['shift.started'],
    dims: [],
    definition: {
      zh: '每个巡查班次出动的队员人数之和（一名队员出动两个班次计 2）。',
      en: 'The crew of every shift started, added up (one member on two shifts counts 2).',
    },
  },
  vehicle_trips: {
    zh: '救助车辆台次',
    en: 'Vehicle-trips',
    unit: { zh: '台次', en: 'vehicle-trips' },
    kind: 'sum',
    actions: ['shift.started'],
    dims: [],
    definition: {
      zh: '每个巡查班次出动的不同车辆数之和。',
      en: 'Distinct vehicles of every shift started, added up.',
    },
  },
  items_distributed: {
    zh: '发放物资件数',
    en: 'Items handed out',
    unit: JIAN,
    kind: 'sum',
    actions: ['supply.distributed'],
    dims: ['kind'],
    definition: {
      zh: '物资台账中发放给受助人员的件数（街面与站内），按物资种类分列；调拨、发放给巡查队不计入。',
      en: 'Units handed out to people (on the street and at the station) in the supplies ledger, by kind; transfers and issues to teams are not counted.',
    },
  },
  warm_items_distributed: {
    zh: '发放御寒物品件数',
    en: 'Warm items handed out',
    unit: JIAN,
    kind: 'sum',
    actions: ['supply.distributed'],
    dims: ['kind'],
    definition: {
      zh: '发放件数中的温暖包、棉衣、棉被、鞋。',
      en: 'Of the units handed out: warmth kits, coats, quilts and shoes.',
    },
  },
  food_distributed: {
    zh: '发放食物件数',
    en: 'Food handed out',
    unit: JIAN,
    kind: 'sum',
    actions: ['supply.distributed'],
    dims: ['kind'],
    definition: { zh: '发放件数中的食物和饮用水。', en: 'Of the units handed out: food and water.' },
  },
  shelters_opened: {
    zh: '设立避寒场所个数',
    en: 'Shelters opened',
    unit: GE,
    kind: 'distinct',
    actions: ['shelter.activated'],
    dims: ['kind'],
    definition: {
      zh: '期间内启用过的临时避寒场所、临时救助点、求助引导点个数（同一场所启用多次计 1）。',
      en: 'Cold-weather shelters, relief points and help points opened at least once in the period (a place opened twice counts once).',
    },
  },
  leads: {
    zh: '收到线索数',
    en: 'Leads received',
    unit: TIAO,
    kind: 'count',
    actions: ['lead.received'],
    dims: ['source'],
    definition: {
      zh: '各渠道收到的求助线索（含之后被判为广告或重复的），按来源分列。',
      en: 'Leads received from every channel (including those later found to be spam or duplicates), by source.',
    },
  },
  lead_outcomes: {
    zh: '线索处置结果',
    en: 'Lead outcomes',
    unit: TIAO,
    kind: 'count',
    actions: ['lead.resolved', 'lead.not_found', 'lead.closed', 'lead.quarantined', 'lead.merged'],
    dims: ['outcome'],
    definition: {
      zh: '期间内线索到达的处置结果：已找到并救助、未找到、关闭（含误报）、疑似广告、重复合并；按结果发生的时间计。',
      en: 'Outcomes leads reached in the period: found and helped, not found, closed (false alarms included), spam, merged as duplicate; counted when reached.',
    },
  },
  lead_arrival_minutes: {
    zh: '线索到场时长中位数',
    en: 'Median lead to arrival',
    unit: { zh: '分钟', en: 'minutes' },
    kind: 'median',
    actions: ['lead.on_scene'],
    dims: [],
    definition: {
      zh: '从收到线索到救助队到场的分钟数（取整）的中位数（偶数个时取较小的中间值），按到场时间计入。',
      en: 'Median of the whole minutes from a lead received to the team on scene (the lower middle value for an even count), counted on the day of arrival.',
    },
  },
  discharged: {
    zh: '离站人次',
    en: 'Discharges',
    unit: RENCI,
    kind: 'count',
    actions: ['stay.discharged'],
    dims: ['type'],
    definition: {
      zh: '救助站办理离站的人次，按离站方式分列（自行离站、乘车返乡、护送返乡、亲属接领、转介、落户安置等）。',
      en: 'Discharges from rescue stations, by type (own accord, home with a ticket, escorted home, collected by family, referrals, placement…).',
    },
  },
  escorted_home: {
    zh: '护送返乡人次',
    en: 'Escorted home',
    unit: RENCI,
    kind: 'count',
    actions: ['stay.discharged'],
    dims: [],
    definition: { zh: '离站方式为护送返乡的人次。', en: 'Discharges of type escorted home.' },
  },
  reunited: {
    zh: '寻亲成功人次',
    en: 'Reunited with family',
    unit: RENCI,
    kind: 'count',
    actions: ['stay.discharged'],
    dims: [],
    definition: {
      zh: '入站时身份不明（开启寻亲）、离站时由亲属接领、护送返乡或乘车返乡的人次。',
      en: 'People admitted with identity unknown (tracing opened) who left collected by family, escorted home or home with a ticket.',
    },
  },
  placed: {
    zh: '落户安置人次',
    en: 'Placed (settled)',
    unit: RENCI,
    kind: 'count',
    actions: ['stay.discharged'],
    dims: [],
    definition: { zh: '离站方式为落户安置的人次。', en: 'Discharges of type placement.' },
  },
};

/** Every value a dimension can take, in the order the screens list them. */
export const dimensionValues: Partial<Record<DimensionKey, readonly string[]>> = {
  sex: statSexes,
  age: ageGroups,
  health: healthStates,
  group: specialGroups,
  province: [...Object.keys(provinces), 'unknown'],
};

export const outcomeOfAction: Record<string, string> = {
  'lead.resolved': 'resolved',
  'lead.not_found': 'not_found',
  'lead.closed': 'closed',
  'lead.quarantined': 'spam',
  'lead.merged': 'duplicate',
};

export const REUNION_DISCHARGES = ['family_collection', 'escort_home', 'return_home_ticket'] as const;

/** An event as the figures read it. */
export interface StatEvent {
  action: string;
  at: Date;
  regionCode: string;
  entityId: string;
  payload: Record<string, unknown>;
}

/**
 * One contribution of an event: to a summable figure (`value`, with `dim` '' for the
 * headline or 'sex:male' for a breakdown) or to a distinct count (`entity`).
 */
export type StatRow =
  | { figure: FigureKey; dim: string; value: number; entity?: undefined }
  | { figure: FigureKey; dim: string; value?: undefined; entity: string };

const dimRows = (figure: FigureKey, s: SubjectFacts | undefined): StatRow[] => {
  const rows: StatRow[] = [{ figure, dim: '', value: 1 }];
  if (!s) return rows;
  rows.push(
    { figure, dim: `sex:${s.sex ?? 'unknown'}`, value: 1 },
    { figure, dim: `age:${s.ageGroup ?? 'unknown'}`, value: 1 },
    { figure, dim: `health:${s.health ?? 'unknown'}`, value: 1 },
    { figure, dim: `province:${s.homeProvince ?? 'unknown'}`, value: 1 },
    ...(Array.isArray(s.groups) ? s.groups : []).map((g) => ({ figure, dim: `group:${g}`, value: 1 })),
  );
  return rows;
};

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : 0);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What one event adds to the figures: the definition, as code. */
export function statRows(e: StatEvent): StatRow[] {
  const p = e.payload;
  const subject = isObject(p.subject) ? (p.subject as unknown as SubjectFacts) : undefined;
  const person = (subject?.personId ?? p.personId) as string | undefined;
  switch (e.action) {
    case 'encounter.recorded': {
      const rows = [...dimRows('assisted', subject), ...dimRows('street_assisted', subject)];
      if (typeof p.category === 'string')
        rows.push({ figure: 'street_assisted', dim: `category:${p.category}`, value: 1 });
      if (person) rows.push({ figure: 'assisted_persons', dim: '', entity: person });
      return rows;
    }
    case 'stay.admitted': {
      const rows = [...dimRows('assisted', subject), ...dimRows('station_admitted', subject)];
      if (p.arrivalKind === 'handover') rows.push({ figure: 'persuaded_to_station', dim: '', value: 1 });
      if (person) rows.push({ figure: 'assisted_persons', dim: '', entity: person });
      return rows;
    }
    case 'shift.started':
      return [
        { figure: 'patrols', dim: '', value: 1 },
        { figure: 'patrol_staff_trips', dim: '', value: num(p.staffTrips) },
        { figure: 'vehicle_trips', dim: '', value: num(p.vehicleTrips) },
      ];
    case 'supply.distributed': {
      const rows: StatRow[] = [];
      for (const [kind, n] of Object.entries(isObject(p.byKind) ? p.byKind : {})) {
        const q = num(n);
        if (!q) continue;
        const figs: FigureKey[] = ['items_distributed'];
        if ((WARM_KINDS as readonly string[]).includes(kind)) figs.push('warm_items_distributed');
        if ((FOOD_KINDS as readonly string[]).includes(kind)) figs.push('food_distributed');
        for (const figure of figs)
          rows.push({ figure, dim: '', value: q }, { figure, dim: `kind:${kind}`, value: q });
      }
      return rows;
    }
    case 'shelter.activated':
      return [
        { figure: 'shelters_opened', dim: '', entity: e.entityId },
        { figure: 'shelters_opened', dim: `kind:${String(p.shelterKind ?? 'unknown')}`, entity: e.entityId },
      ];
    case 'lead.received':
      return [
        { figure: 'leads', dim: '', value: 1 },
        { figure: 'leads', dim: `source:${String(p.source ?? 'unknown')}`, value: 1 },
      ];
    case 'lead.on_scene':
      return [
        {
          figure: 'lead_arrival_minutes',
          dim: `minutes:${Math.max(0, Math.floor(num(p.minutesFromLead)))}`,
          value: 1,
        },
      ];
    case 'stay.discharged': {
      const rows: StatRow[] = [
        { figure: 'discharged', dim: '', value: 1 },
        { figure: 'discharged', dim: `type:${String(p.type ?? 'unknown')}`, value: 1 },
      ];
      if (p.type === 'escort_home') rows.push({ figure: 'escorted_home', dim: '', value: 1 });
      if (p.type === 'placement') rows.push({ figure: 'placed', dim: '', value: 1 });
      if (p.identityUnknown === true && (REUNION_DISCHARGES as readonly string[]).includes(String(p.type)))
        rows.push({ figure: 'reunited', dim: '', value: 1 });
      return rows;
    }
    default: {
      const outcome = outcomeOfAction[e.action];
      if (!outcome) return [];
      return [
        { figure: 'lead_outcomes', dim: '', value: 1 },
        { figure: 'lead_outcomes', dim: `outcome:${outcome}`, value: 1 },
      ];
    }
  }
}

/** Every action some figure reads: the rollup and the drill-down look at these only. */
export const statActions: readonly string[] = [
  ...new Set([...Object.values(figureDefinitions).flatMap((f) => f.actions)]),
];

/**
 * The Beijing calendar day a figure counts the event on: when it happened (an encounter
 * recorded offline carries `occurredAt`), else when it was stored.
 */
export function statDay(e: Pick<StatEvent, 'at' | 'payload'>): string {
  // Only a date-time counts as when it happened (as in the SQL projection): a bare date has no
  // Beijing day of its own.
  const o = e.payload.occurredAt;
  const occurred = typeof o === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(o) ? new Date(o) : null;
  const at = occurred && !Number.isNaN(occurred.getTime()) ? occurred : e.at;
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The lower median of a histogram {minutes → count}: what `percentile_disc(0.5)` answers. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (!total) return null;
  let seen = 0;
  for (const m of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(m) ?? 0;
    if (seen >= total / 2) return m;
  }
  return null;
}

/** The figures of a period: headline value per figure, breakdowns per `dim`. */
export interface Figures {
  values: Record<FigureKey, number | null>;
  breakdowns: Partial<Record<FigureKey, Record<string, number>>>;
}

/**
 * Sums contribution rows into figures: the one reduction both the rollup path and the
 * naive recomputation end in, so their answers differ only if their rows do.
 */
export function reduceFigures(
  sums: Iterable<{ figure: string; dim: string; value: number }>,
  distinct: Iterable<{ figure: string; dim: string; count: number }>,
): Figures {
  const values = Object.fromEntries(
    figureKeys.map((k) => [k, figureDefinitions[k].kind === 'median' ? null : 0]),
  ) as Record<FigureKey, number | null>;
  const breakdowns: Figures['breakdowns'] = {};
  const histogram = new Map<number, number>();
  const put = (figure: FigureKey, dim: string, n: number) => {
    if (dim === '') values[figure] = (values[figure] ?? 0) + n;
    else {
      const b = breakdowns[figure] ?? {};
      b[dim] = (b[dim] ?? 0) + n;
      breakdowns[figure] = b;
    }
  };
  for (const r of sums) {
    const figure = r.figure as FigureKey;
    if (!(figure in figureDefinitions)) continue;
    if (figure === 'lead_arrival_minutes') {
      const m = Number(r.dim.slice('minutes:'.length));
      histogram.set(m, (histogram.get(m) ?? 0) + Number(r.value));
    } else put(figure, r.dim, Number(r.value));
  }
  for (const r of distinct)
    if (r.figure in figureDefinitions) put(r.figure as FigureKey, r.dim, Number(r.count));
  values.lead_arrival_minutes = histogramMedian(histogram);
  return { values, breakdowns };
}

/** The figures of a list of events, straight from `statRows`: the reference for tests. */
export function referenceFigures(events: readonly StatEvent[]): Figures {
  const sums = new Map<string, { figure: string; dim: string; value: number }>();
  const sets = new Map<string, Set<string>>();
  for (const e of events)
    for (const r of statRows(e)) {
      const key = `${r.figure}|${r.dim}`;
      if (r.entity !== undefined) {
        if (!sets.has(key)) sets.set(key, new Set());
        sets.get(key)?.add(r.entity);
      } else {
        const s = sums.get(key) ?? { figure: r.figure, dim: r.dim, value: 0 };
        s.value += r.value;
        sums.set(key, s);
      }
    }
  return reduceFigures(
    sums.values(),
    [...sets].map(([k, s]) => {
      const [figure = '', dim = ''] = k.split('|');
      return { figure, dim, count: s.size };
    }),
  );
}
