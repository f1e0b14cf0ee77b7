import {
  capacityInForce,
  describeHours,
  isActiveShelter,
  type ShelterStatus,
  shelterHostKindLabels,
  shelterKindLabels,
  shelterServiceLabels,
} from '@warmline/domain';
import { v5 } from 'uuid';
import type { ShelterView } from './shelter.schema.ts';

/**
 * The shelter directory as Open Referral HSDS (3.1: `service_capacity` and `unit` arrived there),
 * shaped like the HSDS API's paginated `GET /services` answer: one page holding every place the
 * caller's jurisdiction has, each a `service` with its organisation (the host), its phone (the
 * public one only), its schedule, its capacities and its `service_at_location`.
 *
 * HSDS ids are UUIDs. A place's own id is its service id; the objects made from it (location,
 * phone, schedule, capacities, address) get name-based UUIDs (v5), so an export run twice names
 * the same things the same way and consumers can update rather than duplicate.
 */
const NAMESPACE = '6f1b6c7e-2d4a-5b8e-9c3f-1a7d5e9b2c40';
const idFor = (...parts: string[]) => v5(parts.join(':'), NAMESPACE);

/** HSDS service status: open and full places are active, standby ones inactive. */
const hsdsStatus: Record<ShelterStatus, 'active' | 'inactive' | 'temporarily closed'> = {
  open: 'active',
  full: 'active',
  standby: 'inactive',
  closed: 'temporarily closed',
};

const units = {
  night: { id: idFor('unit', 'night_place'), name: '夜间床位 (place to sleep)' },
  day: { id: idFor('unit', 'day_seat'), name: '日间座位 (seat in the warm room)' },
} as const;

/** Names of the place's county, city and province, for its address. */
export type RegionNames = (code: string) => string | null;

function schedule(s: ShelterView) {
  const times = s.hours.allDay
    ? { opens_at: '00:00+08:00', closes_at: '23:59+08:00' }
    : { opens_at: `${s.hours.opens}+08:00`, closes_at: `${s.hours.closes}+08:00` };
  return {
    id: idFor(s.id, 'schedule'),
    service_id: s.id,
    freq: 'WEEKLY',
    byday: 'MO,TU,WE,TH,FR,SA,SU',
    timezone: 8,
    ...times,
    description: describeHours(s.hours),
  };
}

/**
 * Available places by unit: the capacity in force now less the latest count; the other one is
 * not in use at this hour, so all of it. A standby or closed place has none available.
 */
function capacities(s: ShelterView, now: Date) {
  const inForce = capacityInForce(s, now);
  const updated = s.occupancyAt ?? s.updatedAt;
  return (['night', 'day'] as const).flatMap((kind) => {
    const maximum = kind === 'night' ? s.capacityNight : s.capacityDay;
    if (maximum === 0) return [];
    const available = !isActiveShelter(s.status)
      ? 0
      : kind === inForce
        ? Math.max(0, maximum - s.occupancy)
        : maximum;
    return [
      {
        id: idFor(s.id, 'capacity', kind),
        service_id: s.id,
        unit: units[kind],
        available,
        maximum,
        description: kind === 'night' ? '夜间可留宿人数' : '日间取暖座位',
        updated,
      },
    ];
  });
}

function location(s: ShelterView, names: RegionNames) {
  const id = idFor(s.id, 'location');
  const county = names(s.regionCode.slice(0, 6));
  return {
    id,
    location_type: 'physical',
    name: s.name,
    description: s.address,
    latitude: s.lat,
    longitude: s.lng,
    addresses: [
      {
        id: idFor(s.id, 'address'),
        location_id: id,
        address_1: s.address,
        city: names(`${s.regionCode.slice(0, 4)}00`) ?? '',
        region: county ?? '',
        state_province: names(`${s.regionCode.slice(0, 2)}0000`) ?? '',
        // Required by HSDS, not kept by the directory.
        postal_code: '',
        country: 'CN',
        address_type: 'physical',
      },
    ],
  };
}

function service(s: ShelterView, names: RegionNames, now: Date) {
  const host = s.hostName ?? s.orgName ?? s.name;
  const offers = s.services.map((x) => shelterServiceLabels[x].zh).join('、');
  return {
    id: s.id,
    name: s.name,
    alternate_name: shelterKindLabels[s.kind].zh,
    description: `${shelterKindLabels[s.kind].zh}${offers ? `：${offers}` : ''}。${describeHours(s.hours)}。`,
    status: hsdsStatus[s.status],
    organization: {
      id: s.orgId ?? idFor('host', s.regionCode, host),
      name: host,
      description: `${shelterHostKindLabels[s.hostKind].zh}（${s.regionName}）`,
    },
    phones: s.publicPhone
      ? [
          {
            id: idFor(s.id, 'phone'),
            service_id: s.id,
            number: s.publicPhone,
            type: 'voice',
            description: '求助电话',
          },
        ]
      : [],
    schedules: [schedule(s)],
    capacities: capacities(s, now),
    service_at_locations: [
      { id: idFor(s.id, 'service_at_location'), service_id: s.id, location: location(s, names) },
    ],
  };
}

export function hsdsDirectory(shelters: ShelterView[], names: RegionNames, now: Date) {
  return {
    total_items: shelters.length,
    total_pages: 1,
    page_number: 1,
    size: shelters.length,
    first_page: true,
    last_page: true,
    empty: shelters.length === 0,
    contents: shelters.map((s) => service(s, names, now)),
  };
}
