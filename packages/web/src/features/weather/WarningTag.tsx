/** A warning's kind and colour as the signal is named (寒潮橙色预警), on a tag of that colour. */
import {
  type WarningColour,
  type WarningKind,
  warningColourLabels,
  warningKindLabels,
} from '@warmline/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';

/** Ant Design's preset colours closest to the signal's (yellow reads better as gold). */
export const warningTagColours: Record<WarningColour, string> = {
  blue: 'blue',
  yellow: 'gold',
  orange: 'orange',
  red: 'red',
};

export function WarningTag({ kind, colour }: { kind: WarningKind; colour: WarningColour }) {
  const { t } = useTranslation();
  const { key } = useLang();
  // 低温（寒冷） reads as 寒冷 in the signal's name.
  const kindLabel = warningKindLabels[kind][key].replace(/^低温（(.+)）$/, '$1');
  return (
    <Tag color={warningTagColours[colour]} data-testid="warning-tag" data-colour={colour} data-kind={kind}>
      {t('weather.tag', { kind: kindLabel, colour: warningColourLabels[colour][key] })}
    </Tag>
  );
}
