import { warningColourLabels, warningKindLabels } from '@warmline/domain';
import { Space, Tag } from 'antd';
import { warningTagColour } from '../../features/response/level.ts';
import type { WarningRef } from '../../features/response/types.ts';
import { useLang } from '../../i18n/index.ts';

/** 寒潮红色预警 … as the signals are named. */
export function WarningTags({ warnings }: { warnings: WarningRef[] }) {
  const { key } = useLang();
  return (
    <Space size={4} wrap>
      {warnings.map((w) => (
        <Tag key={w.id} color={warningTagColour[w.colour]} data-testid="warning-tag">
          {key === 'zh'
            ? `${warningKindLabels[w.kind].zh}${warningColourLabels[w.colour].zh}预警`
            : `${warningColourLabels[w.colour].en} ${warningKindLabels[w.kind].en.toLowerCase()}`}
        </Tag>
      ))}
    </Space>
  );
}
