/**
 * The shelter network (GLOSSARY `shelter`): 临时避寒场所, 临时救助点 and 求助引导点, hosted by
 * lottery outlets, community centres, civic centres and the rescue stations. A place waits on
 * standby until a cold spell, is activated with its hours in one act, fills and frees as its
 * keeper counts the people inside, and closes again. Every rule here is pure; "now" is always
 * passed in, and clock times are read in Asia/Shanghai whatever the server's time zone.
 */
import { distanceMeters } from './duplicates.ts';

export const shelterKinds = ['cold_shelter', 'relief_point', 'help_point'] as const;
export type ShelterKind = (typeof shelterKinds)[number];

export const shelterKindLabels: Record<ShelterKind, { zh: string; en: string }> = {
  cold_shelter: { zh: '临时避寒场所', en: 'Cold-weather shelter' },
  relief_point: { zh: '临时救助点', en: 'Relief point' },
  help_point: { zh: '求助引导点', en: 'Help point' },
};

/** Who hosts the place (the seed documents name these three, besides the stations). */
export const shelterHostKinds = [
  'lottery_outlet',
  'community_centre',
  'civic_centre',
  'station',
  'other',
] as const;
export type ShelterHostKind = (typeof shelterHostKinds)[number];

export const shelterHostKindLabels: Record<ShelterHostKind, { zh: string; en: string }> = {
  lottery_outlet: { zh: '福利彩票销售点', en: 'Welfare lottery outlet' },
  community_centre: { zh: '社区服务中心', en: 'Community service centre' },
  civic_centre: { zh: '新时代文明实践中心', en: 'Civic practice centre' },
  station: { zh: '救助管理站', en: 'Rescue station' },
  other: { zh: '其他', en: 'Other' },
};

export const shelterServices = ['warm_room', 'hot_food', 'quilts', 'first_aid'] as const;
export type ShelterService = (typeof shelterServices)[number];

export const shelterServiceLabels: Record<ShelterService, { zh: string; en: string }> = {
  warm_room: { zh: '取暖休息', en: 'Warm room' },
  hot_food: { zh: '热饭热水', en: 'Hot food and drinks' },
  quilts: { zh: '棉衣棉被', en: 'Coats and quilts' },
  first_aid: { zh: '急救药品', en: 'First aid' },
};

export const shelterStatuses = ['standby', 'open', 'full', 'closed'] as const;
export type ShelterStatus = (typeof shelterStatuses)[number];

