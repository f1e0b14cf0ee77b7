/** The command map's shelter layer: its tooltip words and its legend (the points: status.tsx). */
import { shelterAvailabilityLabels } from '@warmline/domain';
import { Badge, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LabelKey } from '../../i18n/index.ts';
import { shelterColors } from './status.tsx';
import type { Shelter } from './types.ts';

/** 有空位 · 9/12 人 — a help point, which counts nobody, just says whether it is open. */
export function shelterLayerLabel(s: Shelter, key: LabelKey): string {
  const state = shelterAvailabilityLabels[s.availability ?? 'later'][key];
  const counted = s.capacityDay > 0 || s.capacityNight > 0;
  return counted ? `${state} · ${s.occupancy}/${s.capacityNow}` : state;
}

export function SheltersLegend() {
  const { t } = useTranslation();
  return (
    <Space size={12} data-testid="shelter-map-legend">
      <Badge color={shelterColors.available} text={t('shelters.mapLayer.available')} />
      <Badge color={shelterColors.full} text={t('shelters.mapLayer.full')} />
    </Space>
  );
}
