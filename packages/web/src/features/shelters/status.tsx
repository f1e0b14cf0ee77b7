/** The colours a place wears on the map and in tags, by what the public finder would say. */
import { type ShelterStatus, shelterStatusLabels } from '@warmline/domain';
import { Tag } from 'antd';
import { useLang } from '../../i18n/index.ts';
import type { MapPoint } from '../map/RegionMap.tsx';
import type { Shelter } from './types.ts';

export const shelterColors = {
  available: '#0ca678',
  full: '#e8590c',
  later: '#f59f00',
  idle: '#adb5bd',
} as const;

/** On the command map a place wears this ring, so it is not taken for a lead or a team. */
export const SHELTER_RING = '#0b4f5c';

/** The command map's layer: the places the public can go to now or tonight (read-only). */
export function shelterMapPoints(shelters: Shelter[], label: (s: Shelter) => string): MapPoint[] {
  return shelters.flatMap((s) =>
    s.availability
      ? [
          {
            id: `shelter:${s.id}`,
            name: s.name,
            detail: label(s),
            lat: s.lat,
            lng: s.lng,
            color: shelterColor(s),
            radius: 7,
            ring: SHELTER_RING,
          },
        ]
      : [],
  );
}

/** The marker colour of a place: room now, full, activated but outside its hours, or idle. */
export const shelterColor = (s: Pick<Shelter, 'availability'>) => shelterColors[s.availability ?? 'idle'];

const tagColors: Record<ShelterStatus, string> = {
  standby: 'default',
  open: 'green',
  full: 'red',
  closed: 'default',
};

export function ShelterStatusTag({ status }: { status: ShelterStatus }) {
  const { key } = useLang();
  return (
    <Tag color={tagColors[status]} data-testid="shelter-status" data-status={status}>
      {shelterStatusLabels[status][key]}
    </Tag>
  );
}
