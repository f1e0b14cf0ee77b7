/**
 * The demo winter's weather in 韶关市: the warnings the meteorological observatories issued, as
 * CAP 1.2 documents built here, played in time order through the warning service with the clock
 * set to each one's `sent`; and the forecast minimum per county for every night of the season
 * and the next three.
 *
 * The story, relative to the demo's now (the season's cold wave is its last week, as in
 * demo-season.ts, after seed 004's December cold wave):
 * - mid-November, the cold snap: 寒潮蓝色 for the city, expired;
 * - eight days ago 寒潮黄色 for the city → five days ago updated to 橙色 → three days ago 红色 for
 *   the five northern counties (乐昌、南雄、仁化、始兴、乳源) with a new 橙色 for the rest, the red
 *   uploaded by the command centre; the red cancelled yesterday, the orange expired;
 * - the day before yesterday 道路结冰黄色 on the 乳源/南雄 mountain roads, pushed by the provincial
 *   platform, one area (an expressway section) matching no region, so 待人工核对;
 * - in force now: that road icing, 寒冷黄色 for the northern counties, and a 寒冷黄色 for 翁源 the
 *   duty officer typed in off the county TV (手工录入).
 */
import type { Db, Tx } from '../db/pool.ts';
import { forecastMin } from '../db/schema.ts';
import type { IngestResult, WarningService, WarningView } from '../modules/weather/warning.service.ts';
import type { Ctx } from '../platform/actor.ts';
import { counties, DEMO_CITY } from './demo-city.ts';
import { beijingDay, DAY, HOUR } from './demo-season-clock.ts';
import { seededRandom } from './random.ts';

const CITY_OBSERVATORY = '韶关市气象台';
/** The five northern mountain counties (also the ones whose bureaus chose 自动启动). */
export const NORTH = ['440281', '440282', '440224', '440222', '440232'];
const SOUTH = ['440203', '440204', '440205', '440229', '440233'];
const nameOf = new Map(counties.map(([code, name]) => [code, name]));

/** A CAP time in Beijing: 2026-12-01T08:00:00+08:00. */
export const capTime = (d: Date) => `${new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
const stamp = (d: Date) => capTime(d).slice(0, 19).replace(/\D/g, '');

interface CapDoc {
  identifier: string;
  sender: string;
  sent: Date;
  msgType: 'Alert' | 'Update' | 'Cancel';
  references?: CapDoc[];
  event: string;
  severity: 'Minor' | 'Moderate' | 'Severe' | 'Extreme';
  urgency: string;
  certainty: string;
  expires?: Date;
  headline: string;
  description?: string;
  instruction?: string;
  areas: { desc: string; codes: string[] }[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document as an observatory's CAP feed writes it. */
export function capXml(d: CapDoc): string {
  const refs = d.references?.map((r) => `${r.sender},${r.identifier},${capTime(r.sent)}`).join(' ');
  const areas = d.areas
    .map(
      (a) =>
        `      <area>\n        <areaDesc>${esc(a.desc)}</areaDesc>\n${a.codes
          .map((c) => `        <geocode><valueName>GB/T 2260</valueName><value>${c}</value></geocode>\n`)
          .join('')}      </area>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${d.identifier}</identifier>
  <sender>${esc(d.sender)}</sender>
  <sent>${capTime(d.sent)}</sent>
  <status>Actual</status>
  <msgType>${d.msgType}</msgType>
  <scope>Public</scope>${refs ? `\n  <references>${esc(refs)}</references>` : ''}
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>${esc(d.event)}</event>
    <urgency>${d.urgency}</urgency>
    <severity>${d.severity}</severity>
    <certainty>${d.certainty}</certainty>
    <effective>${capTime(d.sent)}</effective>${d.expires ? `\n    <expires>${capTime(d.expires)}</expires>` : ''}
    <senderName>${esc(d.sender)}</senderName>
    <headline>${esc(d.headline)}</headline>${d.description ? `\n    <description>${esc(d.description)}</description>` : ''}${
      d.instruction ? `\n    <instruction>${esc(d.instruction)}</instruction>` : ''
    }
${areas}
  </info>
