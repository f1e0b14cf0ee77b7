/**
 * One hotspot: what and where it is, how often it must be seen and when it is next due, and the
 * patrols' recent check-ins there. A check-in beyond CHECKIN_MAX_DISTANCE_M is kept but tagged
 * 距离过远 and does not count as a visit, so the dispatcher can see why a place is still red.
 */
import { CHECKIN_MAX_DISTANCE_M, hotspotKindLabels, hotspotRiskLabels } from '@warmline/domain';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Grid,
  List,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import { useHotspot } from '../../features/hotspots/hooks.ts';
import type { Checkin, HotspotDetail } from '../../features/hotspots/types.ts';
import { CoverageTag, VisitAgeText } from '../../features/hotspots/VisitAge.tsx';
import { useLang } from '../../i18n/index.ts';

export function HotspotDrawer({
  hotspotId,
  onClose,
  onEdit,
}: {
  hotspotId: string | null;
  onClose: () => void;
  /** Given to those who may manage hotspots. */
  onEdit?: (hotspot: HotspotDetail) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const screens = Grid.useBreakpoint();
  const detail = useHotspot(hotspotId);
  const h = detail.data;

  return (
    <Drawer
      open={hotspotId !== null}
      onClose={onClose}
      size={screens.sm ? 520 : '100%'}
      title={h ? h.name : t('hotspots.detail.title')}
      extra={
        h &&
        onEdit && (
          <Button onClick={() => onEdit(h)} data-testid="hotspot-drawer-edit">
            {t('common.edit')}
          </Button>
        )
      }
      loading={detail.isLoading}
      destroyOnHidden
      data-testid="hotspot-drawer"
    >
      {detail.isError && <Alert type="error" showIcon title={errorText(detail.error, key)} />}
      {h && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space size={8} wrap>
            <CoverageTag state={h.coverage.state} />
            <Typography.Text type={h.coverage.state === 'ok' ? 'secondary' : 'danger'}>
              <VisitAgeText hoursSince={h.coverage.hoursSince} />
            </Typography.Text>
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('hotspots.col.kind')}>
              {hotspotKindLabels[h.kind][key]}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotspots.detail.visitRule')}>
              {hotspotRiskLabels[h.risk][key]} · {t('hotspots.every', { hours: h.coverage.intervalHours })}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotspots.detail.dueAt')}>
              {h.coverage.dueAt ? formatTime(h.coverage.dueAt) : t('hotspots.detail.dueNow')}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotspots.col.region')}>{h.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('hotspots.detail.address')}>{h.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('hotspots.detail.position')}>
              {h.lat.toFixed(5)}, {h.lng.toFixed(5)}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotspots.col.usualCount')}>
              {t('hotspots.people', { count: h.usualCount })}
            </Descriptions.Item>
            {h.notes && <Descriptions.Item label={t('hotspots.detail.notes')}>{h.notes}</Descriptions.Item>}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('hotspots.detail.checkins')}</Typography.Title>
            {h.checkins.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotspots.detail.noCheckins')} />
            ) : (
              <List
                size="small"
                dataSource={h.checkins}
                data-testid="hotspot-checkins"
                renderItem={(c) => <CheckinItem checkin={c} />}
              />
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}

function CheckinItem({ checkin: c }: { checkin: Checkin }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="checkin-item" data-too-far={c.tooFar}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Typography.Text strong>{c.teamName ?? t('hotspots.detail.noTeam')}</Typography.Text>
          <Typography.Text type="secondary">{formatTime(c.at, 'MM-DD HH:mm')}</Typography.Text>
          {c.tooFar && (
            <Tooltip title={t('hotspots.detail.tooFarHint', { meters: CHECKIN_MAX_DISTANCE_M })}>
              <Tag color="red" data-testid="checkin-too-far">
                {t('hotspots.detail.tooFar')}
              </Tag>
            </Tooltip>
          )}
        </Space>
        <Typography.Text type={c.tooFar ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          {t('hotspots.detail.distance', { meters: c.distanceM })}
          {c.peopleSeen !== null && ` · ${t('hotspots.detail.peopleSeen', { count: c.peopleSeen })}`}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}
