/**
 * The building blocks of the home pages. Each card shows only what the API returned for this
 * user's jurisdiction; the role-specific homes decide which cards a role sees.
 */

import { useQuery } from '@tanstack/react-query';
import { type OrgKind, orgKindLabels, orgKinds, regionLevelLabels, roleLabels } from '@warmline/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import type { AuditEvent, Org, Page, User } from '../../app/types.ts';
import { actionLabel, entityLabel } from '../../features/events/labels.ts';
import { orgKindColors } from '../../features/orgs/orgColors.ts';
import { useOrgs } from '../../features/orgs/useOrgs.ts';
import { useLang } from '../../i18n/index.ts';

// Leaflet is downloaded only when a map card actually renders.
const RegionMap = lazy(() => import('../../features/map/RegionMap.tsx'));

export function HomeHeader() {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <div style={{ marginBottom: 16 }} data-testid="home-header" data-role={me.role}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-title">
        {me.regionName} · {roleLabels[me.role][key]}
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="home-intro">
        {t(`home.intro.${me.role}`)}
      </Typography.Text>
    </div>
  );
}

/** Admins without a second factor are reminded at the top of their home. */
export function TotpAdvice() {
  const { me } = useAuth();
  const { t } = useTranslation();
  if (me.totpEnabled) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('home.me.totpAdvice')}
      action={
        <Link to="/account">
          <Button size="small">{t('home.me.enable')}</Button>
        </Link>
      }
      data-testid="totp-advice"
    />
  );
}

export function StatsRow() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const users = useQuery({
    queryKey: ['users', { pageSize: 1 }],
    queryFn: () => api.get<Page<User>>('/api/users', { page: 1, pageSize: 1 }),
    enabled: can('user.read'),
  });
  const orgs = useOrgs({}, can('org.read'));
  const items = orgs.data?.items;
  const stations = items?.filter((o) => o.kind === 'station');
  const beds = stations?.reduce((sum, o) => sum + (o.bedCount ?? 0), 0);
  const stats = [
    { key: 'users', value: users.data?.total, loading: users.isPending, show: can('user.read') },
    { key: 'orgs', value: items?.length, loading: orgs.isPending, show: can('org.read') },
    { key: 'stations', value: stations?.length, loading: orgs.isPending, show: can('org.read') },
    { key: 'beds', value: beds, loading: orgs.isPending, show: can('org.read') },
  ] as const;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="home-stats">
      {stats
        .filter((s) => s.show)
        .map((s) => (
          <Col xs={12} md={6} key={s.key}>
            <Card size="small" data-testid={`stat-${s.key}`}>
              <Statistic title={t(`home.stats.${s.key}`)} value={s.value ?? '—'} loading={s.loading} />
            </Card>
          </Col>
        ))}
    </Row>
  );
}

export function MapCard({ height = 360 }: { height?: number }) {
  const { me, can } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const orgs = useOrgs({}, can('org.read'));
  const points = (orgs.data?.items ?? [])
    .filter((o): o is Org & { lat: number; lng: number } => o.lat !== null && o.lng !== null)
    .map((o) => ({
      id: o.id,
      name: o.name,
      lat: o.lat,
      lng: o.lng,
      detail: `${orgKindLabels[o.kind][key]} · ${o.regionName}`,
      color: orgKindColors[o.kind],
      regionCode: o.regionCode,
    }));
  const kinds = orgKinds.filter((kind) => orgs.data?.items.some((o) => o.kind === kind && o.lat !== null));
  return (
    <Card
      title={t('home.mapTitle')}
      extra={
        <Typography.Text type="secondary" className="wl-hide-phone">
          {points.length ? t('home.mapHintPoints') : t('home.mapHint')}
        </Typography.Text>
      }
      data-testid="home-map-card"
      styles={{ body: { padding: 12 } }}
    >
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
        <RegionMap regionCode={me.regionCode} points={points} height={height} />
      </Suspense>
      {kinds.length > 0 && (
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 8 }}
          data-testid="map-legend"
        >
          {kinds.map((kind) => (
            <Typography.Text type="secondary" key={kind} style={{ fontSize: 12 }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  borderRadius: '50%',
                  background: orgKindColors[kind],
                  marginRight: 6,
                  verticalAlign: 'middle',
                }}
              />
              {orgKindLabels[kind][key]}
            </Typography.Text>
          ))}
        </div>
      )}
    </Card>
  );
}

