/**
 * 指挥中心: the live map and the queue of open leads side by side. Vulnerable people first
 * (minors, the ill or distressed, the elderly), oldest first within each; every lead shows the
 * clock it runs against. Changes arrive over SSE, so nothing here needs a reload.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  alertKindLabels,
  dispatchDeadline,
  type LeadSource,
  type LeadState,
  leadDescriptorLabels,
  leadPriority,
  leadSourceLabels,
  leadSources,
  leadStateLabels,
  teamStatusLabels,
} from '@warmline/domain';
import { Alert, App, Badge, Button, Card, Col, List, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import type { Lead } from '../../app/types.ts';
import {
  useAlerts,
  useLiveDispatches,
  useNow,
  useOpenLeads,
  useTeams,
} from '../../features/dispatch/hooks.ts';
import { priorityColor, priorityColors, priorityKeys, teamColors } from '../../features/dispatch/priority.ts';
import { SlaTag } from '../../features/dispatch/SlaTag.tsx';
import type { Dispatch } from '../../features/dispatch/types.ts';
import type { MapPoint } from '../../features/map/RegionMap.tsx';
import { useShelters } from '../../features/shelters/hooks.ts';
import { SheltersLegend, shelterLayerLabel } from '../../features/shelters/MapLayer.tsx';
import { shelterMapPoints } from '../../features/shelters/status.tsx';
import { SupplyNotice } from '../../features/supplies/SupplyNotice.tsx';
import { useLang } from '../../i18n/index.ts';
import { LeadDrawer } from './LeadDrawer.tsx';

const RegionMap = lazy(() => import('../../features/map/RegionMap.tsx'));

/** Age on the map: a lead still waiting for a team past its dispatch deadline wears a dark ring. */
const OVERDUE_RING = '#262626';
const isOverdue = (l: Lead, now: Date) =>
  (l.state === 'new' || l.state === 'triaged') &&
  dispatchDeadline(new Date(l.receivedAt), l.vulnerable) < now;

export function CommandPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me, can } = useAuth();
  const now = useNow();
  const leads = useOpenLeads();
  const live = useLiveDispatches();
  const teams = useTeams(can('team.read'));
  const shelters = useShelters(can('shelter.read'));
  // ?lead=<id> opens that record (the dashboard's drill-down links here).
  const [params] = useSearchParams();
  const [selected, setSelected] = useState<string | null>(() => params.get('lead'));
  const [district, setDistrict] = useState<string | undefined>();
  const [source, setSource] = useState<LeadSource | undefined>();
  const [state, setState] = useState<LeadState | undefined>();

  const byLead = useMemo(() => new Map((live.data?.items ?? []).map((d) => [d.leadId, d])), [live.data]);
  const all = leads.data?.items ?? [];
  const districts = [...new Map(all.map((l) => [l.regionCode, l.regionName])).entries()];
  const queue = all
    .filter(
      (l) =>
        (!district || l.regionCode === district) &&
        (!source || l.source === source) &&
        (!state || l.state === state),
    )
    .sort(
      (a, b) =>
        leadPriority(a.descriptors) - leadPriority(b.descriptors) || a.receivedAt.localeCompare(b.receivedAt),
    );

  const points: MapPoint[] = [
    ...queue.flatMap((l) =>
      l.lat !== null && l.lng !== null
        ? [
            {
              id: l.id,
              name: `${l.trackingCode} ${l.address ?? ''}`,
              detail: l.descriptors.map((d) => leadDescriptorLabels[d][key]).join('、'),
              lat: l.lat,
              lng: l.lng,
              color: priorityColor(l.descriptors),
              radius: l.id === selected ? 12 : 8,
              ...(isOverdue(l, now) ? { ring: OVERDUE_RING } : {}),
            },
          ]
        : [],
    ),
    ...(teams.data?.items ?? []).flatMap((tm) =>
      tm.lat !== null && tm.lng !== null
        ? [
            {
              id: `team:${tm.id}`,
              name: tm.name,
              detail: teamStatusLabels[tm.status][key],
              lat: tm.lat,
              lng: tm.lng,
              color: teamColors[tm.status],
              radius: 5,
            },
          ]
        : [],
    ),
    ...shelterMapPoints(shelters.data?.items ?? [], (s) => shelterLayerLabel(s, key)),
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('command.title')}
      </Typography.Title>
      <AlertsBar />
      {can('supply.read') && <SupplyNotice />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <Suspense fallback={<Spin style={{ margin: 48 }} />}>
              {me && (
                <RegionMap
                  regionCode={me.regionCode}
                  points={points}
                  height={560}
                  onSelect={(id) => !id.includes(':') && setSelected(id)}
                />
              )}
            </Suspense>
            <Space size={12} wrap style={{ padding: '8px 12px' }} data-testid="map-legend">
              {priorityKeys.map((k, i) => (
                <Badge key={k} color={priorityColors[i]} text={t(`command.legend.${k}`)} />
              ))}
              <Badge color={teamColors.available} text={t('command.legend.team')} />
              <Badge color={OVERDUE_RING} text={t('command.legend.overdue')} />
              {can('shelter.read') && <SheltersLegend />}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={
              <Space>
                {t('command.queue')}
                <Tag data-testid="queue-count">{queue.length}</Tag>
              </Space>
            }
          >
            <Space wrap style={{ marginBottom: 8 }}>
              <Select
                allowClear
                placeholder={t('command.filters.district')}
                style={{ width: 130 }}
                value={district}
                onChange={setDistrict}
                options={districts.map(([value, label]) => ({ value, label }))}
                data-testid="filter-district"
              />
              <Select
                allowClear
                placeholder={t('command.filters.source')}
                style={{ width: 120 }}
                value={source}
                onChange={setSource}
                options={leadSources.map((s) => ({ value: s, label: leadSourceLabels[s][key] }))}
              />
              <Select
                allowClear
                placeholder={t('command.filters.state')}
                style={{ width: 110 }}
                value={state}
                onChange={setState}
                options={(['new', 'triaged', 'dispatched', 'on_scene', 'not_found'] as const).map((s) => ({
                  value: s,
                  label: leadStateLabels[s][key],
                }))}
              />
            </Space>
            <List
              loading={leads.isLoading}
              dataSource={queue}
              locale={{ emptyText: t('command.empty') }}
              style={{ maxHeight: 520, overflow: 'auto' }}
              renderItem={(l) => (
                <QueueItem lead={l} dispatch={byLead.get(l.id)} now={now} onOpen={() => setSelected(l.id)} />
              )}
            />
          </Card>
        </Col>
      </Row>
      <LeadDrawer leadId={selected} onClose={() => setSelected(null)} />
    </Space>
  );
}

