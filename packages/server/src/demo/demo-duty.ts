import {
  addDays,
  beijingDate,
  type DutySlot,
  defaultDutySlots,
  LEADER_SLOT,
  slotInterval,
} from '@warmline/domain';
import type { Tx } from '../db/pool.ts';
import { createDutyRepository } from '../modules/duty/duty.repository.ts';
import { flagDutyGaps } from '../modules/duty/duty-gap-check.ts';
import { createNotifier } from '../modules/notifications/notifier.ts';
import { createEventRecorder } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { DEMO_CITY, demoOrgs } from './demo-city.ts';

/** Who stands the city bureau's shifts (its own-level staff) and the city station's (its staff). */
const bureauOfficers = ['dispatcher', 'hotline', 'supervisor'];
const stationStaff = ['station1', 'keeper1', 'patrol1', 'patrol2', 'patrol4'];

/** Shifts not yet filled in the coming days: what 值班安排 shows as 缺岗. */
const openAhead: { roster: 'bureau' | 'station'; inDays: number; slot: string }[] = [
  { roster: 'bureau', inDays: 1, slot: 'night' },
  { roster: 'bureau', inDays: 5, slot: LEADER_SLOT },
  { roster: 'station', inDays: 3, slot: 'night' },
];

const notes = [
  '夜间接报 3 起，均已派队处置；风度路桥洞下一名老人劝导入站，另一人拒绝入站，已发放棉被和求助引导卡，明早复查。',
  '白班平稳。东河街道避寒场所接近满员，已联系新韶镇场所备用。温暖包库存 120 个，周五前需补货。',
  '晚班接 12345 转来线索 2 条，一条到场未找到，一条为重复；韶关站广场一名务工不着人员已送站。',
];

/**
 * The 韶关市 bureau's and 韶关市救助管理站's duty rosters for the past two weeks and the next two:
 * 黄燕斌 (the city's bureau admin) as leader on duty each day, the shifts taken in turn, a few
 * shifts of the coming week still open, and handover notes of the last days (the latest not yet
 * acknowledged). Written through the duty repository with their events as of each act.
 */
export async function seedDemoDuty(
  tx: Tx,
  ids: Ids,
  now: Date,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
  requestId: string,
  slots: readonly DutySlot[] = defaultDutySlots,
) {
  let at = now;
  const record = createEventRecorder({ clock: { now: () => at }, ids });
  const repo = createDutyRepository(tx);
  const station = orgIds.get('city-station')!;
  // The city's station sits in 浈江区: its roster carries the station's region.
  const stationRegion = demoOrgs.find((o) => o.key === 'city-station')!.regionCode;
  const leader = userIds.get('shaoguan')!;
  const today = beijingDate(now);
  const assign = async (orgId: string | null, day: string, slot: string, username: string) => {
    const id = ids.next();
    // Rosters are drawn up ahead: each week's the Friday before, or now for the coming days.
    at = new Date(Math.min(now.getTime(), slotInterval(day, LEADER_SLOT).start.getTime() - 3 * 86_400_000));
    await repo.insertAssignment({
      id,
      regionCode: orgId ? stationRegion : DEMO_CITY,
      orgId,
      day,
      slot,
      userId: userIds.get(username)!,
      createdAt: at,
      createdBy: leader,
    });
    await record(
      tx,
      { actorId: leader, requestId },
      {
        action: 'duty.assigned',
        entityType: 'duty_assignment',
        entityId: id,
        regionCode: orgId ? stationRegion : DEMO_CITY,
        payload: { orgId, day, slot, userId: userIds.get(username)! },
      },
    );
  };
  const open = (roster: 'bureau' | 'station', offset: number, slot: string) =>
    openAhead.some((o) => o.roster === roster && o.inDays === offset && o.slot === slot);

  for (let offset = -14; offset <= 14; offset++) {
    const day = addDays(today, offset);
    if (!open('bureau', offset, LEADER_SLOT)) await assign(null, day, LEADER_SLOT, 'shaoguan');
    for (const [i, s] of slots.entries()) {
      const n = offset + 14;
      if (!open('bureau', offset, s.code))
        await assign(null, day, s.code, bureauOfficers[(n + i) % bureauOfficers.length]!);
      if (!open('station', offset, s.code))
        await assign(station, day, s.code, stationStaff[(n + i) % stationStaff.length]!);
    }
  }

  // The cold wave: the gap check, as it runs under an emergency response, has told 黄燕斌 of
  // tonight's open night shift (the response module will say when a region is under one).
  at = now;
  await flagDutyGaps(
    tx,
    { recordEvent: record, notifier: createNotifier({ clock: { now: () => now }, ids }), slots },
    DEMO_CITY,
    now,
  );

  // Handover notes of the last three days' evening shifts; the oldest two acknowledged by the next shift.
  for (const [k, text] of notes.entries()) {
    const day = addDays(today, k - notes.length);
    const evening = slots.find((s) => s.code === 'evening') ?? slots[slots.length - 1]!;
    const end = slotInterval(day, evening).end;
    const n = k - notes.length + 14;
    const writer = bureauOfficers[(n + slots.indexOf(evening)) % bureauOfficers.length]!;
    const next = bureauOfficers[(bureauOfficers.indexOf(writer) + 1) % bureauOfficers.length]!;
    const id = ids.next();
    at = new Date(end.getTime() - 10 * 60_000);
    const acknowledged = k < notes.length - 1;
    await repo.insertHandover({
      id,
      regionCode: DEMO_CITY,
      orgId: null,
      day,
      slot: evening.code,
      writtenBy: userIds.get(writer)!,
      writtenAt: at,
      text,
      acknowledgedBy: acknowledged ? userIds.get(next)! : null,
      acknowledgedAt: acknowledged ? new Date(end.getTime() + 5 * 60_000) : null,
    });
    const payload = { orgId: null, day, slot: evening.code };
    const entity = { entityType: 'duty_handover', entityId: id, regionCode: DEMO_CITY, payload };
    await record(
      tx,
      { actorId: userIds.get(writer)!, requestId },
      { action: 'duty.handover_written', ...entity },
    );
    if (acknowledged) {
      at = new Date(end.getTime() + 5 * 60_000);
      await record(
        tx,
        { actorId: userIds.get(next)!, requestId },
        { action: 'duty.handover_acknowledged', ...entity },
      );
    }
  }
}
