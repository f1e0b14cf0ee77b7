import { beijingDate, type DutySlot, gapsWithin, LEADER_SLOT, rosterGaps } from '@warmline/domain';
import type { Db } from '../../db/pool.ts';
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

/**
 * Every 10 minutes: in each region under an active emergency response, the bureau roster's gaps
 * in the next 24 hours are told to the region's bureau admins — each gap once (`duty_gap_flag`
 * remembers it), with its event, in one transaction per region. Which regions are under a
 * response is the response module's to say (`activeResponseRegions`), so none by default.
 */
export function createDutyGapCheck(deps: {
  db: Db;
  clock: Clock;
  recordEvent: RecordEvent;
  notifier: Notifier;
  slots: readonly DutySlot[];
  activeResponseRegions?: () => Promise<string[]>;
}) {
  const { db, clock, recordEvent, notifier, slots } = deps;
  const activeResponseRegions = deps.activeResponseRegions ?? (async () => []);
  return async function checkDutyGaps(): Promise<{ flagged: number }> {
    const now = clock.now();
    const until = new Date(now.getTime() + HORIZON_MS);
    const from = beijingDate(now);
    const to = beijingDate(until);
    let flagged = 0;
    for (const regionCode of [...new Set(await activeResponseRegions())]) {
      flagged += await db.transaction(async (tx) => {
        const repo = createDutyRepository(tx);
        const gaps = gapsWithin(
          rosterGaps(await repo.covers(regionCode, from, to), from, to, slots),
          now,
          until,
        );
        const fresh = [];
        for (const g of gaps) if (await repo.flagGap(regionCode, g.day, g.slot, now)) fresh.push(g);
        if (fresh.length === 0) return 0;
        const admins = await repo.bureauAdmins(regionCode);
        await notifier.send(
          tx,
          fresh.flatMap((g) =>
            admins.map((userId) => ({
              userId,
              regionCode,
              kind: 'duty.gap',
              title:
                g.slot === LEADER_SLOT
                  ? `${g.day} 领导带班缺岗`
                  : `值班缺岗：${g.day} ${hhmm(g.start)}–${hhmm(g.end, true)}`,
              body: '应急响应期间值班须全时在岗，请尽快排班。',
              link: `/duty?from=${g.day}`,
            })),
          ),
        );
        for (const g of fresh)
          await recordEvent(
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
      });
    }
    return { flagged };
  };
}
