import { beijingDate, type DutySlot, defaultDutySlots, slotAt } from '@warmline/domain';
import type { DbOrTx } from '../../db/pool.ts';
import type { DutyLookup } from '../../platform/notifier.ts';
import { createDutyRepository } from './duty.repository.ts';

/**
 * Who holds the duty at a moment, for other modules (the response module asks). Exact: a county
 * whose bureau rostered no leader has none — it does not borrow its city's. Each call reads in the
 * transaction it is given (`db` only when a caller passes none).
 */
export function createDutyLookup(db: DbOrTx, slots: readonly DutySlot[] = defaultDutySlots): DutyLookup {
  return {
    leaderOnDuty: (tx, regionCode, at) => createDutyRepository(tx ?? db).leader(regionCode, beijingDate(at)),
    onDuty: (tx, regionCode, at) => {
      const { day, slot } = slotAt(at, slots);
      return createDutyRepository(tx ?? db).onDuty(regionCode, day, slot?.code ?? null);
    },
  };
}
