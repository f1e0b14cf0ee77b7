/**
 * Opening hours as a form control: round the clock, or a daily window of Beijing times. A closing
 * time before the opening one means the place stays open into the next morning (18:00–08:00).
 */
import type { ShelterHours } from '@warmline/domain';
import { Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const halfHours = Array.from({ length: 48 }, (_, i) => {
  const time = `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
  return { value: time, label: time };
});

type DailyHours = Extract<ShelterHours, { allDay: false }>;
export const OVERNIGHT: DailyHours = { allDay: false, opens: '18:00', closes: '08:00' };

export function HoursField({
  value = OVERNIGHT,
  onChange,
  testId = 'hours',
}: {
  value?: ShelterHours;
  onChange?: (hours: ShelterHours) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const daily: DailyHours = value.allDay ? OVERNIGHT : value;
  const overnight = !value.allDay && value.closes < value.opens;
  return (
    <Space direction="vertical" size={8} data-testid={testId}>
      <Space>
        <Switch
          checked={value.allDay}
          onChange={(allDay) => onChange?.(allDay ? { allDay: true } : OVERNIGHT)}
          data-testid={`${testId}-all-day`}
        />
        {t('shelters.field.allDay')}
      </Space>
      {!value.allDay && (
        <Space wrap>
          {t('shelters.activate.opens')}
          <Select
            value={daily.opens}
            options={halfHours}
            style={{ width: 96 }}
            onChange={(opens) => onChange?.({ ...daily, allDay: false, opens })}
            data-testid={`${testId}-opens`}
          />
          {t('shelters.activate.closes')}
          <Select
            value={daily.closes}
            options={halfHours}
            style={{ width: 96 }}
            onChange={(closes) => onChange?.({ ...daily, allDay: false, closes })}
            data-testid={`${testId}-closes`}
          />
        </Space>
      )}
      {overnight && (
        <Typography.Text type="secondary">{t('shelters.activate.crossesMidnight')}</Typography.Text>
      )}
    </Space>
  );
}
