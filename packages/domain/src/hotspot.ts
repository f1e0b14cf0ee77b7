/**
 * Hotspots (重点区域): places where people sleep rough, which patrols visit on every shift.
 * Coverage is how long since a team last checked in there, against how often a place of that
 * risk must be seen: a high-risk underpass every night, a low-risk park every few days.
 */

export const hotspotKinds = [
  'station_square',
  'bridge_culvert',
  'underpass',
  'construction_site',
  'abandoned_building',
  'atm_lobby',
  'park',
  'urban_fringe',
] as const;
export type HotspotKind = (typeof hotspotKinds)[number];

export const hotspotKindLabels: Record<HotspotKind, { zh: string; en: string }> = {
  station_square: { zh: '车站广场', en: 'Station square' },
  bridge_culvert: { zh: '桥梁涵洞', en: 'Bridge / culvert' },
  underpass: { zh: '地下通道', en: 'Underpass' },
  construction_site: { zh: '在建工地', en: 'Construction site' },
  abandoned_building: { zh: '废弃房屋', en: 'Abandoned building' },
  atm_lobby: { zh: '自助银行', en: 'ATM lobby' },
  park: { zh: '公园', en: 'Park' },
  urban_fringe: { zh: '城乡结合部', en: 'Urban fringe' },
};

export const hotspotRisks = ['high', 'medium', 'low'] as const;
export type HotspotRisk = (typeof hotspotRisks)[number];

export const hotspotRiskLabels: Record<HotspotRisk, { zh: string; en: string }> = {
  high: { zh: '高', en: 'High' },
  medium: { zh: '中', en: 'Medium' },
  low: { zh: '低', en: 'Low' },
};

/**
 * Longest gap between visits, by risk. A cold-weather response level may tighten these later
 * (issue 7); until then they are the everyday rule: high-risk places every shift night.
 */
export const HOTSPOT_VISIT_HOURS: Record<HotspotRisk, number> = { high: 12, medium: 24, low: 72 };

/** A check-in farther than this from the hotspot is kept but flagged, and counts as no visit. */
export const CHECKIN_MAX_DISTANCE_M = 300;

export const coverageStates = ['never', 'overdue', 'due_soon', 'ok'] as const;
export type CoverageState = (typeof coverageStates)[number];

export const coverageStateLabels: Record<CoverageState, { zh: string; en: string }> = {
  never: { zh: '从未巡查', en: 'Never visited' },
  overdue: { zh: '已超时', en: 'Overdue' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  ok: { zh: '已覆盖', en: 'Covered' },
};

export interface Coverage {
  state: CoverageState;
  /** Whole hours since the last valid check-in; null when never visited. */
  hoursSince: number | null;
  /** When the next visit is due; null when never visited (due now). */
  dueAt: Date | null;
}

/**
 * Coverage of one hotspot at `now`: due soon in the last quarter of its interval — the risk's,
 * unless an emergency response shortens it at night (response.ts `hotspotIntervalUnder`).
 */
export function hotspotCoverage(
  risk: HotspotRisk,
  lastVisitedAt: Date | null,
  now: Date,
  intervalHours = HOTSPOT_VISIT_HOURS[risk],
): Coverage {
  if (!lastVisitedAt) return { state: 'never', hoursSince: null, dueAt: null };
  const intervalMs = intervalHours * 3_600_000;
  const elapsed = Math.max(0, now.getTime() - lastVisitedAt.getTime());
  const dueAt = new Date(lastVisitedAt.getTime() + intervalMs);
  const state = elapsed > intervalMs ? 'overdue' : elapsed > 0.75 * intervalMs ? 'due_soon' : 'ok';
  return { state, hoursSince: Math.floor(elapsed / 3_600_000), dueAt };
}

const urgency: Record<CoverageState, number> = { never: 0, overdue: 1, due_soon: 2, ok: 3 };
const riskOrder: Record<HotspotRisk, number> = { high: 0, medium: 1, low: 2 };

/** The coverage list's order: never and overdue first, high risk first, then longest unseen. */
type Ranked = { risk: HotspotRisk; coverage: Pick<Coverage, 'state' | 'hoursSince'> };
export function compareCoverage(a: Ranked, b: Ranked): number {
  return (
    urgency[a.coverage.state] - urgency[b.coverage.state] ||
    riskOrder[a.risk] - riskOrder[b.risk] ||
    (b.coverage.hoursSince ?? 0) - (a.coverage.hoursSince ?? 0)
  );
}
