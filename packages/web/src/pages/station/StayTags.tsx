/** What a stay is at a glance: the day and the limit, long stay, identity unknown, the zone. */
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stay } from './types.ts';

export function StayTags({ stay: s }: { stay: Stay }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      {s.day !== null && (
        <Tag color={s.overstay ? 'red' : s.longStay ? 'orange' : 'blue'}>
          {t('station.day', { day: s.day })}
        </Tag>
      )}
      {s.state === 'admitted' &&
        (s.allowedDays === null ? (
          <Tag>{t('station.noLimit')}</Tag>
        ) : (
          <Tag>{t('station.allowed', { n: s.allowedDays })}</Tag>
        ))}
      {s.overstay && <Tag color="red">{t('station.overstay')}</Tag>}
      {s.identityUnknown && <Tag color="purple">{t('station.identityUnknown')}</Tag>}
    </Space>
  );
}