function QueueItem({
  lead,
  dispatch,
  now,
  onOpen,
}: {
  lead: Lead;
  dispatch: Dispatch | undefined;
  now: Date;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const minutes = Math.round((now.getTime() - new Date(lead.receivedAt).getTime()) / 60_000);
  const age =
    minutes < 120
      ? t('command.age', { minutes })
      : t('command.ageHours', { hours: Math.round(minutes / 60) });
  return (
    <List.Item
      onClick={onOpen}
      style={{
        cursor: 'pointer',
        borderLeft: `4px solid ${priorityColor(lead.descriptors)}`,
        paddingLeft: 10,
      }}
      data-testid="queue-item"
      data-lead={lead.trackingCode}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{lead.trackingCode}</Typography.Text>
          <Tag>{leadStateLabels[lead.state][key]}</Tag>
          {lead.descriptors.map((d) => (
            <Tag key={d} color={lead.vulnerable ? 'red' : 'default'}>
              {leadDescriptorLabels[d][key]}
            </Tag>
          ))}
        </Space>
        <Typography.Text type="secondary" ellipsis>
          {lead.address ?? '—'} · {lead.regionName} · {leadSourceLabels[lead.source][key]} · {age}
        </Typography.Text>
        <Space size={4} wrap>
          {(lead.state === 'new' || lead.state === 'triaged') && (
            <SlaTag
              label={t('command.slaDispatch')}
              start={lead.receivedAt}
              deadline={dispatchDeadline(new Date(lead.receivedAt), lead.vulnerable).toISOString()}
              now={now}
            />
          )}
          {dispatch && (
            <>
              <Tag color="blue">{dispatch.teamName}</Tag>
              {dispatch.state === 'pending' ? (
                <SlaTag
                  label={t('command.slaAccept')}
                  start={dispatch.assignedAt}
                  deadline={dispatch.acceptBy}
                  now={now}
                />
              ) : dispatch.state === 'accepted' ? (
                <SlaTag
                  label={t('command.slaArrive')}
                  start={dispatch.assignedAt}
                  deadline={dispatch.arriveBy}
                  now={now}
                />
              ) : null}
            </>
          )}
        </Space>
      </Space>
    </List.Item>
  );
}

/** Alerts for the duty leader: an assignment not accepted in time, a team late on scene. */
function AlertsBar() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const alerts = useAlerts();
  const ack = useMutation({
    mutationFn: (id: string) => api.post(`/api/alerts/${id}/acknowledge`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alerts'] }),
    onError: (e) => message.error(errorText(e, key)),
  });
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="alerts">
      {items.slice(0, 5).map((a) => (
        <Alert
          key={a.id}
          type="error"
          showIcon
          message={`${t('alerts.title')} · ${a.trackingCode ?? ''} ${a.teamName ?? ''}：${alertKindLabels[a.kind][key]}`}
          action={
            can('dispatch.manage') && (
              <Button size="small" onClick={() => ack.mutate(a.id)} data-testid="ack-alert">
                {t('alerts.ack')}
              </Button>
            )
          }
        />
      ))}
    </Space>
  );
}
