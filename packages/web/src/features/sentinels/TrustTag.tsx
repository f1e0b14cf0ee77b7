import { type TrustLevel, trustLevelLabels } from '@warmline/domain';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';

const colors: Record<TrustLevel, string> = {
  new: 'default',
  trusted: 'blue',
  highly_trusted: 'green',
  doubtful: 'orange',
};

/** A sentinel's trust as a tag (新哨点 / 可信 / 高度可信 / 存疑), the score on hover. */
export function TrustTag({ score, level }: { score: number; level: TrustLevel }) {
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Tooltip title={t('sentinels.trustTip', { score: score.toFixed(2) })}>
      <Tag color={colors[level]} data-testid="trust-tag" data-level={level}>
        {trustLevelLabels[level][key]} {Math.round(score * 100)}
      </Tag>
    </Tooltip>
  );
}
