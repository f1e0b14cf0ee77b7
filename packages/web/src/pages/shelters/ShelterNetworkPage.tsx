/**
 * 避寒场所 (`/shelter-network`; `/shelters` is the public finder): the jurisdiction's places on a
 * map coloured as the finder would speak of them, and in a table with their hours, capacity and
 * the latest count. Managers register and edit; the command centre activates (一键启用), closes
 * and stands down. Counts arrive over the live stream, so 已满 shows without a reload.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  describeHours,
  isActiveShelter,
  type ShelterKind,
  type ShelterStatus,
  shelterHostKindLabels,
  shelterKindLabels,
  shelterKinds,
  shelterStatuses,
  shelterStatusLabels,
} from '@warmline/domain';
import {
  Badge,
  Button,
  Card,
  Grid,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { formatTime } from '../../app/format.ts';
import { MapBeside } from '../../features/map/MapBeside.tsx';
import type { MapPoint } from '../../features/map/RegionMap.tsx';
import { useShelters } from '../../features/shelters/hooks.ts';
import { ShelterStatusTag, shelterColor, shelterColors } from '../../features/shelters/status.tsx';
import type { Shelter } from '../../features/shelters/types.ts';
import { useLang } from '../../i18n/index.ts';
import { ShelterActions } from './ShelterActions.tsx';
import { ShelterFormModal } from './ShelterFormModal.tsx';

type StatusFilter = ShelterStatus | 'all';
/** Where people are first: full places, then open ones, then those waiting, then the closed. */
const statusOrder: Record<ShelterStatus, number> = { full: 0, open: 1, standby: 2, closed: 3 };