export function OrgsCard({ limit = 8 }: { limit?: number }) {
  const { can } = useAuth();
  return can('org.read') ? <OrgsCardBody limit={limit} /> : null;
}

function OrgsCardBody({ limit }: { limit: number }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const orgs = useOrgs();
  // Stations (beds) and hospitals matter most in the field; keep the server's order otherwise.
  const items = [...(orgs.data?.items ?? [])].sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
  return (
    <Card
      title={t('home.orgsTitle')}
      extra={<Link to="/admin/orgs">{t('common.viewAll')}</Link>}
      data-testid="home-orgs-card"
      styles={{ body: { padding: 0 } }}
    >
      {orgs.isError ? (
        <Alert type="error" title={errorText(orgs.error, key)} style={{ margin: 12 }} />
      ) : (
        <Table<Org>
          size="small"
          rowKey="id"
          loading={orgs.isPending}
          dataSource={items.slice(0, limit)}
          pagination={false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />,
          }}
          columns={[
            { title: t('orgs.col.name'), dataIndex: 'name', ellipsis: true },
            {
              title: t('orgs.col.kind'),
              dataIndex: 'kind',
              width: 150,
              render: (kind: Org['kind']) => (
                <Tag color={orgKindColors[kind]}>{orgKindLabels[kind][key]}</Tag>
              ),
            },
            { title: t('orgs.col.region'), dataIndex: 'regionName', width: 110, responsive: ['sm'] },
            {
              title: t('orgs.col.beds'),
              dataIndex: 'bedCount',
              width: 70,
              align: 'right',
              render: (beds: number | null) => beds ?? '—',
            },
          ]}
        />
      )}
      {items.length > limit && (
        <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '8px 16px' }}>
          {t('common.total', { count: items.length })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

const kindRank = (kind: OrgKind) => (kind === 'station' ? 0 : kind === 'hospital' ? 1 : 2);

export function ActivityCard() {
  const { can } = useAuth();
  return can('event.read') ? <ActivityCardBody /> : null;
}

function ActivityCardBody() {
  const { t, i18n } = useTranslation();
  const { key } = useLang();
  const events = useQuery({
    queryKey: ['events', { pageSize: 10 }],
    queryFn: () => api.get<Page<AuditEvent>>('/api/events', { page: 1, pageSize: 10 }),
  });
  const items = events.data?.items ?? [];
  return (
    <Card
      title={t('home.activityTitle')}
      extra={<Link to="/admin/events">{t('common.viewAll')}</Link>}
      data-testid="home-activity-card"
    >
      {events.isPending ? (
        <Skeleton active />
      ) : events.isError ? (
        <Alert type="error" title={errorText(events.error, key)} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.activityEmpty')} />
      ) : (
        <Timeline
          items={items.map((e) => ({
            key: e.id,
            content: (
              <div data-testid="activity-item">
                <Typography.Text strong>{e.actorName ?? t('events.system')}</Typography.Text>{' '}
                {actionLabel(key, e.action)}
                <Typography.Text type="secondary"> · {entityLabel(i18n, e.entityType)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(e.at, 'MM-DD HH:mm')}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

export function MyAccountCard() {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Card title={t('home.me.title')} data-testid="home-me-card">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'org', label: t('home.me.org'), children: me.orgName ?? t('common.none') },
          { key: 'region', label: t('home.me.jurisdiction'), children: me.regionName },
          { key: 'level', label: t('home.me.level'), children: regionLevelLabels[me.regionLevel][key] },
          {
            key: 'totp',
            label: t('home.me.totp'),
            children: me.totpEnabled ? (
              <Tag color="success">{t('home.me.totpOn')}</Tag>
            ) : (
              <Link to="/account">{t('home.me.totpOff')}</Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function ComingSoon() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 16, textAlign: 'center' }}>
      {t('home.comingSoon')}
    </Typography.Paragraph>
  );
}