export const shelterStatusLabels: Record<ShelterStatus, { zh: string; en: string }> = {
  standby: { zh: '待启用', en: 'Standby' },
  open: { zh: '开放中', en: 'Open' },
  full: { zh: '已满', en: 'Full' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** What a person does to a place's status; open ↔ full follow the count by themselves. */
export const shelterActions = ['activate', 'close', 'stand_down'] as const;
export type ShelterAction = (typeof shelterActions)[number];

export const shelterActionLabels: Record<ShelterAction, { zh: string; en: string }> = {
  activate: { zh: '一键启用', en: 'Activate' },
  close: { zh: '关闭', en: 'Close' },
  stand_down: { zh: '转为待启用', en: 'Back to standby' },
};

/**
 * From which statuses each act is allowed: a standby or closed place is activated; any place
 * that is not closed can close; an open, full or closed place goes back on standby (the cold
 * spell is over, the place stays on the list for the next one).
 */
const allowedFrom: Record<ShelterAction, readonly ShelterStatus[]> = {
  activate: ['standby', 'closed'],
  close: ['standby', 'open', 'full'],
  stand_down: ['open', 'full', 'closed'],
};
const statusAfterAction: Record<ShelterAction, ShelterStatus> = {
  activate: 'open',
  close: 'closed',
  stand_down: 'standby',
};

/** The status an act leads to, or null when it is not allowed from `status`. */
export function shelterTransition(status: ShelterStatus, action: ShelterAction): ShelterStatus | null {
  return allowedFrom[action].includes(status) ? statusAfterAction[action] : null;
}

/** Open and full places receive people (and are on the public finder); the others do not. */
export const isActiveShelter = (status: ShelterStatus) => status === 'open' || status === 'full';

// ── Opening hours ─────────────────────────────────────────────────────────────────────────

/**
 * When a place receives people: around the clock, or a daily window of Beijing wall-clock times
 * (HH:MM) that may cross midnight (18:00–08:00 opens in the evening and closes the next morning).
 * Validated by `shelterHoursSchema` (shelter-hours.ts, kept apart so the public finder page does
 * not load zod for the labels it reads from here).
 */
export type ShelterHours = { allDay: true } | { allDay: false; opens: string; closes: string };

const MINUTES_PER_DAY = 24 * 60;
/**
 * China Standard Time is UTC+8 all year (no daylight saving since 1991), so the minute of the
 * day in Asia/Shanghai is plain arithmetic on the instant — exact on any server time zone.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Minutes since midnight in Asia/Shanghai (0 … 1439). */
export function shanghaiMinuteOfDay(at: Date): number {
  const minutes = Math.floor(at.getTime() / 60_000) + SHANGHAI_OFFSET_MINUTES;
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether `at` falls inside the hours; a window crossing midnight is open on both sides of it. */
export function isWithinHours(hours: ShelterHours, at: Date): boolean {
  if (hours.allDay) return true;
  const now = shanghaiMinuteOfDay(at);
  const opens = toMinutes(hours.opens);
  const closes = toMinutes(hours.closes);
  return opens < closes ? now >= opens && now < closes : now >= opens || now < closes;
}

/** 24 小时开放 · 每天 18:00–次日 08:00 · 每天 09:00–21:00 (and the English words). */
export function describeHours(hours: ShelterHours, lang: 'zh' | 'en' = 'zh'): string {
  if (hours.allDay) return lang === 'zh' ? '24 小时开放' : 'Open 24 hours';
  const overnight = toMinutes(hours.closes) < toMinutes(hours.opens);
  if (lang === 'en') return `Daily ${hours.opens}–${hours.closes}${overnight ? ' (next day)' : ''}`;
  return `每天 ${hours.opens}–${overnight ? '次日 ' : ''}${hours.closes}`;
}

// ── Capacity and occupancy ────────────────────────────────────────────────────────────────

/** Night is when people sleep there: from 20:00 to 08:00 in Asia/Shanghai. */
export const NIGHT_STARTS = '20:00';
export const NIGHT_ENDS = '08:00';

export interface ShelterCapacity {
  /** Seats in the warm room by day. */
  capacityDay: number;
  /** Places to sleep at night. */
  capacityNight: number;
}

/**
 * Which capacity holds at `at`: the night one from 20:00 to 08:00, the day one otherwise. A place
 * that gives only one of them (a night shelter with no day seats) uses that one all the time it
 * is open, so opening at 18:00 does not make it full before night begins.
 */
export function capacityInForce(capacity: ShelterCapacity, at: Date): 'day' | 'night' {
  const night = isWithinHours({ allDay: false, opens: NIGHT_STARTS, closes: NIGHT_ENDS }, at);
  if (night) return capacity.capacityNight > 0 || capacity.capacityDay === 0 ? 'night' : 'day';
  return capacity.capacityDay > 0 || capacity.capacityNight === 0 ? 'day' : 'night';
}

/** The number of people the place takes at `at` (see capacityInForce). */
export function capacityAt(capacity: ShelterCapacity, at: Date): number {
  return capacityInForce(capacity, at) === 'night' ? capacity.capacityNight : capacity.capacityDay;
}

/** A help point that only directs people on (no seats, no beds) counts nobody. */
export const countsOccupancy = (capacity: ShelterCapacity) =>
  capacity.capacityDay > 0 || capacity.capacityNight > 0;

/**
 * Nobody is turned away in a cold spell, so a keeper may count more people than the capacity (the
 * place shows 已满 and the finder sends others elsewhere) — up to half as many again, and at least
 * five more for a small place. A count beyond that is a slip of the finger, and is refused.
 */
export const OCCUPANCY_SURGE_FACTOR = 1.5;
export const OCCUPANCY_SURGE_MIN_EXTRA = 5;

export function maxOccupancy(capacity: ShelterCapacity): number {
  const largest = Math.max(capacity.capacityDay, capacity.capacityNight);
  return Math.max(Math.ceil(largest * OCCUPANCY_SURGE_FACTOR), largest + OCCUPANCY_SURGE_MIN_EXTRA);
}

/** Whether a count can be recorded at all: a whole number from 0 to the surge limit. */
export function isPlausibleOccupancy(count: number, capacity: ShelterCapacity): boolean {
  return Number.isInteger(count) && count >= 0 && count <= maxOccupancy(capacity);
}

/**
 * Open and full follow the count: full once it reaches the capacity in force, open again when
 * it drops below. Other statuses are left as they are (they receive no counts).
 */
export function statusForOccupancy(
  status: ShelterStatus,
  count: number,
  capacity: ShelterCapacity,
  at: Date,
): ShelterStatus {
  if (!isActiveShelter(status) || !countsOccupancy(capacity)) return status;
  return count >= capacityAt(capacity, at) ? 'full' : 'open';
}

// ── The public finder ─────────────────────────────────────────────────────────────────────

/**
 * What a person looking for somewhere warm is told about a place: 有空位 (open now with room, or
 * a help point open now), 已满 (open now, full), or 稍后开放 (activated, but outside its hours).
 */
export const shelterAvailabilities = ['available', 'full', 'later'] as const;
export type ShelterAvailability = (typeof shelterAvailabilities)[number];

export const shelterAvailabilityLabels: Record<ShelterAvailability, { zh: string; en: string }> = {
  available: { zh: '有空位', en: 'Has room' },
  full: { zh: '已满', en: 'Full' },
  later: { zh: '稍后开放', en: 'Opens later' },
};

export interface FinderPlace {
  name: string;
  lat: number;
  lng: number;
  status: ShelterStatus;
  hours: ShelterHours;
}

/** Null for a place that is not active (standby or closed): the finder never shows it. */
export function shelterAvailability(place: FinderPlace, at: Date): ShelterAvailability | null {
  if (!isActiveShelter(place.status)) return null;
  if (!isWithinHours(place.hours, at)) return 'later';
  return place.status === 'full' ? 'full' : 'available';
}

const availabilityOrder: Record<ShelterAvailability, number> = { available: 0, full: 1, later: 2 };

/**
 * How far a person in the cold can be sent: within this, a place with room comes before a nearer
 * full one; beyond it, places only follow by distance (a place with room 40 km away is not a
 * better answer than a full one round the corner that can still give hot water and a phone).
 */
export const FINDER_REACH_M = 10_000;

/**
 * The finder's list: active places only. Within reach, those with room now first, then the full
 * ones (still a warm door and a phone), then those opening later, nearest first in each (by the
 * great circle, `distanceMeters`); then the places beyond reach by distance. Without a position,
 * the same groups by name.
 */
export function rankShelters<T extends FinderPlace>(
  places: readonly T[],
  from: { lat: number; lng: number } | null,
  at: Date,
  limit = 10,
): (T & { availability: ShelterAvailability; distanceM: number | null })[] {
  const group = (p: { availability: ShelterAvailability; distanceM: number | null }) =>
    p.distanceM !== null && p.distanceM > FINDER_REACH_M ? 3 : availabilityOrder[p.availability];
  return places
    .flatMap((p) => {
      const availability = shelterAvailability(p, at);
      if (!availability) return [];
      return [{ ...p, availability, distanceM: from ? Math.round(distanceMeters(from, p)) : null }];
    })
    .sort(
      (a, b) =>
        group(a) - group(b) ||
        (a.distanceM ?? 0) - (b.distanceM ?? 0) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .slice(0, limit);
}