</alert>`;
}

/** One warning of the demo winter: a CAP document from a source, or a duty officer's entry. */
export type DemoWarning =
  | { sent: Date; source: 'feed' | 'upload' | 'push'; xml: string; headline: string }
  | {
      sent: Date;
      source: 'manual';
      headline: string;
      entry: Parameters<WarningService['enter']>[1];
    };

const cap = (source: 'feed' | 'upload' | 'push', d: CapDoc): DemoWarning => ({
  sent: d.sent,
  source,
  xml: capXml(d),
  headline: d.headline,
});
const id = (region: string, sent: Date) => `${region}41600000_${stamp(sent)}`;
const names = (codes: string[]) => codes.map((c) => nameOf.get(c) ?? c).join('、');
const instruction =
  '做好防寒保暖；民政、救助管理机构加强街面巡查，及时劝导、救助流浪乞讨等临时遇困人员，开放临时避寒场所。';

/**
 * The winter's warnings up to `now`, in time order. `start` is the season's first day: nothing
 * before it, and the November snap only when the season is long enough to have one before the
 * cold wave.
 */
export function demoWarnings(now: Date, start: Date): DemoWarning[] {
  const today = beijingDay(now);
  /**
   * `h:m` Beijing, `days` days before today. Never on the hour: the test fixtures are, and an
   * identifier (sender's code + sent) must not meet one of theirs on any demo date.
   */
  const ago = (days: number, h: number, m = 0) => new Date(today - days * DAY + h * HOUR + m * 60_000);
  const out: DemoWarning[] = [];
  const seasonDay = (n: number, h: number, m = 0) =>
    new Date(beijingDay(start) + n * DAY + h * HOUR + m * 60_000);

  // The mid-November cold snap (the season's 24th–27th nights).
  const snap = seasonDay(23, 10, 35);
  if (snap.getTime() + 2 * DAY < ago(9, 0).getTime())
    out.push(
      cap('feed', {
        identifier: id(DEMO_CITY, snap),
        sender: CITY_OBSERVATORY,
        sent: snap,
        msgType: 'Alert',
        event: '寒潮',
        severity: 'Minor',
        urgency: 'Expected',
        certainty: 'Likely',
        expires: new Date(snap.getTime() + 2 * DAY),
        headline: '韶关市气象台发布寒潮蓝色预警信号',
        description:
          '受冷空气影响，预计未来48小时我市最低气温将下降8℃以上，北部山区最低气温降至4℃左右，陆地平均风力5级，请注意防范。',
        instruction,
        areas: [{ desc: '韶关市', codes: [DEMO_CITY] }],
      }),
    );

  // The cold wave (seed 004): yellow → orange → red in the north, cancelled; orange in the south.
  const yellow: CapDoc = {
    identifier: id(DEMO_CITY, ago(8, 10, 20)),
    sender: CITY_OBSERVATORY,
    sent: ago(8, 10, 20),
    msgType: 'Alert',
    event: '寒潮',
    severity: 'Moderate',
    urgency: 'Expected',
    certainty: 'Likely',
    expires: ago(5, 20),
    headline: '韶关市气象台发布寒潮黄色预警信号',
    description:
      '受强冷空气影响，预计未来24小时我市最低气温将下降10℃以上，北部山区最低气温降至4℃以下，伴有6级偏北大风。',
    instruction,
    areas: [{ desc: '韶关市', codes: [DEMO_CITY] }],
  };
  const orange: CapDoc = {
    ...yellow,
    identifier: id(DEMO_CITY, ago(5, 16, 40)),
    sent: ago(5, 16, 40),
    msgType: 'Update',
    references: [yellow],
    severity: 'Severe',
    urgency: 'Immediate',
    expires: ago(2, 16),
    headline: '韶关市气象台将寒潮黄色预警信号升级为橙色',
    description:
      '强冷空气主体南下，预计未来24小时我市最低气温将下降12℃以上，市区最低气温降至2℃左右，北部山区降至0℃以下，伴有6～7级偏北大风。',
  };
  const red: CapDoc = {
    ...orange,
    identifier: id(DEMO_CITY, ago(3, 6, 10)),
    sent: ago(3, 6, 10),
    references: [orange],
    severity: 'Extreme',
    expires: ago(0, 6),
    headline: `韶关市气象台将${names(NORTH)}寒潮橙色预警信号升级为红色`,
    description:
      '受强寒潮影响，过去24小时我市北部最低气温已下降16℃以上，乐昌、南雄山区最低气温降至-3℃，并将持续，局地有冰冻。',
    areas: [{ desc: names(NORTH), codes: NORTH }],
  };
  const southOrange: CapDoc = {
    ...orange,
    identifier: id('440204', ago(3, 6, 15)),
    sent: ago(3, 6, 15),
    msgType: 'Alert',
    references: [],
    expires: ago(1, 10, 50),
    headline: `韶关市气象台发布${names(SOUTH)}寒潮橙色预警信号`,
    description: '我市南部最低气温已下降12℃以上，市区最低气温0～2℃，并将持续。',
    areas: [{ desc: names(SOUTH), codes: SOUTH }],
  };
  out.push(cap('feed', yellow), cap('feed', orange), cap('upload', red), cap('feed', southOrange));

  // Road icing on the mountain roads of 乳源 and 南雄; an expressway section no region code names.
  out.push(
    cap('push', {
      identifier: id('440232', ago(2, 20, 30)),
      sender: CITY_OBSERVATORY,
      sent: ago(2, 20, 30),
      msgType: 'Alert',
      event: '道路结冰',
      severity: 'Moderate',
      urgency: 'Expected',
      certainty: 'Likely',
      expires: ago(-1, 8),
      headline: '韶关市气象台发布乳源、南雄山区道路结冰黄色预警信号',
      description:
        '受低温雨雪天气影响，预计未来12小时乳源瑶族自治县北部、南雄市北部海拔500米以上山区路段将出现对交通有影响的道路结冰。',
      instruction: '山区路段减速慢行；巡查车辆备好防滑链，避免夜间上山。',
      areas: [
        { desc: '乳源瑶族自治县北部山区（大桥镇、必背镇一带）', codes: ['440232'] },
        { desc: '南雄市北部山区（帽子峰、油山一带）', codes: ['440282'] },
        { desc: '京港澳高速粤北段（云岩至大桥）', codes: [] },
      ],
    }),
  );

  // 翁源: the duty officer hears the county's 寒冷 signal on the TV before any feed carries it.
  out.push({
    sent: ago(2, 7, 30),
    source: 'manual',
    headline: '翁源县气象台发布寒冷黄色预警信号',
    entry: {
      kind: 'low_temperature',
      colour: 'yellow',
      regionCodes: ['440229'],
      headline: '翁源县气象台发布寒冷黄色预警信号',
      effective: capTime(ago(2, 7)),
      expires: capTime(ago(-1, 8)),
      note: '翁源电视台 07:00 新闻滚动字幕，值班员电话向县气象台核实',
    },
  });

  out.push(
    cap('feed', {
      identifier: id(DEMO_CITY, ago(1, 10, 50)),
      sender: CITY_OBSERVATORY,
      sent: ago(1, 10, 50),
      msgType: 'Cancel',
      references: [red],
      event: '寒潮',
      severity: 'Minor',
      urgency: 'Past',
      certainty: 'Observed',
      headline: `韶关市气象台解除${names(NORTH)}寒潮红色预警信号`,
      areas: [{ desc: names(NORTH), codes: NORTH }],
    }),
    cap('feed', {
      identifier: id('440281', ago(1, 16, 25)),
      sender: CITY_OBSERVATORY,
      sent: ago(1, 16, 25),
      msgType: 'Alert',
      event: '寒冷',
      severity: 'Moderate',
      urgency: 'Expected',
      certainty: 'Likely',
      expires: ago(-1, 16),
      headline: `韶关市气象台发布${names(NORTH)}寒冷黄色预警信号`,
      description:
        '冷空气影响减弱，但未来48小时我市北部山区最低气温仍将在3℃以下，早晚寒冷，局地有霜冻和冰冻。',
      instruction,
      areas: [{ desc: names(NORTH), codes: NORTH }],
    }),
  );
  return out
    .filter((w) => w.sent >= start && w.sent < now)
    .sort((a, b) => a.sent.getTime() - b.sent.getTime());
}

/** What stored a warning: the ingest's answer, or the entered warning. */
export type DemoWarningResult = { warning: DemoWarning; stored: WarningView[]; ended: WarningView[] };

/**
 * Plays the winter's warnings through the warning service: each is scheduled at its `sent` (the
 * caller's clock is set to it when it runs, e.g. the season's timeline), and `afterEach` runs
 * right after it at the same moment — where another module (the response levels) interleaves its
 * acts. Returns the warnings in time order.
 */
export function playDemoWeather(deps: {
  now: Date;
  start: Date;
  warnings: WarningService;
  /** Runs `run` with the clock at `at`: the season's `timeline.add`. */
  schedule: (at: Date, run: () => Promise<void>) => unknown;
  /** The command centre's officer, who uploads and types in. */
  ctx: Ctx;
  afterEach?: (result: DemoWarningResult) => Promise<void>;
}): DemoWarning[] {
  const list = demoWarnings(deps.now, deps.start);
  for (const w of list)
    deps.schedule(w.sent, async () => {
      let stored: WarningView[];
      let ended: WarningView[] = [];
      if (w.source === 'manual') stored = [await deps.warnings.enter(deps.ctx, w.entry)];
      else {
        const r: IngestResult = await deps.warnings.ingestCap(
          w.xml,
          w.source,
          w.source === 'upload' ? deps.ctx : null,
        );
        stored = r.warnings;
        ended = r.ended;
      }
      await deps.afterEach?.({ warning: w, stored, ended });
    });
  return list;
}

/** County offsets from the city's minimum: the northern mountains colder, the south milder. */
const countyOffset: Record<string, number> = {
  '440203': 0,
  '440204': 0,
  '440205': 0.5,
  '440222': -1,
  '440224': -1.5,
  '440229': 1,
  '440232': -2,
  '440233': 1.5,
  '440281': -2,
  '440282': -2.5,
};
/** The city's minimum in the cold wave, by nights before tonight (0 = tonight, −1 = tomorrow). */
const coldWave: Record<number, number> = {
  8: 7,
  7: 5,
  6: 4,
  5: 2.5,
  4: 1,
  3: 0,
  2: -1,
  1: -1,
  0: 0,
  [-1]: 2,
  [-2]: 4,
  [-3]: 6,
};

/** The minimum (°C) forecast for a county on the night `n` nights into the season. */
export function demoForecastMin(code: string, n: number, nights: number, daysLeft: number, noise: number) {
  const city =
    coldWave[daysLeft] ??
    // 13 ℃ in mid-October cooling to 9 ℃, the November snap 5 ℃ colder.
    13 - (4 * n) / Math.max(nights, 1) + (n >= 23 && n <= 26 ? -5 : 0) + noise;
  return Math.round((city + (countyOffset[code] ?? 0)) * 2) / 2;
}

/** Every night of the season and the next three, per county (as if from the observatory's feed). */
export async function seedDemoForecasts(tx: Tx | Db, now: Date, start: Date): Promise<number> {
  const random = seededRandom(20261201);
  const first = beijingDay(start);
  const today = beijingDay(now);
  const seasonNights = Math.round((today - first) / DAY);
  const rows: (typeof forecastMin.$inferInsert)[] = [];
  for (let n = 0; n <= seasonNights + 3; n++) {
    const noise = random() * 2 - 1;
    const night = new Date(first + n * DAY + 8 * HOUR).toISOString().slice(0, 10);
    // Issued the afternoon before (the future ones: this morning).
    const updatedAt = new Date(Math.min(first + n * DAY + 16 * HOUR, now.getTime()));
    for (const [code] of counties)
      rows.push({
        regionCode: code,
        night,
        minC: demoForecastMin(code, n, seasonNights, seasonNights - n, noise),
        source: 'feed',
        updatedAt,
        updatedBy: null,
      });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(forecastMin).values(rows.slice(i, i + 500));
  return rows.length;
}
