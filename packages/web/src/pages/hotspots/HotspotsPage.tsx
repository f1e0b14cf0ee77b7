/**
 * 重点区域: the places where people sleep rough, by how long since a patrol was there — never
 * visited and overdue first (the server's order), on a map coloured the same way. A row or a
 * marker opens the place with its recent check-ins; dispatchers and admins (`hotspot.manage`)
 * register and edit places. Check-ins arrive over the live stream, so coverage turns green
 * without a reload.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  type CoverageState,
  coverageStateLabels,
  coverageStates,
  type HotspotKind,
  hotspotKindLabels,
  hotspotKinds,
  hotspotRiskLabels,
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
  Tooltip,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatTime } from '../../app/format.ts';
import {
  type CoverageSummary,
  coverageMarkerColors,
  coverageSummary,
  isUrgent,
  NEVER_RING,
} from '../../features/hotspots/coverage.ts';
import { useHotspots } from '../../features/hotspots/hooks.ts';
import type { Hotspot } from '../../features/hotspots/types.ts';
import { CoverageTag, VisitAgeText } from '../../features/hotspots/VisitAge.tsx';
import { MapBeside } from '../../features/map/MapBeside.tsx';
import type { MapPoint } from '../../features/map/RegionMap.tsx';
import { useLang } from '../../i18n/index.ts';
import { HotspotDrawer } from './HotspotDrawer.tsx';
import { HotspotFormModal } from './HotspotFormModal.tsx';
import './hotspots.css';

type StateFilter = CoverageState | 'all';

export function HotspotsPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me, can } = useAuth();
  const hotspots = useHotspots();
  const [state, setState] = useState<StateFilter>('all');
  const [kind, setKind] = useState<HotspotKind | undefined>();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Hotspot | 'new' | null>(null);
  const manage = can('hotspot.manage');
  const screens = Grid.useBreakpoint();

  const all = hotspots.data?.items ?? [];
  const summary = coverageSummary(all);
  const shown = all.filter(
    (h) => (state === 'all' || h.coverage.state === state) && (!kind || h.kind === kind),
  );

  // Drawn in reverse, so the most urgent markers lie on top where places crowd together.
  const points: MapPoint[] = [...shown].reverse().map((h) => ({
    id: h.id,
    name: h.name,
    detail: `${coverageStateLabels[h.coverage.state][key]} · ${hotspotKindLabels[h.kind][key]}`,
    lat: h.lat,
    lng: h.lng,
    color: coverageMarkerColors[h.coverage.state],
    radius: h.id === selected ? 12 : 8,
    ...(h.coverage.state === 'never' ? { ring: NEVER_RING } : {}),
  }));

  const columns: TableColumnsType<Hotspot> = [
    {
      title: t('hotspots.col.name'),
      dataIndex: 'name',
      // On a phone it stays in view while the other columns scroll sideways.
      ...(screens.sm ? {} : { fixed: 'left' as const, width: 150 }),
      render: (name: string, h) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {h.address && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.address}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('hotspots.col.kind'),
      dataIndex: 'kind',
      render: (k: HotspotKind) => hotspotKindLabels[k][key],
    },
    {
      title: t('hotspots.col.risk'),
      dataIndex: 'risk',
      render: (_, h) => (
        <Tooltip title={t('hotspots.every', { hours: h.coverage.intervalHours })}>
          <span>{hotspotRiskLabels[h.risk][key]}</span>
        </Tooltip>
      ),
    },
    { title: t('hotspots.col.region'), dataIndex: 'regionName' },
    {
      title: t('hotspots.col.usualCount'),
      dataIndex: 'usualCount',
      align: 'right',
      render: (n: number) => t('hotspots.people', { count: n }),
    },
    {
      title: t('hotspots.col.lastVisited'),
      key: 'lastVisited',
      render: (_, h) => (
        <Tooltip title={h.lastVisitedAt ? formatTime(h.lastVisitedAt) : undefined}>
          <span data-testid="hotspot-last-visited">
            <VisitAgeText hoursSince={h.coverage.hoursSince} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('hotspots.col.coverage'),
      key: 'coverage',
      render: (_, h) => <CoverageTag state={h.coverage.state} />,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, h: Hotspot) => (
              <Button
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  setEditing(h);
                }}
                data-testid="hotspot-edit"
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('hotspots.title')}
      data-testid="hotspots-page"
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="hotspot-create"
          >
            {screens.sm ? t('hotspots.create') : t('common.create')}
          </Button>
        )
      }
    >
      <div className="wl-hotspots-body">
        <Typography.Text type="secondary" className="wl-hide-phone">
          {t('hotspots.intro')}
        </Typography.Text>
        <SummaryLine summary={summary} />
        <div className="wl-hotspot-filters">
          <div className="wl-hotspot-states">
            <Segmented<StateFilter>
              value={state}
              onChange={setState}
              data-testid="hotspot-state-filter"
              options={[
                { value: 'all', label: `${t('hotspots.filter.all')} ${summary.total}` },
                ...coverageStates.map((s) => ({
                  value: s,
                  label: `${coverageStateLabels[s][key]} ${summary[s]}`,
                })),
              ]}
            />
          </div>
          <Select<HotspotKind>
            allowClear
            placeholder={t('hotspots.filter.kind')}
            style={{ width: 140 }}
            value={kind}
            onChange={setKind}
            options={hotspotKinds.map((k) => ({ value: k, label: hotspotKindLabels[k][key] }))}
            data-testid="hotspot-kind-filter"
          />
        </div>
        <MapBeside regionCode={me.regionCode} points={points} onSelect={setSelected} legend={<MapLegend />}>
          <Table<Hotspot>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={shown}
            loading={hotspots.isLoading}
            pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 860 }}
            locale={{ emptyText: all.length ? t('hotspots.emptyFiltered') : t('hotspots.empty') }}
            rowClassName={(h) =>
              isUrgent(h.coverage.state) ? 'wl-hotspot-row wl-hotspot-urgent' : 'wl-hotspot-row'
            }
            onRow={(h) =>
              ({
                onClick: () => setSelected(h.id),
                'data-testid': 'hotspot-row',
                'data-name': h.name,
                'data-state': h.coverage.state,
              }) as HTMLAttributes<HTMLElement>
            }
          />
        </MapBeside>
      </div>
      <HotspotDrawer
        hotspotId={selected}
        onClose={() => setSelected(null)}
        onEdit={manage ? (h) => setEditing(h) : undefined}
      />
      {editing && (
        <HotspotFormModal
          hotspot={editing === 'new' ? null : editing}
          others={all.filter((h) => editing === 'new' || h.id !== editing.id)}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

/** "12 处重点区域 · 3 处超时 · 2 处从未巡查 · 1 处即将到期": the urgent counts in red when any. */
function SummaryLine({ summary }: { summary: CoverageSummary }) {
  const { t } = useTranslation();
  type Tone = 'danger' | 'warning' | undefined;
  const parts: { key: string; text: string; tone: Tone }[] = [
    { key: 'total', text: t('hotspots.summary.total', { count: summary.total }), tone: undefined },
    {
      key: 'overdue',
      text: t('hotspots.summary.overdue', { count: summary.overdue }),
      tone: summary.overdue > 0 ? 'danger' : undefined,
    },
    {
      key: 'never',
      text: t('hotspots.summary.never', { count: summary.never }),
      tone: summary.never > 0 ? 'danger' : undefined,
    },
    {
      key: 'dueSoon',
      text: t('hotspots.summary.dueSoon', { count: summary.due_soon }),
      tone: summary.due_soon > 0 ? 'warning' : undefined,
    },
  ];
  return (
    <Typography.Text
      data-testid="hotspot-summary"
      data-total={summary.total}
      data-overdue={summary.overdue}
      data-never={summary.never}
      style={{ fontSize: 15 }}
    >
      {parts.map((p, i) => (
        <span key={p.key} className="wl-hotspot-part">
          {i > 0 && <span className="wl-hotspot-dot"> · </span>}
          <Typography.Text strong={i === 0 || p.tone === 'danger'} type={p.tone}>
            {p.text}
          </Typography.Text>
        </span>
      ))}
    </Typography.Text>
  );
}

function MapLegend() {
  const { t } = useTranslation();
  return (
    <Space size={12} wrap style={{ padding: '8px 12px' }} data-testid="hotspot-legend">
      <Badge color={coverageMarkerColors.never} text={t('hotspots.legend.never')} />
      <Badge color={coverageMarkerColors.overdue} text={t('hotspots.legend.overdue')} />
      <Badge color={coverageMarkerColors.due_soon} text={t('hotspots.legend.dueSoon')} />
      <Badge color={coverageMarkerColors.ok} text={t('hotspots.legend.ok')} />
    </Space>
  );
}
