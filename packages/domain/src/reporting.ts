/**
 * 报送: a campaign's reporting calendar and the rules of a return (submission) sent up to the
 * next level. Pure: the server stores and the web shows what these functions answer.
 */
import { assistanceCategoryLabels, supplyKindLabels } from './assistance.ts';
import { parentRegionCode, regionLevel } from './region.ts';
import { dischargeTypeLabels } from './station.ts';
import { type FigureKey, type Figures, figureKeys } from './stats.ts';
import { provinces } from './stats-subject.ts';

/** The two numbers that make a calendar; a campaign's defaults (the Henan form: the 5th, 10 days). */
export const DEFAULT_MONTHLY_DUE_DAY = 5;
export const DEFAULT_FINAL_DUE_DAYS = 10;

export interface CampaignDates {
  /** Beijing calendar dates, 'YYYY-MM-DD', both inclusive. */
  startsOn: string;
  endsOn: string;
  monthlyDueDay: number;
  finalDueDays: number;
}

export type ReportPeriodKind = 'monthly' | 'final';

/** One return of the calendar: 'YYYY-MM' for a month, 'final' for the whole campaign. */
export interface ReportPeriod {
  period: string;
  kind: ReportPeriodKind;
  from: string;
  to: string;
  dueOn: string;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The reporting calendar: the first month from the campaign's start to its month end, each
 * whole month, the last month to the end date; each due by the `monthlyDueDay`-th of the next
 * month (the month's last day when it is shorter), and the final return `finalDueDays` days
 * after the end.
 *
 * @example campaignPeriods({ startsOn: '2026-10-15', endsOn: '2027-03-15', monthlyDueDay: 5, finalDueDays: 10 })
 *   // 2026-10 (10-15…10-31, due 11-05), 2026-11 … 2027-02, 2027-03 (03-01…03-15, due 04-05), final (due 03-25)
 */
export function campaignPeriods(c: CampaignDates): ReportPeriod[] {
  if (utc(c.endsOn) < utc(c.startsOn)) return [];
  const out: ReportPeriod[] = [];
  let [y, m] = c.startsOn.split('-').map(Number) as [number, number];
  for (;;) {
    const monthStart = `${y}-${String(m).padStart(2, '0')}-01`;
    if (utc(monthStart) > utc(c.endsOn)) break;
    const monthEnd = `${y}-${String(m).padStart(2, '0')}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}`;
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const dueDay = Math.min(Math.max(1, c.monthlyDueDay), lastDayOfMonth(ny, nm));
    out.push({
      period: monthStart.slice(0, 7),
      kind: 'monthly',
      from: utc(monthStart) < utc(c.startsOn) ? c.startsOn : monthStart,
      to: utc(monthEnd) > utc(c.endsOn) ? c.endsOn : monthEnd,
      dueOn: `${ny}-${String(nm).padStart(2, '0')}-${String(dueDay).padStart(2, '0')}`,
    });
    [y, m] = [ny, nm];
  }
  out.push({
    period: 'final',
    kind: 'final',
    from: c.startsOn,
    to: c.endsOn,
    dueOn: day(utc(c.endsOn) + c.finalDueDays * 86_400_000),
  });
  return out;
}

/** Why a campaign's dates are refused, or null. */
export function campaignDatesProblem(c: CampaignDates): 'ends_before_start' | 'too_long' | null {
  if (utc(c.endsOn) < utc(c.startsOn)) return 'ends_before_start';
  // A winter campaign runs months, not years: a typo (2207) is caught here.
  if ((utc(c.endsOn) - utc(c.startsOn)) / 86_400_000 > 366) return 'too_long';
  return null;
}

/**
 * The first Beijing day of the winter campaign season `today` (YYYY-MM-DD) falls in: 15 October,
 * the earliest the provinces start, of this year or, before it, of last year. Until campaigns are
 * records of their own, the default start of a season's figures.
 */
export function seasonStartDay(today: string): string {
  const year = Number(today.slice(0, 4));
  const start = `${year}-10-15`;
  return today >= start ? start : `${year - 1}-10-15`;
}

/** The Beijing calendar date of an instant, whatever the machine's zone. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const submissionStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionState = (typeof submissionStates)[number];

export const submissionStateLabels: Record<SubmissionState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已报送待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已审核通过', en: 'Approved' },
};

/** Figures, remarks and 填报人 may change while the return is still with its region. */
export function isSubmissionEditable(state: SubmissionState): boolean {
  return state === 'draft' || state === 'returned';
}

/** A return has reached the parent once it is submitted (or approved). */
export function isSubmissionFiled(state: SubmissionState | null | undefined): boolean {
  return state === 'submitted' || state === 'approved';
}

/** Past its due date (Beijing) with no submitted or approved return: flagged 逾期. */
export function isOverdue(
  period: Pick<ReportPeriod, 'dueOn'>,
  state: SubmissionState | null | undefined,
  today: string,
): boolean {
  return today > period.dueOn && !isSubmissionFiled(state);
}

/** A period can be reported on once it has ended: a month is returned in the next. */
export function isPeriodEnded(period: Pick<ReportPeriod, 'to'>, today: string): boolean {
  return today > period.to;
}

/** Regions that file returns: counties to their city, cities to their province. */
export function isReportingRegion(code: string): boolean {
  const level = regionLevel(code);
  return level === 'county' || level === 'city';
}

/** Whose bureau reviews a region's return: the parent (a city for a county, a province for a city). */
export function reviewerRegionOf(code: string): string | null {
  return isReportingRegion(code) ? parentRegionCode(code) : null;
}

/** The return's title as the bureau prints it: 韶关市浈江区2026年11月寒冬送温暖专项救助情况月报表. */
export function submissionTitle(regionFullName: string, period: string, campaignStartsOn: string): string {
  if (period === 'final') {
    const y = Number(campaignStartsOn.slice(0, 4));
    return `${regionFullName}${y}—${y + 1}年度寒冬送温暖专项救助情况总结报表`;
  }
  return `${regionFullName}${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月寒冬送温暖专项救助情况月报表`;
}

/** 2026年11月 / 全程（总结） */
export function periodLabel(period: string, lang: 'zh' | 'en' = 'zh'): string {
  if (period === 'final') return lang === 'zh' ? '全程（总结）' : 'Whole campaign (final)';
  return lang === 'zh' ? `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月` : period;
}

/** A cell that changed: the live figures against the frozen snapshot. */
export interface FigureChange {
  figure: FigureKey;
  /** '' for the headline, else the breakdown cell ('sex:male'). */
  dim: string;
  was: number | null;
  now: number | null;
}

/**
 * Every headline and breakdown cell whose live value differs from the snapshot (a late offline
 * encounter, a correction): what the parent sees beside an approved return that never changes.
 */
export function figuresDiff(snapshot: Figures, live: Figures): FigureChange[] {
  const out: FigureChange[] = [];
  for (const figure of figureKeys) {
    const was = snapshot.values[figure] ?? null;
    const now = live.values[figure] ?? null;
    if (was !== now) out.push({ figure, dim: '', was, now });
    const a = snapshot.breakdowns[figure] ?? {};
    const b = live.breakdowns[figure] ?? {};
    for (const dim of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const x = a[dim] ?? 0;
      const y = b[dim] ?? 0;
      if (x !== y) out.push({ figure, dim, was: x, now: y });
    }
  }
  return out;
}

const sexZh: Record<string, string> = { male: '男', female: '女', unknown: '不详' };
const ageZh: Record<string, string> = {
  under16: '16岁以下',
  '16to59': '16—59岁',
  '60plus': '60岁及以上',
  unknown: '不详',
};
const healthZh: Record<string, string> = {
  mental: '精神障碍',
  sick: '患病',
  disabled: '残疾',
  healthy: '健康',
  unknown: '不详',
};
const groupZh: Record<string, string> = {
  minor: '未成年人',
  elderly: '老年人',
  disabled: '残疾人',
  mental_disorder: '精神障碍患者',
};

/** The Chinese name of a breakdown cell: 'sex:male' → 男, 'province:43' → 湖南, 'kind:coat' → 棉衣. */
export function dimValueLabel(dim: string): string {
  const [key = '', value = ''] = dim.split(':');
  const table: Record<string, Record<string, string>> = {
    sex: sexZh,
    age: ageZh,
    health: healthZh,
    group: groupZh,
    province: { ...provinces, unknown: '不详' },
    type: Object.fromEntries(Object.entries(dischargeTypeLabels).map(([k, v]) => [k, v.zh])),
    category: Object.fromEntries(Object.entries(assistanceCategoryLabels).map(([k, v]) => [k, v.zh])),
    kind: Object.fromEntries(Object.entries(supplyKindLabels).map(([k, v]) => [k, v.zh])),
  };
  return table[key]?.[value] ?? value;
}

/** The breakdown tables of a return, in the order the form prints them. */
export const reportBreakdowns: readonly { title: string; figure: FigureKey; dim: string }[] = [
  { title: '救助人次按性别', figure: 'assisted', dim: 'sex' },
  { title: '救助人次按年龄段', figure: 'assisted', dim: 'age' },
  { title: '救助人次按健康状况', figure: 'assisted', dim: 'health' },
  { title: '救助人次按户籍省份', figure: 'assisted', dim: 'province' },
  { title: '救助人次中的特殊群体', figure: 'assisted', dim: 'group' },
  { title: '街面救助按救助类别', figure: 'street_assisted', dim: 'category' },
  { title: '离站人次按离站方式', figure: 'discharged', dim: 'type' },
  { title: '发放物资按种类', figure: 'items_distributed', dim: 'kind' },
];

/** A figure's value as printed: a median with no arrivals is '—'. */
export function figureText(figures: Figures, key: FigureKey): string {
  const v = figures.values[key];
  return v === null || v === undefined ? '—' : String(v);
}

/** The headline figures a leader's brief leads with. */
export const briefHeadlines: readonly FigureKey[] = [
  'assisted',
  'street_assisted',
  'station_admitted',
  'patrol_staff_trips',
  'vehicle_trips',
  'items_distributed',
  'shelters_opened',
  'reunited',
];
