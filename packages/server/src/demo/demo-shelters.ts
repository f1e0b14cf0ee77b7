import { capacityAt, type ShelterStatus, statusForOccupancy } from '@warmline/domain';
import type { Tx } from '../db/pool.ts';
import { shelter, shelterCount, shelterKeeper } from '../db/schema.ts';
import { createEventRecorder, type EventInput } from '../platform/events.ts';
import type { Ids } from '../platform/ids.ts';
import { demoShelterPlaces } from './demo-shelter-places.ts';

const HOUR = 3_600_000;
/** Minutes between tonight's counts, the last one this long before now. */
const COUNT_EVERY_MIN = 50;

/**
 * Inserts the shelter network with the events real use writes: registered a month ago, activated
 * by the city bureau when the cold wave came two days ago, tonight's counts by the keeper (the
 * status following each count by the domain rule, so a place that filled up has its 已满 event).
 */
export async function seedDemoShelters(
  tx: Tx,
  ids: Ids,
  now: Date,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
  requestId: string,
): Promise<void> {
  let at = now;
  const record = createEventRecorder({ clock: { now: () => at }, ids });
  const recordAt = (when: Date, actorId: string | null, input: EventInput) => {
    at = when;
    return record(tx, { actorId, requestId }, input);
  };
  const createdAt = new Date(now.getTime() - 30 * 24 * HOUR);
  const activatedAt = new Date(now.getTime() - 2 * 24 * HOUR);
  const bureau = userIds.get('shaoguan') ?? null;
  for (const p of demoShelterPlaces) {
    const id = ids.next();
    const entity = { entityType: 'shelter', entityId: id, regionCode: p.regionCode } as const;
    const keeperIds = (p.keepers ?? []).map((u) => userIds.get(u)!);
    const counter = keeperIds[0] ?? (p.org === 'city-station' ? (userIds.get('station1') ?? null) : null);
    await recordAt(createdAt, bureau, {
      ...entity,
      action: 'shelter.created',
      payload: {
        kind: p.kind,
        hostKind: p.hostKind,
        capacityDay: p.capacityDay,
        capacityNight: p.capacityNight,
      },
    });
    let status: ShelterStatus = p.state === 'active' ? 'open' : p.state === 'closed' ? 'closed' : 'standby';
    let changedAt: Date | null = null;
    if (p.state === 'active') {
      changedAt = activatedAt;
      await recordAt(activatedAt, bureau, {
        ...entity,
        action: 'shelter.activated',
        payload: { from: 'standby', to: 'open', shelterKind: p.kind, hours: p.hours },
      });
    } else if (p.state === 'closed') {
      changedAt = new Date(now.getTime() - 24 * HOUR);
      await recordAt(changedAt, bureau, {
        ...entity,
        action: 'shelter.closed',
        payload: { from: 'standby', to: 'closed' },
      });
    }
    const counts = (p.counts ?? []).map((count, i, all) => ({
      count,
      at: new Date(now.getTime() - (all.length - i) * COUNT_EVERY_MIN * 60_000),
    }));
    const countRows = [];
    for (const c of counts) {
      countRows.push({
        id: ids.next(),
        clientId: ids.next(),
        shelterId: id,
        regionCode: p.regionCode,
        ...c,
        userId: counter,
      });
      await recordAt(c.at, counter, {
        ...entity,
        action: 'shelter.counted',
        payload: { count: c.count, at: c.at.toISOString(), latest: true },
      });
      const next = statusForOccupancy(status, c.count, p, c.at);
      if (next !== status) {
        status = next;
        changedAt = c.at;
        await recordAt(c.at, counter, {
          ...entity,
          action: next === 'full' ? 'shelter.filled' : 'shelter.freed',
          payload: { count: c.count, capacity: capacityAt(p, c.at) },
        });
      }
    }
    const last = counts.at(-1);
    await tx.insert(shelter).values({
      id,
      name: p.name,
      kind: p.kind,
      hostKind: p.hostKind,
      hostName: p.hostName ?? null,
      orgId: p.org ? orgIds.get(p.org)! : null,
      regionCode: p.regionCode,
      address: p.address,
      lat: p.lat,
      lng: p.lng,
      hours: p.hours,
      capacityDay: p.capacityDay,
      capacityNight: p.capacityNight,
      services: p.services,
      status,
      occupancy: last?.count ?? 0,
      occupancyAt: last?.at ?? (p.state === 'active' ? activatedAt : null),
      publicPhone: p.publicPhone ?? null,
      contactName: p.contact?.name ?? null,
      contactPhone: p.contact?.phone ?? null,
      notes: p.notes ?? null,
      statusChangedAt: changedAt,
      createdAt,
      createdBy: bureau,
      updatedAt: last?.at ?? changedAt ?? createdAt,
    });
    if (keeperIds.length)
      await tx.insert(shelterKeeper).values(keeperIds.map((userId) => ({ shelterId: id, userId })));
    if (countRows.length)
      await tx.insert(shelterCount).values(countRows.map((r) => ({ ...r, createdAt: r.at })));
  }
}
