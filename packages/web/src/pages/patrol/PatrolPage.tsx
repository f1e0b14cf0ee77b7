/**
 * 我的任务: the patrol member's phone in the cold. One column, big buttons, few words: my
 * team on or off duty, the assignment waiting for me with its acceptance clock, the way there
 * in a map app, "on scene", and the outcome; encounters and hotspot check-ins. It works offline:
 * saves go through the outbox (features/outbox), the shift's data is restored from the device,
 * and the service worker registered here keeps the app shell for a reload without network.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  dispatchOutcomeLabels,
  dispatchOutcomes,
  dispatchStateLabels,
  leadDescriptorLabels,
  teamStatusLabels,
} from '@warmline/domain';
import { App, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import type { Items } from '../../app/types.ts';
import { useNow } from '../../features/dispatch/hooks.ts';
import { mapLinks } from '../../features/dispatch/map-links.ts';
import { SlaTag } from '../../features/dispatch/SlaTag.tsx';
import type { Dispatch, Team } from '../../features/dispatch/types.ts';
import { OutboxStatus } from '../../features/outbox/OutboxStatus.tsx';
import { registerServiceWorker } from '../../features/outbox/service-worker.ts';
import { useLang } from '../../i18n/index.ts';
import { EncounterForm, type FollowUpTarget } from './EncounterForm.tsx';
import { FollowUps } from './FollowUps.tsx';
import { HotspotCheckins } from './HotspotCheckins.tsx';
import { ShiftCard } from './ShiftCard.tsx';
import { TeamStock } from './TeamStock.tsx';
import './patrol.css';

const live = ['pending', 'accepted', 'on_scene'];

export function PatrolPage() {
  const { t } = useTranslation();
  const team = useQuery({
    queryKey: ['patrol', 'team'],
    queryFn: () => api.get<Team>('/api/patrol/team'),
    retry: (n, e) => !(e instanceof ApiError && e.code === 'NOT_TEAM_MEMBER') && n < 2,
  });
  const dispatches = useQuery({
    queryKey: ['patrol', 'dispatches'],
    queryFn: () => api.get<Items<Dispatch>>('/api/patrol/dispatches'),
  });
  const [form, setForm] = useState<{ followUp?: FollowUpTarget } | null>(null);
  useEffect(registerServiceWorker, []);
  if (team.error instanceof ApiError && team.error.code === 'NOT_TEAM_MEMBER')
    return <Empty description={t('patrol.noTeam')} />;
  const items = dispatches.data?.items ?? [];
  const current = items.filter((d) => live.includes(d.state));
  const recent = items.filter((d) => !live.includes(d.state)).slice(0, 5);
  return (
    <div className="wl-patrol">
      <Typography.Title level={3}>{t('patrol.title')}</Typography.Title>
      <OutboxStatus />
      {team.data && <TeamCard team={team.data} />}
      {team.data && <ShiftCard team={team.data} />}
      {team.data && <TeamStock teamId={team.data.id} />}
      {current.length === 0 && !dispatches.isLoading && (
        <Card className="wl-patrol-card">
          <Typography.Text style={{ fontSize: 18 }}>{t('patrol.none')}</Typography.Text>
        </Card>
      )}
      {current.map((d) => (
        <DispatchCard key={d.id} d={d} />
      ))}
      <Button
        size="large"
        type="primary"
        block
        className="wl-patrol-card"
        onClick={() => setForm({})}
        data-testid="new-encounter"
      >
        {t('encounter.new')}
      </Button>
      <FollowUps onRecheck={(followUp) => setForm({ followUp })} />
      {form && (
        <EncounterForm open onClose={() => setForm(null)} followUp={form.followUp} teamId={team.data?.id} />
      )}
      <HotspotCheckins />
      {recent.length > 0 && (
        <>
          <Typography.Title level={5}>{t('patrol.recent')}</Typography.Title>
          {recent.map((d) => (
            <Card key={d.id} size="small" className="wl-patrol-recent">
              {d.lead.trackingCode} · {d.lead.address ?? ''} · <RecentState d={d} />
            </Card>
          ))}
        </>
      )}
    </div>
  );
}

function RecentState({ d }: { d: Dispatch }) {
  const { key } = useLang();
  return <Tag>{d.outcome ? dispatchOutcomeLabels[d.outcome][key] : dispatchStateLabels[d.state][key]}</Tag>;
}

function usePatrolAct() {
  const { key } = useLang();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: object }) => api.post(path, body ?? {}),
    onSuccess: () => {
      message.success(t('patrol.done'));
      void queryClient.invalidateQueries({ queryKey: ['patrol'] });
    },
    onError: (e) => {
      message.error(errorText(e, key));
      void queryClient.invalidateQueries({ queryKey: ['patrol'] });
    },
  });
}

function TeamCard({ team }: { team: Team }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const act = usePatrolAct();
  const sendPosition = () =>
    navigator.geolocation.getCurrentPosition(
      (p) =>
        act.mutate({
          path: '/api/patrol/team/position',
          body: { lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: p.coords.accuracy },
        }),
      () => message.error(t('patrol.positionFailed')),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  const busy = team.status === 'en_route' || team.status === 'on_scene';
  return (
    <Card className="wl-patrol-card" data-testid="patrol-team">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {team.name}
          </Typography.Text>
          <Tag color={team.status === 'available' ? 'green' : 'default'} data-testid="team-status">
            {teamStatusLabels[team.status][key]}
          </Tag>
        </Space>
        {!busy && (
          <Button
            size="large"
            block
            type={team.status === 'off_duty' ? 'primary' : 'default'}
            onClick={() =>
              act.mutate({
                path: '/api/patrol/team/status',
                body: { status: team.status === 'off_duty' ? 'available' : 'off_duty' },
              })
            }
            data-testid="toggle-duty"
          >
            {team.status === 'off_duty' ? t('patrol.onDuty') : t('patrol.offDuty')}
          </Button>
        )}
        <Button size="large" block onClick={sendPosition} data-testid="send-position">
          {t('patrol.reportPosition')}
        </Button>
      </Space>
    </Card>
  );
}

function DispatchCard({ d }: { d: Dispatch }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const now = useNow(5_000);
  const act = usePatrolAct();
  const [declining, setDeclining] = useState(false);
  const [closing, setClosing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<(typeof dispatchOutcomes)[number]>('helped');
  const [note, setNote] = useState('');
  const path = (verb: string) => `/api/patrol/dispatches/${d.id}/${verb}`;
  const links =
    d.lead.lat !== null && d.lead.lng !== null
      ? mapLinks(d.lead.lat, d.lead.lng, d.lead.address ?? d.lead.trackingCode)
      : null;
  return (
    <Card className="wl-patrol-card wl-patrol-dispatch" data-testid="dispatch-card" data-state={d.state}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color="blue" style={{ fontSize: 16 }}>
            {dispatchStateLabels[d.state][key]}
          </Tag>
          <Typography.Text type="secondary">{d.lead.trackingCode}</Typography.Text>
        </Space>
        <Space size={4} wrap>
          {d.lead.descriptors.map((x) => (
            <Tag
              key={x}
              color={d.lead.vulnerable ? 'red' : 'default'}
              style={{ fontSize: 16, padding: '2px 8px' }}
            >
              {leadDescriptorLabels[x][key]}
            </Tag>
          ))}
        </Space>
        <Typography.Text style={{ fontSize: 18 }}>
          {d.lead.address ?? (links ? `${d.lead.regionName} · GPS 定位` : d.lead.regionName)}
        </Typography.Text>
        {d.lead.description && (
          <Typography.Text style={{ fontSize: 16 }}>{d.lead.description}</Typography.Text>
        )}
        {d.state === 'pending' && (
          <>
            <SlaTag label={t('command.slaAccept')} start={d.assignedAt} deadline={d.acceptBy} now={now} />
            <Typography.Text>
              {t('patrol.acceptBy', { time: formatTime(d.acceptBy, 'HH:mm') })}
            </Typography.Text>
            <Button
              size="large"
              type="primary"
              block
              onClick={() => act.mutate({ path: path('accept') })}
              data-testid="accept"
            >
              {t('patrol.accept')}
            </Button>
            {declining ? (
              <Space.Compact block>
                <Input
                  size="large"
                  placeholder={t('patrol.declineReason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                <Button
                  size="large"
                  danger
                  onClick={() => act.mutate({ path: path('decline'), body: reason ? { reason } : {} })}
                >
                  {t('patrol.decline')}
                </Button>
              </Space.Compact>
            ) : (
              <Button size="large" block onClick={() => setDeclining(true)} data-testid="decline">
                {t('patrol.decline')}
              </Button>
            )}
          </>
        )}
        {links && d.state !== 'pending' && (
          <Space.Compact block>
            <Button
              size="large"
              href={links.amap}
              target="_blank"
              style={{ width: '50%' }}
              data-testid="nav-amap"
            >
              {t('patrol.amap')}
            </Button>
            <Button size="large" href={links.baidu} target="_blank" style={{ width: '50%' }}>
              {t('patrol.baidu')}
            </Button>
          </Space.Compact>
        )}
        {d.state === 'accepted' && (
          <>
            <SlaTag label={t('command.slaArrive')} start={d.assignedAt} deadline={d.arriveBy} now={now} />
            <Button
              size="large"
              type="primary"
              block
              onClick={() => act.mutate({ path: path('arrive') })}
              data-testid="arrive"
            >
              {t('patrol.arrive')}
            </Button>
          </>
        )}
        {d.state === 'on_scene' && (
          <Button
            size="large"
            type="primary"
            block
            onClick={() => setRecording(true)}
            data-testid="record-encounter"
          >
            {t('encounter.new')}
          </Button>
        )}
        {recording && (
          <EncounterForm open onClose={() => setRecording(false)} leadId={d.leadId} teamId={d.teamId} />
        )}
        {(d.state === 'accepted' || d.state === 'on_scene') &&
          (closing ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('patrol.outcome')}</Typography.Text>
              {/* One big button per outcome, each on its own row: read whole, hit in gloves. */}
              <Space direction="vertical" style={{ width: '100%' }} role="radiogroup">
                {dispatchOutcomes.map((o) => (
                  <Button
                    key={o}
                    size="large"
                    block
                    role="radio"
                    aria-checked={outcome === o}
                    type={outcome === o ? 'primary' : 'default'}
                    onClick={() => setOutcome(o)}
                  >
                    {dispatchOutcomeLabels[o][key]}
                  </Button>
                ))}
              </Space>
              <Input.TextArea
                rows={2}
                placeholder={t('patrol.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                style={{ fontSize: 16 }}
              />
              <Button
                size="large"
                type="primary"
                block
                onClick={() =>
                  act.mutate({ path: path('complete'), body: note ? { outcome, note } : { outcome } })
                }
                data-testid="submit-outcome"
              >
                {t('patrol.submit')}
              </Button>
            </Space>
          ) : (
            <Button size="large" block onClick={() => setClosing(true)} data-testid="complete">
              {t('patrol.complete')}
            </Button>
          ))}
      </Space>
    </Card>
  );
}
