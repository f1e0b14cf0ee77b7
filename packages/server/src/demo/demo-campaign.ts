import type { Db, Tx } from '../db/pool.ts';
import { createRegionService } from '../modules/regions/region.service.ts';
import { createReportsService } from '../modules/reports/reports.service.ts';
import type { Actor } from '../platform/actor.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';

/** A Beijing wall-clock time. */
const bj = (s: string) => new Date(`${s}+08:00`);

type Act =
  | { at: string; who: string; do: 'generate'; period: string; filledBy?: string; remarks?: string }
  | { at: string; who: string; do: 'submit' | 'approve'; region: string; period: string }
  | { at: string; who: string; do: 'return'; region: string; period: string; comment: string };

const districts: Record<string, string> = { zhenjiang: '440204', wujiang: '440203', qujiang: '440205' };
const filers: Record<string, string> = { zhenjiang: '李志强', wujiang: '陈晓玲', qujiang: '邓伟明' };

/**
 * The season's returns, in the order they happened: October filed by the three districts and
 * approved by the city (武江's once sent back for a check); November — due 5 December — 武江's
 * waiting for the city, 曲江's sent back with a comment, 浈江's a draft still to be submitted.
 */
const acts: Act[] = [
  ...(['zhenjiang', 'wujiang', 'qujiang'] as const).flatMap((who, i): Act[] => [
    {
      at: `2026-11-0${2 + i}T09:30:00`,
      who,
      do: 'generate',
      period: '2026-10',
      filledBy: filers[who],
      remarks: '行动首月，已完成重点区域摸排，建立夜间巡查机制。',
    },
    { at: `2026-11-0${2 + i}T15:00:00`, who, do: 'submit', region: districts[who]!, period: '2026-10' },
  ]),
  {
    at: '2026-11-05T10:00:00',
    who: 'shaoguan',
    do: 'return',
    region: '440203',
    period: '2026-10',
    comment: '发放物资件数与物资台账核对不一致，请核实后重新报送。',
  },
  { at: '2026-11-05T10:20:00', who: 'shaoguan', do: 'approve', region: '440204', period: '2026-10' },
  {
    at: '2026-11-05T16:00:00',
    who: 'wujiang',
    do: 'generate',
    period: '2026-10',
    remarks: '已与物资台账核对，补录两次街面发放。',
  },
  { at: '2026-11-05T16:10:00', who: 'wujiang', do: 'submit', region: '440203', period: '2026-10' },
  { at: '2026-11-06T09:00:00', who: 'shaoguan', do: 'approve', region: '440203', period: '2026-10' },
  { at: '2026-11-06T09:05:00', who: 'shaoguan', do: 'approve', region: '440205', period: '2026-10' },
  {
    at: '2026-12-01T09:00:00',
    who: 'wujiang',
    do: 'generate',
    period: '2026-11',
    filledBy: '陈晓玲',
    remarks: '11月下旬两轮寒潮，启用临时避寒场所，夜间巡查加密至每晚两次。',
  },
  { at: '2026-12-01T16:00:00', who: 'wujiang', do: 'submit', region: '440203', period: '2026-11' },
  {
    at: '2026-12-01T10:00:00',
    who: 'qujiang',
    do: 'generate',
    period: '2026-11',
    filledBy: '邓伟明',
    remarks: '马坝镇临时避寒场所开放。',
  },
  { at: '2026-12-01T11:00:00', who: 'qujiang', do: 'submit', region: '440205', period: '2026-11' },
  {
    at: '2026-12-02T10:00:00',
    who: 'shaoguan',
    do: 'return',
    region: '440205',
    period: '2026-11',
    comment: '街面救助人次与巡查记录不一致，请核实后重新报送；备注请补充寒潮期间的应急响应情况。',
  },
  {
    at: '2026-12-02T08:40:00',
    who: 'zhenjiang',
    do: 'generate',
    period: '2026-11',
    remarks: '韶关站、风度路桥洞等重点区域每晚巡查；寒潮期间启用风采街道临时避寒场所。',
  },
];

/**
 * 「2026—2027年度韶关市寒冬送温暖专项救助行动」 and its returns so far, written through the
 * reports service at the times they happened (acts later than `now` are left out), after the rest
 * of the demo so the figures are those of its records.
 */
export async function seedDemoCampaign(tx: Tx, ids: Ids, now: Date, userIds: Map<string, string>) {
  let at = bj('2026-10-10T09:00:00');
  const clock = { now: () => at };
  const db = tx as unknown as Db;
  const reports = createReportsService({
    db,
    clock,
    ids,
    recordEvent: createEventRecorder({ clock, ids }),
    regions: createRegionService({ db }),
  });
  const actor = (who: string): Actor => ({
    id: userIds.get(who)!,
    role: 'bureau_admin',
    regionCode: who === 'shaoguan' ? '440200' : districts[who]!,
  });
  const ctx = (who: string) => ({ actor: actor(who), requestId: 'demo-seed' });
  if (at > now) return;
  const campaign = await reports.createCampaign(ctx('shaoguan'), {
    name: '2026—2027年度韶关市寒冬送温暖专项救助行动',
    regionCode: '440200',
    startsOn: '2026-10-15',
    endsOn: '2027-03-15',
    monthlyDueDay: 5,
    finalDueDays: 10,
  });
  const made = new Map<string, string>();
  for (const a of [...acts].sort((x, y) => x.at.localeCompare(y.at))) {
    at = bj(a.at);
    if (at > now) break;
    const c = ctx(a.who);
    if (a.do === 'generate') {
      const s = await reports.generate(c, campaign.id, { regionCode: districts[a.who]!, period: a.period });
      made.set(`${s.regionCode}|${a.period}`, s.id);
      if (a.filledBy !== undefined || a.remarks !== undefined)
        await reports.edit(c, s.id, {
          ...(a.filledBy !== undefined ? { filledBy: a.filledBy } : {}),
          ...(a.remarks !== undefined ? { remarks: a.remarks } : {}),
        });
      continue;
    }
    const id = made.get(`${a.region}|${a.period}`);
    if (!id) continue;
    if (a.do === 'submit') await reports.submit(c, id);
    else if (a.do === 'approve') await reports.approve(c, id);
    else if (a.do === 'return') await reports.sendBack(c, id, a.comment);
  }
}
