/**
 * One lead on the command centre: what was seen and where, its assignment with SLA clocks,
 * the recommended teams (one click dispatches), and everything that happened to it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  dispatchOutcomeLabels,
  dispatchStateLabels,
  leadDescriptorLabels,
  leadSourceLabels,
  leadStateLabels,
} from '@warmline/domain';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  List,
  Popconfirm,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import type { Items, Lead } from '../../app/types.ts';
import { useNow } from '../../features/dispatch/hooks.ts';
import { SlaTag } from '../../features/dispatch/SlaTag.tsx';
import type { Dispatch, Recommendation, TimelineEntry } from '../../features/dispatch/types.ts';
import { actionLabel } from '../../features/events/labels.ts';
import { LeadPhotos } from '../../features/leads/LeadPhotos.tsx';
import { useLang } from '../../i18n/index.ts';

export function LeadDrawer({ leadId, onClose }: { leadId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const now = useNow();
  const open = leadId !== null;
  const lead = useQuery({
    queryKey: ['leads', 'one', leadId],
    queryFn: () => api.get<Lead>(`/api/leads/${leadId}`),
    enabled: open,
  });
  const dispatches = useQuery({
    queryKey: ['dispatches', 'lead', leadId],
    queryFn: () => api.get<Items<Dispatch>>(`/api/leads/${leadId}/dispatches`),
    enabled: open,
  });
  const timeline = useQuery({
    queryKey: ['leads', 'timeline', leadId],
    queryFn: () => api.get<Items<TimelineEntry>>(`/api/leads/${leadId}/timeline`),
    enabled: open,
  });
  const current = dispatches.data?.items.find((d) => ['pending', 'accepted', 'on_scene'].includes(d.state));
  const l = lead.data;
  const dispatchable = !!l && ['new', 'triaged', 'not_found'].includes(l.state) && can('dispatch.manage');

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={520}
      title={l ? `${t('lead.detail')} · ${l.trackingCode}` : t('lead.detail')}
      data-testid="lead-drawer"
      destroyOnHidden
    >
      {l && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('leads.col.state')}>
              <Tag data-testid="lead-state">{leadStateLabels[l.state][key]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.what')}>
              <Space size={4} wrap>
                {l.descriptors.map((d) => (
                  <Tag key={d} color={l.vulnerable ? 'red' : 'default'}>
                    {leadDescriptorLabels[d][key]}
                  </Tag>
                ))}
              </Space>
              {l.description && (
                <Typography.Paragraph style={{ margin: '6px 0 0' }}>{l.description}</Typography.Paragraph>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.where')}>
              {l.address ??
                (l.lat !== null && l.lng !== null
                  ? `GPS ${l.lat.toFixed(5)}, ${l.lng.toFixed(5)}`
                  : '—')}{' '}
              · {l.regionName}
            </Descriptions.Item>
            <Descriptions.Item label={t('lead.source')}>{leadSourceLabels[l.source][key]}</Descriptions.Item>
            <Descriptions.Item label={t('lead.received')}>{formatTime(l.receivedAt)}</Descriptions.Item>
          </Descriptions>

          {l.photoCount > 0 && <LeadPhotos leadId={l.id} count={l.photoCount} />}
          {current && <CurrentDispatch d={current} now={now} />}
          {dispatchable && <Recommendations lead={l} />}

          <div>
            <Typography.Title level={5}>{t('lead.timeline')}</Typography.Title>
            <Timeline
              data-testid="lead-timeline"
              items={(timeline.data?.items ?? []).map((e) => ({
                key: e.id,
                children: (
                  <>
                    <Typography.Text strong>{actionLabel(key, e.action)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {formatTime(e.at, 'MM-DD HH:mm')} {e.actorName ?? ''}
                    </Typography.Text>
                    {/* A false alarm closes the lead: say why; the other outcomes are their own actions. */}
                    {e.action === 'lead.closed' &&
                      typeof e.payload.outcome === 'string' &&
                      e.payload.outcome in dispatchOutcomeLabels && (
                        <div>{dispatchOutcomeLabels[e.payload.outcome as 'helped'][key]}</div>
                      )}
                  </>
                ),
              }))}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

