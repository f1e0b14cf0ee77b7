/**
 * Weather warnings (气象灾害预警信号) as the cold-relief work reads them: four kinds, four colours,
 * the national signal criteria as reference text, and which warning is in force where — an
 * alert is active from `effective` (or `sent`) until `expires`, unless an Update replaced it or
 * a Cancel ended it; per region the highest colour of each kind wins.
 */

export const warningKinds = ['cold_wave', 'blizzard', 'road_icing', 'low_temperature'] as const;
export type WarningKind = (typeof warningKinds)[number];

export const warningKindLabels: Record<WarningKind, { zh: string; en: string }> = {
  cold_wave: { zh: '寒潮', en: 'Cold wave' },
  blizzard: { zh: '暴雪', en: 'Blizzard' },
  road_icing: { zh: '道路结冰', en: 'Road icing' },
  low_temperature: { zh: '低温（寒冷）', en: 'Low temperature' },
};

/** Weakest first: the order is the comparison. */
export const warningColours = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof warningColours)[number];

export const warningColourLabels: Record<WarningColour, { zh: string; en: string }> = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
};

export const colourRank = (c: WarningColour): number => warningColours.indexOf(c);

/**
 * The signal criteria (《气象灾害预警信号发布与传播办法》 and the CMA's signal guide; 低温/寒冷 is
 * set by each province — 广东's 寒冷预警 shown). Shown with each warning as reference, never used
 * to decide anything: the meteorological service has decided already.
 */
export const warningCriteria: Record<WarningKind, Partial<Record<WarningColour, string>>> = {
  cold_wave: {
    blue: '48 小时内最低气温将要下降 8℃ 以上，最低气温小于等于 4℃，陆地平均风力可达 5 级以上；或者已经下降 8℃ 以上，最低气温小于等于 4℃，平均风力达 5 级以上，并可能持续。',
    yellow:
      '24 小时内最低气温将要下降 10℃ 以上，最低气温小于等于 4℃，陆地平均风力可达 6 级以上；或者已经下降 10℃ 以上，并可能持续。',
    orange:
      '24 小时内最低气温将要下降 12℃ 以上，最低气温小于等于 0℃，陆地平均风力可达 6 级以上；或者已经下降 12℃ 以上，并可能持续。',
    red: '24 小时内最低气温将要下降 16℃ 以上，最低气温小于等于 0℃，陆地平均风力可达 6 级以上；或者已经下降 16℃ 以上，并可能持续。',
  },
  blizzard: {
    blue: '12 小时内降雪量将达 4 毫米以上，或者已达 4 毫米以上且降雪持续，可能对交通或者农牧业有影响。',
    yellow: '12 小时内降雪量将达 6 毫米以上，或者已达 6 毫米以上且降雪持续，可能对交通或者农牧业有影响。',
    orange:
      '6 小时内降雪量将达 10 毫米以上，或者已达 10 毫米以上且降雪持续，可能或者已经对交通或者农牧业有较大影响。',
    red: '6 小时内降雪量将达 15 毫米以上，或者已达 15 毫米以上且降雪持续，可能或者已经对交通或者农牧业有较大影响。',
  },
  road_icing: {
    yellow: '当路表温度低于 0℃，出现降水，12 小时内可能出现对交通有影响的道路结冰。',
    orange: '当路表温度低于 0℃，出现降水，6 小时内可能出现对交通有较大影响的道路结冰。',
    red: '当路表温度低于 0℃，出现降水，2 小时内可能出现或者已经出现对交通有很大影响的道路结冰。',
  },
  low_temperature: {
    yellow: '（广东寒冷预警）当地最低气温将要下降到 5℃ 以下（粤北山区 3℃ 以下），或者已经下降到并可能持续。',
    orange: '（广东寒冷预警）当地最低气温将要下降到 2℃ 以下（粤北山区 0℃ 以下），或者已经下降到并可能持续。',
    red: '（广东寒冷预警）当地最低气温将要下降到 0℃ 以下（粤北山区 -2℃ 以下），或者已经下降到并可能持续。',
  },
};

/** CAP 1.2 `severity` → colour, the convention China's CAP feeds follow. */
export const colourOfSeverity: Record<string, WarningColour> = {
  Minor: 'blue',
  Moderate: 'yellow',
  Severe: 'orange',
  Extreme: 'red',
};

/** The kind a warning's event name or headline speaks of (寒潮蓝色预警, 暴雪橙色预警信号 …). */
export function warningKindOf(text: string): WarningKind | null {
  if (/寒潮|cold\s*wave/i.test(text)) return 'cold_wave';
  if (/暴雪|blizzard|heavy\s*snow/i.test(text)) return 'blizzard';
  if (/道路结冰|路面结冰|road\s*ic/i.test(text)) return 'road_icing';
  if (/低温|寒冷|霜冻|low\s*temp|cold\b/i.test(text)) return 'low_temperature';
  return null;
}

/**
 * The colour named in the text (红色预警), else null. A change names two (将红色预警降级为橙色):
 * the one after 为/成 is the colour now; two colours and no such word decide nothing.
 */
export function warningColourOf(text: string): WarningColour | null {
  const zh: Record<string, WarningColour> = { 红: 'red', 橙: 'orange', 黄: 'yellow', 蓝: 'blue' };
  const now = /(?:为|成)(红|橙|黄|蓝)色/.exec(text);
  if (now) return zh[now[1]!]!;
  const named = new Set<WarningColour>();
  for (const m of text.matchAll(/(红|橙|黄|蓝)色/g)) named.add(zh[m[1]!]!);
  for (const m of text.matchAll(/\b(red|orange|yellow|blue)\b/gi))
    named.add(m[1]!.toLowerCase() as WarningColour);
  return named.size === 1 ? [...named][0]! : null;
}

/** One warning as stored: what it says, where and when. */
export interface Warning {
  id: string;
  /** CAP `identifier` (or the duty officer's entry's own id). */
  identifier: string;
  kind: WarningKind;
  colour: WarningColour;
  regionCodes: readonly string[];
  /** From `effective`, else `sent`. */
  activeFrom: Date;
  expires: Date | null;
  /** Set when an Update replaced it or a Cancel ended it. */
  endedAt: Date | null;
}

/** Whether it is in force at `now`. */
export function isActive(w: Warning, now: Date): boolean {
  if (w.endedAt && w.endedAt <= now) return false;
  if (w.activeFrom > now) return false;
  return !w.expires || w.expires > now;
}

/** Per region and kind, the highest colour in force. */
export function activeColours(
  warnings: readonly Warning[],
  now: Date,
): Map<string, Partial<Record<WarningKind, WarningColour>>> {
  const byRegion = new Map<string, Partial<Record<WarningKind, WarningColour>>>();
  for (const w of warnings) {
    if (!isActive(w, now)) continue;
    for (const code of w.regionCodes) {
      const kinds = byRegion.get(code) ?? {};
      const had = kinds[w.kind];
      if (!had || colourRank(w.colour) > colourRank(had)) kinds[w.kind] = w.colour;
      byRegion.set(code, kinds);
    }
  }
  return byRegion;
}
