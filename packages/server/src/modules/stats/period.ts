/**
 * A period of Beijing days split for the rollup's read: the calendar months it covers whole
 * (read from stat_month, one row per figure each) and the days at its ends outside them (read
 * from stat_day). A season (15 October → 15 March) is four months and 32 days, not 152 days.
 */
export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const monthStart = (y: number, m: number) => Date.UTC(y, m, 1);

export interface SplitPeriod {
  /** First days of the whole months, in order. */
  months: string[];
  /** The ragged ends (none, one or two runs of days), or the whole period if no month fits. */
  days: Period[];
}

export function splitPeriod(p: Period): SplitPeriod {
  const from = Date.parse(p.from);
  const to = Date.parse(p.to);
  const f = new Date(from);
  // The first whole month starts on `from` if it is a 1st, else on the next 1st…
  const first = f.getUTCDate() === 1 ? from : monthStart(f.getUTCFullYear(), f.getUTCMonth() + 1);
  // …and the last whole month ends on the last day of the month before the one `to + 1` is in.
  const after = new Date(to + DAY);
  const end = monthStart(after.getUTCFullYear(), after.getUTCMonth()); // exclusive
  if (first >= end) return { months: [], days: [p] };
  const months: string[] = [];
  for (let t = first; t < end; ) {
    months.push(iso(t));
    const d = new Date(t);
    t = monthStart(d.getUTCFullYear(), d.getUTCMonth() + 1);
  }
  const days: Period[] = [];
  if (from < first) days.push({ from: p.from, to: iso(first - DAY) });
  if (end <= to) days.push({ from: iso(end), to: p.to });
  return { months, days };
}
