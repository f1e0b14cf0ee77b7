/** The coverage state as a coloured tag, and the age of the last visit in words. */
import { type CoverageState, coverageStateLabels } from '@warmline/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { coverageTagColors, visitAge } from './coverage.ts';

export function CoverageTag({ state }: { state: CoverageState }) {
  const { key } = useLang();
  return (
    <Tag color={coverageTagColors[state]} data-testid="coverage-tag" data-state={state}>
      {coverageStateLabels[state][key]}
    </Tag>
  );
}

/** "5 小时前", "3 天前", or "从未巡查". */
export function VisitAgeText({ hoursSince }: { hoursSince: number | null }) {
  const { t } = useTranslation();
  const age = visitAge(hoursSince);
  return <>{t(`hotspots.age.${age.unit}`, { count: 'count' in age ? age.count : 0 })}</>;
}
