/** The period: a quick choice (全程 / 本月 / 上月) or any two days, Beijing calendar days. */
import { DatePicker, Segmented, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../app/format.ts';
import {
  type Period,
  type PeriodPreset,
  periodPresets,
  presetOf,
  presetPeriod,
  seasonStart,
} from '../../features/stats/period.ts';

export function PeriodBar({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: string;
  onChange: (p: Period) => void;
}) {
  const { t } = useTranslation();
  const preset = presetOf(period, today);
  return (
    <Space size={12} wrap data-testid="stats-period-bar">
      <Typography.Text type="secondary">{t('stats.period')}</Typography.Text>
      <Segmented<PeriodPreset | 'custom'>
        value={preset ?? 'custom'}
        onChange={(p) => p !== 'custom' && onChange(presetPeriod(p, today))}
        options={periodPresets.map((p) => ({
          value: p,
          label:
            p === 'season' ? (
              <Tooltip title={t('stats.seasonHint', { from: seasonStart(today) })}>
                <span>{t(`stats.presets.${p}`)}</span>
              </Tooltip>
            ) : (
              t(`stats.presets.${p}`)
            ),
        }))}
        data-testid="stats-period-preset"
      />
      <DatePicker.RangePicker
        value={[dayjs(period.from), dayjs(period.to)]}
        allowClear={false}
        disabledDate={(d) => d.format('YYYY-MM-DD') > today}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
        }}
        data-testid="stats-period-range"
      />
    </Space>
  );
}
