/** Shapes of /api/stats answers (packages/server/src/modules/stats/stats.schema.ts). */
import type { FigureKey } from '@warmline/domain';

export type FigureValues = Record<FigureKey, number | null>;

export interface StatsFigures {
  region: { code: string; name: string };
  from: string;
  to: string;
  figures: FigureValues;
  /** Per figure: 'sex:male' → n, 'kind:coat' → n, … */
  breakdowns: Partial<Record<FigureKey, Record<string, number>>>;
}

export interface StatsChild {
  code: string;
  name: string;
  figures: FigureValues;
}

export interface StatsTrendDay {
  day: string;
  figures: FigureValues;
}

export interface StatsRecord {
  eventId: string;
  action: string;
  day: string;
  regionCode: string;
  regionName: string | null;
  entityType: string;
  entityId: string;
  /** What it adds to a summed figure; null for a count. */
  value: number | null;
  /** The person's temporary number, never a name. */
  personNumber: string | null;
  personId: string | null;
  facts: Record<string, unknown>;
}

export interface StatsRecords {
  total: number;
  items: StatsRecord[];
}

/** What a drill-down lists: one number of one region and period (a breakdown's cell with `dim`). */
export interface DrillTarget {
  figure: FigureKey;
  dim: string;
  region: { code: string; name: string };
  from: string;
  to: string;
  /** The number clicked, to say what the list stands behind. */
  value: number | null;
}

/** Opens the records behind a number of the region and period on screen. */
export type Drill = (
  figure: FigureKey,
  dim?: string,
  scope?: Partial<Omit<DrillTarget, 'figure' | 'dim'>>,
) => void;
