import { beijingDate, type DutySlot, gapsWithin, LEADER_SLOT, rosterGaps } from '@warmline/domain';
import type { Db, Tx } from '../../db/pool.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Notifier } from '../../platform/notifier.ts';
import { createDutyRepository } from './duty.repository.ts';

export const DUTY_GAP_CHECK_JOB = 'duty-gap-check';

const HORIZON_MS = 24 * 3_600_000;

/** Beijing wall-clock HH:MM of an instant (a slot's end at midnight reads 24:00). */
const hhmm = (d: Date, end = false) => {
  const t = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return end && t === '00:00' ? '24:00' : t;
};

export interface GapDeps {
  recordEvent: RecordEvent;
  notifier: Notifier;
  slots: readonly DutySlot[];
}

/**
 * In the caller's transaction: the bureau roster's gaps in the 24 hours from `now` not told
 * before are remembered (`duty_gap_flag`), told to the region's bureau admins and recorded as
 * `duty.gap_flagged`. Answers how many were new.
 */
export async function flagDutyGaps(tx: Tx, deps: GapDeps, regionCode: string, now: Date): Promise<number> {
  const until = new Date(now.getTime() + HORIZON_MS);
  const from = beijingDate(now);
  const to = beijingDate(until);
  const repo = createDutyRepository(tx);
  const held = await repo.covers(regionCode, from, to);
  const fresh = [];
  for (const g of gapsWithin(rosterGaps(held, from, to, deps.slots), now, until))
    if (await repo.flagGap(regionCode, g.day, g.slot, now)) fresh.push(g);
  if (fresh.length === 0) return 0;
  const admins = await repo.bureauAdmins(regionCode);
  await deps.notifier.send(
    tx,
    fresh.flatMap((g) =>
      admins.map((userId) => ({
        userId,
        regionCode,
        kind: 'duty.gap',
        title:
          g.slot === LEADER_SLOT
            ? `领导带班缺岗：${g.day}`
            : `值班缺岗：${g.day} ${hhmm(g.start)}–${hhmm(g.end, true)}`,
        body: '应急响应期间须 24 小时值班，请尽快排班。',
        link: `/duty?from=${g.day}`,
      })),
    ),
  );
  for (const g of fresh)
    await deps.recordEvent(
      tx,
      { actorId: null },
      {
        action: 'duty.gap_flagged',
        entityType: 'duty_roster',
        entityId: `${regionCode}:${g.day}:${g.slot}`,
        regionCode,
        payload: { day: g.day, slot: g.slot, told: admins.length },
      },
    );
  return fresh.length;
}

/**
 * The `duty-gap-check` job, every 10 minutes: each region under an active emergency response has
 * its bureau roster's gaps of the next 24 hours told to its bureau admins, each gap once, in one
 * transaction per region. Which regions are under a response is the response module's to say
 * (`activeResponseRegions`), so none by default.
 */
export function createDutyGapCheck(
  deps: GapDeps & { db: Db; clock: Clock; activeResponseRegions?: () => Promise<string[]> },
) {
  const activeResponseRegions = deps.activeResponseRegions ?? (async () => []);
  return async function checkDutyGaps(): Promise<{ flagged: number }> {
    const now = deps.clock.now();
    let flagged = 0;
    for (const regionCode of [...new Set(await activeResponseRegions())])
      flagged += await deps.db.transaction((tx) => flagDutyGaps(tx, deps, regionCode, now));
    return { flagged };
  };
}
