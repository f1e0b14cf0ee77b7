/**
 * Warnings as the duty officer reads them: the signal's tag and headline, where (region names),
 * when, from which source, and the national criteria for reference. An area no region could be
 * found for is flagged 待人工核对 with the areas listed, never hidden.
 */
import { Alert, Badge, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format.ts';
import type { Warning } from '../../features/weather/types.ts';
import { WarningTag } from '../../features/weather/WarningTag.tsx';

type Status = 'active' | 'ended' | 'expired' | 'pending';
const statusOf = (w: Warning, now: number): Status => {
  if (w.active) return 'active';
  if (w.endedAt && Date.parse(w.endedAt) <= now) return 'ended';
  if (w.expires && Date.parse(w.expires) <= now) return 'expired';
  return 'pending';
};
const badge: Record<Status, 'processing' | 'default' | 'warning'> = {
  active: 'processing',
  ended: 'default',
  expired: 'default',
  pending: 'warning',
};

export function WarningList({
  items,
  loading,
  empty,
}: {
  items: Warning[];
  loading: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const now = Date.now();
  if (!loading && !items.length) return <Empty description={empty} data-testid="warnings-empty" />;
  return (
    <List<Warning>
      loading={loading}
      dataSource={items}
      rowKey="id"
      renderItem={(w) => {
        const status = statusOf(w, now);
        return (
          <List.Item data-testid="warning-item" data-identifier={w.identifier} data-source={w.source}>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={8}>
                <WarningTag kind={w.kind} colour={w.colour} />
                <Typography.Text strong data-testid="warning-headline">
                  {w.headline ?? w.sender}
                </Typography.Text>
                <Badge status={badge[status]} text={t(`weather.status.${status}`)} />
                <Tag data-testid="warning-source">
                  {t('weather.sourceLabel', { source: t(`weather.source.${w.source}`) })}
                </Tag>
                {w.needsReview && (
                  <Tag color="error" data-testid="warning-review">
                    {t('weather.needsReview')}
                  </Tag>
                )}
              </Space>
              <Space wrap size={4} data-testid="warning-regions">
                <Typography.Text type="secondary">{t('weather.col.regions')}：</Typography.Text>
                {w.regions.length ? (
                  w.regions.map((r) => <Tag key={r.code}>{r.name}</Tag>)
                ) : (
                  <Typography.Text type="secondary">{t('weather.noRegion')}</Typography.Text>
                )}
              </Space>
              <Typography.Text type="secondary" data-testid="warning-time">
                {t('weather.from', { time: formatTime(w.activeFrom) })}
                {' · '}
                {w.expires ? t('weather.until', { time: formatTime(w.expires) }) : t('weather.noExpiry')}
                {w.endedAt && ` · ${t('weather.endedAt', { time: formatTime(w.endedAt) })}`}
                {w.source !== 'manual' && ` · ${t('weather.sender', { sender: w.sender })}`}
              </Typography.Text>
              {w.description && (
                <Typography.Paragraph style={{ marginBottom: 0 }}>{w.description}</Typography.Paragraph>
              )}
              {w.needsReview && w.unresolved.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="warning-unresolved"
                  title={t('weather.unresolved', {
                    areas: w.unresolved
                      .map((u) => (u.detail ? `${u.areaDesc}（${u.detail}）` : u.areaDesc))
                      .join('、'),
                  })}
                />
              )}
              {w.criteria && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
                  {t('weather.criteria')}：{w.criteria}
                </Typography.Paragraph>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