export function ShelterNetworkPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me, can } = useAuth();
  const shelters = useShelters();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [kind, setKind] = useState<ShelterKind | undefined>();
  const [editing, setEditing] = useState<Shelter | 'new' | null>(null);
  // ?shelter=<id> opens that record (the dashboard's drill-down links here).
  const [params] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(() => params.get('shelter'));
  const manage = can('shelter.manage');
  const activate = can('shelter.activate');
  const screens = Grid.useBreakpoint();

  const all = [...(shelters.data?.items ?? [])].sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || a.regionCode.localeCompare(b.regionCode),
  );
  const shown = all.filter((s) => (status === 'all' || s.status === status) && (!kind || s.kind === kind));
  const counted = (s: Shelter) => s.capacityDay > 0 || s.capacityNight > 0;
  const points: MapPoint[] = shown.map((s) => ({
    id: s.id,
    name: s.name,
    detail: `${shelterStatusLabels[s.status][key]}${counted(s) ? ` · ${s.occupancy}/${s.capacityNow}` : ''}`,
    lat: s.lat,
    lng: s.lng,
    color: shelterColor(s),
    radius: s.id === selected ? 12 : 8,
  }));

  const columns: TableColumnsType<Shelter> = [
    {
      title: t('shelters.col.name'),
      dataIndex: 'name',
      ...(screens.sm ? {} : { fixed: 'left' as const, width: 150 }),
      render: (name: string, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.address}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('shelters.col.kind'),
      dataIndex: 'kind',
      render: (k: ShelterKind) => shelterKindLabels[k][key],
    },
    {
      title: t('shelters.col.host'),
      key: 'host',
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <span>{s.orgName ?? s.hostName ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {shelterHostKindLabels[s.hostKind][key]}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('shelters.col.region'), dataIndex: 'regionName' },
    { title: t('shelters.col.hours'), key: 'hours', render: (_, s) => describeHours(s.hours, key) },
    {
      title: t('shelters.col.capacity'),
      key: 'capacity',
      render: (_, s) => t('shelters.capacity', { day: s.capacityDay, night: s.capacityNight }),
    },
    {
      title: t('shelters.col.occupancy'),
      key: 'occupancy',
      render: (_, s) =>
        counted(s) && isActiveShelter(s.status) ? (
          <Space direction="vertical" size={0}>
            <Typography.Text strong data-testid="shelter-occupancy">
              {t('shelters.occupancyOf', { count: s.occupancy, capacity: s.capacityNow })}
            </Typography.Text>
            {s.occupancyAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('shelters.countedAt', { time: formatTime(s.occupancyAt, 'MM-DD HH:mm') })}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{counted(s) ? '—' : t('shelters.notCounted')}</Typography.Text>
        ),
    },
    {
      title: t('shelters.col.status'),
      key: 'status',
      render: (_, s) => <ShelterStatusTag status={s.status} />,
    },
    ...(manage || activate
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: Shelter) => (
              <Space size={4} wrap>
                {activate && <ShelterActions shelter={s} />}
                {manage && (
                  <Button
                    size="small"
                    onClick={(e) => {
                      e.stopPropagation();
                      setEditing(s);
                    }}
                    data-testid="shelter-edit"
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('shelters.title')}
      data-testid="shelters-page"
      extra={
        <Space wrap>
          <Button href="/shelters" target="_blank">
            {t('shelters.publicFinder')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href="/api/shelters/export.xlsx"
            data-testid="shelters-export-xlsx"
          >
            {t('shelters.exportExcel')}
          </Button>
          <Button icon={<DownloadOutlined />} href="/api/shelters/export.hsds.json" className="wl-hide-phone">
            {t('shelters.exportHsds')}
          </Button>
          {manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="shelter-create"
            >
              {screens.sm ? t('shelters.create') : t('common.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary" className="wl-hide-phone">
          {t('shelters.intro')}
        </Typography.Text>
        <Summary shelters={all} />
        <Space wrap>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            data-testid="shelter-status-filter"
            options={[
              { value: 'all', label: `${t('shelters.filter.all')} ${all.length}` },
              ...shelterStatuses.map((s) => ({
                value: s,
                label: `${shelterStatusLabels[s][key]} ${all.filter((x) => x.status === s).length}`,
              })),
            ]}
          />
          <Select<ShelterKind>
            allowClear
            placeholder={t('shelters.filter.kind')}
            style={{ width: 150 }}
            value={kind}
            onChange={setKind}
            options={shelterKinds.map((k) => ({ value: k, label: shelterKindLabels[k][key] }))}
          />
        </Space>
        <MapBeside
          regionCode={me.regionCode}
          points={points}
          onSelect={setSelected}
          legend={<ShelterLegend />}
        >
          <Table<Shelter>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={shown}
            loading={shelters.isLoading}
            pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: all.length ? t('shelters.emptyFiltered') : t('shelters.empty') }}
            rowClassName={(s) => (s.id === selected ? 'ant-table-row-selected' : '')}
            onRow={(s) =>
              ({
                onClick: () => setSelected(s.id),
                'data-testid': 'shelter-row',
                'data-name': s.name,
                'data-status': s.status,
              }) as HTMLAttributes<HTMLElement>
            }
          />
        </MapBeside>
      </Space>
      {editing && (
        <ShelterFormModal
          shelter={editing === 'new' ? null : editing}
          others={all.filter((s) => editing === 'new' || s.id !== editing.id)}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

/** "13 处场所 · 6 处开放 · 1 处已满 · 4 处待启用 · 在场 46 人". */
function Summary({ shelters }: { shelters: Shelter[] }) {
  const { t } = useTranslation();
  const n = (s: ShelterStatus) => shelters.filter((x) => x.status === s).length;
  const people = shelters.reduce((sum, s) => sum + s.occupancy, 0);
  return (
    <Typography.Text data-testid="shelter-summary" style={{ fontSize: 15 }}>
      <Typography.Text strong>{t('shelters.summary.total', { count: shelters.length })}</Typography.Text>
      {' · '}
      {t('shelters.summary.open', { count: n('open') })}
      {' · '}
      <Typography.Text type={n('full') ? 'danger' : undefined} strong={n('full') > 0}>
        {t('shelters.summary.full', { count: n('full') })}
      </Typography.Text>
      {' · '}
      {t('shelters.summary.standby', { count: n('standby') })}
      {' · '}
      {t('shelters.summary.people', { count: people })}
    </Typography.Text>
  );
}

export function ShelterLegend() {
  const { t } = useTranslation();
  return (
    <Space size={12} wrap style={{ padding: '8px 12px' }} data-testid="shelter-legend">
      <Badge color={shelterColors.available} text={t('shelters.legend.open')} />
      <Badge color={shelterColors.full} text={t('shelters.legend.full')} />
      <Badge color={shelterColors.later} text={t('shelters.legend.later')} />
      <Badge color={shelterColors.idle} text={t('shelters.legend.idle')} />
    </Space>
  );
}
