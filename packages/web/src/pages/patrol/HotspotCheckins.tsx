/**
 * 重点区域打卡 on the patrol phone: the hotspots of my jurisdiction, most urgent first (or
 * nearest first once the phone knows where it is), each with one big "check in" button. The
 * check-in carries a client id made here, so a retry after a dropped connection counts once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { coverageStateLabels, distanceMeters, hotspotKindLabels } from '@warmline/domain';
import { App, Button, Card, InputNumber, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { Items } from '../../app/types.ts';
import { coverageTagColors } from '../../features/hotspots/coverage.ts';
import type { Checkin, Hotspot } from '../../features/hotspots/types.ts';
import { currentPosition } from '../../features/outbox/position.ts';
import { submit } from '../../features/outbox/sender.ts';
import { useLang } from '../../i18n/index.ts';

export function HotspotCheckins() {
  const { t } = useTranslation();
  const [here, setHere] = useState<{ lat: number; lng: number } | null>(null);
  const hotspots = useQuery({
    queryKey: ['patrol', 'hotspots'],
    queryFn: () => api.get<Items<Hotspot>>('/api/hotspots'),
  });
  // The open shift's planned hotspots not yet checked in at come first, marked.
  const shift = useQuery({
    queryKey: ['patrol', 'shift'],
    queryFn: () => api.get<{ shift: { hotspotsLeft: string[] } | null }>('/api/patrol/shifts/current'),
  });
  const left = new Set(shift.data?.shift?.hotspotsLeft ?? []);
  const [all, setAll] = useState(false);
  // With location already allowed, the nearest places come first from the start.
  useEffect(() => {
    void navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((p) => (p.state === 'granted' ? currentPosition().then(setHere) : undefined))
      .catch(() => undefined);
  }, []);
  const items = [...(hotspots.data?.items ?? [])];
  if (here) items.sort((a, b) => distanceMeters(here, a) - distanceMeters(here, b));
  items.sort((a, b) => Number(left.has(b.id)) - Number(left.has(a.id)));
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, 8);
  return (
    <section data-testid="patrol-hotspots">
      <Typography.Title level={5}>{t('patrol.hotspots')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('patrol.hotspotsHint')}</Typography.Paragraph>
      {shown.map((h) => (
        <HotspotCard key={h.id} h={h} here={here} planned={left.has(h.id)} onPosition={setHere} />
      ))}
      {shown.length < items.length && (
        <Button size="large" block onClick={() => setAll(true)} data-testid="all-hotspots">
          {t('patrol.allHotspots', { n: items.length })}
        </Button>
      )}
    </section>
  );
}

function HotspotCard({
  h,
  here,
  planned,
  onPosition,
}: {
  h: Hotspot;
  here: { lat: number; lng: number } | null;
  planned: boolean;
  onPosition: (p: { lat: number; lng: number }) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [people, setPeople] = useState<number | null>(null);
  // One id per intended check-in: a retry of the same tap reuses it.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  // Saved to the outbox first (durable, encrypted), then sent; offline it waits there.
  const checkIn = useMutation({
    // Runs offline too (TanStack would pause it): the outbox is what waits for the network.
    networkMode: 'always',
    mutationFn: async () => {
      const p = await currentPosition();
      onPosition(p);
      return submit<Checkin>({
        kind: 'checkin',
        path: '/api/patrol/checkins',
        label: h.name,
        body: { clientId, at: new Date().toISOString(), hotspotId: h.id, ...p, peopleSeen: people },
      });
    },
    onSuccess: (result) => {
      setClientId(crypto.randomUUID());
      if (result.state === 'queued') return void message.info(t('outbox.queued'));
      const c = result.data;
      if (c.tooFar) message.warning(t('patrol.tooFar', { name: c.hotspotName, m: c.distanceM }));
      else message.success(t('patrol.checkedIn', { name: c.hotspotName }));
      // The hotspot's coverage and the shift's tally both changed.
      void queryClient.invalidateQueries({ queryKey: ['patrol'] });
    },
    onError: (e) =>
      message.error(e instanceof GeolocationPositionError ? t('patrol.positionFailed') : errorText(e, key)),
  });
  const { state, hoursSince } = h.coverage;
  return (
    <Card className="wl-patrol-card" size="small" data-testid="patrol-hotspot">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {h.name}
          </Typography.Text>
          <Tag>{hotspotKindLabels[h.kind][key]}</Tag>
          <Tag color={coverageTagColors[state]} data-testid="hotspot-state">
            {coverageStateLabels[state][key]}
          </Tag>
          {planned && (
            <Tag color="blue" data-testid="hotspot-planned">
              {t('patrol.planned')}
            </Tag>
          )}
        </Space>
        <Typography.Text type="secondary">
          {hoursSince === null ? t('patrol.neverVisited') : t('patrol.lastVisit', { hours: hoursSince })}
          {here ? ` · ${t('patrol.fromHere', { km: (distanceMeters(here, h) / 1000).toFixed(1) })}` : ''}
        </Typography.Text>
        <Space.Compact block>
          <InputNumber
            size="large"
            min={0}
            max={500}
            inputMode="numeric"
            placeholder={t('patrol.peopleSeen')}
            value={people}
            onChange={(v) => setPeople(v)}
            style={{ width: '45%' }}
            aria-label={t('patrol.peopleSeen')}
          />
          <Button
            size="large"
            type="primary"
            style={{ width: '55%' }}
            loading={checkIn.isPending}
            onClick={() => checkIn.mutate()}
            data-testid="check-in"
          >
            {t('patrol.checkIn')}
          </Button>
        </Space.Compact>
      </Space>
    </Card>
  );
}