function CurrentDispatch({ d, now }: { d: Dispatch; now: Date }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.post(`/api/dispatches/${d.id}/cancel`, {}),
    onSuccess: () => {
      message.success(t('lead.cancelled'));
      void queryClient.invalidateQueries();
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  return (
    <Alert
      type="info"
      data-testid="current-dispatch"
      message={
        <Space wrap>
          <b>{t('lead.current')}</b>
          {d.teamName}
          <Tag>{dispatchStateLabels[d.state][key]}</Tag>
        </Space>
      }
      description={
        <Space wrap>
          {d.state === 'pending' && (
            <SlaTag label={t('command.slaAccept')} start={d.assignedAt} deadline={d.acceptBy} now={now} />
          )}
          {d.state !== 'on_scene' && (
            <SlaTag label={t('command.slaArrive')} start={d.assignedAt} deadline={d.arriveBy} now={now} />
          )}
          {d.etaMinutes !== null && <span>{t('lead.eta', { minutes: d.etaMinutes })}</span>}
          {can('dispatch.manage') && d.state !== 'on_scene' && (
            <Popconfirm title={t('lead.cancel')} onConfirm={() => cancel.mutate()}>
              <Button size="small" danger data-testid="cancel-dispatch">
                {t('lead.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    />
  );
}

function Recommendations({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const recs = useQuery({
    queryKey: ['dispatches', 'recommend', lead.id, lead.updatedAt],
    queryFn: () =>
      api.get<{ items: Recommendation[]; unplaced: number }>(`/api/leads/${lead.id}/recommendations`),
  });
  const assign = useMutation({
    mutationFn: (r: Recommendation) =>
      api.post<Dispatch>(`/api/leads/${lead.id}/dispatch`, { teamId: r.teamId }),
    onSuccess: (d) => {
      message.success(t('lead.assigned', { team: d.teamName }));
      void queryClient.invalidateQueries();
    },
    onError: (e) => {
      message.error(errorText(e, key));
      void queryClient.invalidateQueries();
    },
  });
  if (lead.lat === null) return <Alert type="warning" message={t('lead.noPosition')} />;
  const items = recs.data?.items ?? [];
  return (
    <div data-testid="recommendations">
      <Typography.Title level={5} style={{ marginBottom: 0 }}>
        {t('lead.recommend')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('lead.recommendHint')}</Typography.Text>
      {items.length === 0 && !recs.isLoading ? (
        <Empty description={t('lead.noRecommend')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          loading={recs.isLoading}
          dataSource={items}
          renderItem={(r, i) => (
            <List.Item
              data-testid="recommendation"
              actions={[
                <Button
                  key="go"
                  type={i === 0 ? 'primary' : 'default'}
                  loading={assign.isPending && assign.variables?.teamId === r.teamId}
                  onClick={() => assign.mutate(r)}
                  data-testid="assign-team"
                >
                  {t('lead.assign')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {r.teamName}
                    {r.stale && <Tag color="orange">{t('lead.stale')}</Tag>}
                  </Space>
                }
                description={`${t('lead.eta', { minutes: r.etaMinutes })} · ${t('lead.km', { km: (r.distanceM / 1000).toFixed(1) })} · ${t('lead.members', { count: r.memberCount })}${r.vehicle ? ` · ${r.vehicle}` : ''}`}
              />
            </List.Item>
          )}
        />
      )}
      {recs.data && recs.data.unplaced > 0 && (
        <Typography.Text type="secondary">
          {t('lead.unplaced', { count: recs.data.unplaced })}
        </Typography.Text>
      )}
    </div>
  );
}
