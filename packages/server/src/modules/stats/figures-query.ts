/** A question to the figures, and the rows both ways of answering it (rolled, naive) return. */
import type { Period } from './period.ts';

export interface FiguresQuery {
  /** County, city, province or national codes. */
  regions: readonly string[];
  period: Period;
  /** Per day as well (the trend), else the whole period. */
  byDay?: boolean;
  /** Headlines only (no breakdowns): the children's table and the trend need no more. */
  headlineOnly?: boolean;
}

/** One figure (and breakdown) of one region (and day): a sum ('s') or a distinct count ('d'). */
export type Row = {
  region_code: string;
  day: string | null;
  kind: 's' | 'd';
  figure: string;
  dim: string;
  n: string;
};
