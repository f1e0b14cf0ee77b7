import { type DispatchOutcome, distanceMeters, leadStateAfterOutcome } from '@warmline/domain';
import type { Tx } from '../db/pool.ts';
import { dispatch } from '../db/schema.ts';
import type { EventInput } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';

/** How the demo season writes an event at the time it happened. */
export type RecordAt = (when: Date, actorId: string | null, input: EventInput) => Promise<void>;

export interface SeededTeam {
  id: string;
  regionCode: string;
  lat: number;
  lng: number;
  memberId: string | null;
}

export interface DispatchTimes {
  assignedAt: Date;
  acceptedAt: Date;
  arrivedAt: Date;
  endedAt: Date;
  etaMinutes: number;
}

const minutes = (from: Date, m: number) => new Date(from.getTime() + m * 60_000);

/** Plausible clocks: assigned in 3–12 min, accepted in 1–3, arrived after the drive, done in 15–60. */
export function demoDispatchTimes(receivedAt: Date, random: () => number): DispatchTimes {
  const assignedAt = minutes(receivedAt, 3 + Math.floor(random() * 10));
  const acceptedAt = minutes(assignedAt, 1 + Math.floor(random() * 3));
  const etaMinutes = 6 + Math.floor(random() * 18);
  const arrivedAt = minutes(acceptedAt, etaMinutes + Math.floor(random() * 8) - 3);
  return {
    assignedAt,
    acceptedAt,
    arrivedAt,
    endedAt: minutes(arrivedAt, 15 + Math.floor(random() * 45)),
    etaMinutes,
  };
}

/** The team nearest the place (straight line): who the command centre would have sent. */
export function nearestTeam(teams: SeededTeam[], at: { lat: number; lng: number }): SeededTeam {
  return [...teams].sort((a, b) => distanceMeters(a, at) - distanceMeters(b, at))[0]!;
}

/**
 * One finished assignment with the events real work writes, in order: dispatched, accepted,
 * on scene, outcome. The campaign figures (time to arrival, outcomes) read these.
 */
export async function seedDemoDispatch(
  tx: Tx,
  ids: Ids,
  record: RecordAt,
  d: {
    lead: { id: string; regionCode: string; source: string; vulnerable: boolean; receivedAt: Date };
    team: SeededTeam;
    dispatcherId: string;
    outcome: DispatchOutcome;
    note: string;
    times: DispatchTimes;
  },
): Promise<void> {
  const id = ids.next();
  const { times: t, lead, team } = d;
  await tx.insert(dispatch).values({
    id,
    leadId: lead.id,
    teamId: team.id,
    regionCode: lead.regionCode,
    state: 'completed',
    assignedBy: d.dispatcherId,
    assignedAt: t.assignedAt,
    acceptBy: minutes(t.assignedAt, 5),
    acceptedAt: t.acceptedAt,
    arriveBy: minutes(t.assignedAt, Math.min(lead.vulnerable ? 30 : 45, t.etaMinutes + 10)),
    arrivedAt: t.arrivedAt,
    endedAt: t.endedAt,
    etaMinutes: t.etaMinutes,
    distanceM: Math.round((((t.etaMinutes - 2) / 60) * 25_000) / 1.4),
    outcome: d.outcome,
    note: d.note,
    updatedAt: t.endedAt,
  });
  const base = { entityType: 'lead', entityId: lead.id, regionCode: lead.regionCode };
  const facts = { source: lead.source, dispatchId: id, teamId: team.id, vulnerable: lead.vulnerable };
  await record(t.assignedAt, d.dispatcherId, {
    ...base,
    action: 'lead.dispatched',
    payload: { ...facts, from: 'new', to: 'dispatched', etaMinutes: t.etaMinutes },
  });
  await record(t.acceptedAt, team.memberId, {
    ...base,
    action: 'lead.accepted',
    payload: { dispatchId: id, teamId: team.id },
  });
  const arriveBy = minutes(t.assignedAt, Math.min(lead.vulnerable ? 30 : 45, t.etaMinutes + 10));
  await record(t.arrivedAt, team.memberId, {
    ...base,
    action: 'lead.on_scene',
    payload: {
      ...facts,
      from: 'dispatched',
      to: 'on_scene',
      minutesFromLead: Math.round((t.arrivedAt.getTime() - lead.receivedAt.getTime()) / 60_000),
      withinSla: t.arrivedAt <= arriveBy,
    },
  });
  const to = leadStateAfterOutcome[d.outcome];
  await record(t.endedAt, team.memberId, {
    ...base,
    action: ({ resolved: 'lead.resolved', not_found: 'lead.not_found', closed: 'lead.closed' } as const)[to],
    payload: { ...facts, from: 'on_scene', to, outcome: d.outcome },
  });
}
