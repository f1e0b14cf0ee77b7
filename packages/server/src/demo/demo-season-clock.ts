/** The demo season's clock: its hours and days (Beijing), and the timeline its acts run on. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Things to do at a moment, run in time order (a thing may add later things). */
export class Timeline {
  private acts: { at: number; seq: number; run: () => Promise<void> }[] = [];
  private seq = 0;
  constructor(private readonly until: Date) {}

  /** Adds `run` at `at`; nothing at or after `until` happens (it is still to come). */
  add(at: Date, run: () => Promise<void>): boolean {
    if (at >= this.until) return false;
    const act = { at: at.getTime(), seq: this.seq++, run };
    let lo = 0;
    let hi = this.acts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.acts[mid]!;
      if (m.at < act.at || (m.at === act.at && m.seq < act.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.acts.splice(lo, 0, act);
    return true;
  }

  async run(setClock: (at: Date) => void) {
    for (let act = this.acts.shift(); act; act = this.acts.shift()) {
      setClock(new Date(act.at));
      await act.run();
    }
  }
}

/** When the campaign began: 15 October (Beijing) of the winter `now` is in. */
export function seasonStart(now: Date): Date {
  const beijing = new Date(now.getTime() + 8 * HOUR);
  const year = beijing.getUTCMonth() >= 9 ? beijing.getUTCFullYear() : beijing.getUTCFullYear() - 1;
  return new Date(Date.UTC(year, 9, 15) - 8 * HOUR);
}

/** 19:00 Beijing (11:00 UTC) of the Beijing day `day` (ms of its midnight, UTC+8). */
export const eveningOf = (day: number) => new Date(day + 19 * HOUR);

/** The Beijing midnight (as a UTC instant) of the day `at` falls in. */
export const beijingDay = (at: Date) => Math.floor((at.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
