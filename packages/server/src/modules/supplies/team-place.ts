import type { Tx } from '../../db/pool.ts';
import type { Ctx } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordEvent } from '../../platform/events.ts';
import type { Ids } from '../../platform/ids.ts';
import { createSupplyRepository } from './supply.repository.ts';

/** What a team's vehicle is called as a place: the team's name, which is unique in its region. */
export const teamPlaceName = (teamName: string) => `${teamName}巡查车`;

/**
 * A patrol team's vehicle as a supply place: made the first time something is issued to the
 * team or handed out from it, once however many movements race to make it.
 */
export function createTeamPlaces(deps: { clock: Clock; ids: Ids; recordEvent: RecordEvent }) {
  return {
    async ensure(tx: Tx, ctx: Ctx, teamId: string) {
      const repo = createSupplyRepository(tx);
      const [t] = await repo.teams(ctx.actor, teamId);
      if (!t) throw new AppError('NOT_FOUND');
      const id = deps.ids.next();
      const ensured = await repo.ensureTeamPlace({
        id,
        name: teamPlaceName(t.name),
        kind: 'team_vehicle',
        regionCode: t.regionCode,
        teamId: t.id,
        createdAt: deps.clock.now(),
        createdBy: ctx.actor.id,
      });
      if (!ensured) throw new AppError('SUPPLY_PLACE_NAME_TAKEN');
      const { place, created } = ensured;
      if (created)
        await deps.recordEvent(
          tx,
          { actorId: ctx.actor.id, requestId: ctx.requestId },
          {
            action: 'supply.place_created',
            entityType: 'supply_place',
            entityId: id,
            regionCode: t.regionCode,
            payload: { kind: 'team_vehicle', teamId: t.id },
          },
        );
      return place;
    },
  };
}
