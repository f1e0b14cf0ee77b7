/**
 * 巡查班次 on the phone: 开始巡查 opens the crew, vehicle and planned hotspots (the usual night
 * ticked already; the command centre counts 出动人次 and 台次 from it); while it runs, what it
 * has done so far and the planned hotspots still to visit.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import type { Items } from '../../app/types.ts';
import type { Team } from '../../features/dispatch/types.ts';
import type { Hotspot } from '../../features/hotspots/types.ts';
import { useLang } from '../../i18n/index.ts';
import { ShiftStartSheet } from './ShiftStartSheet.tsx';

interface Shift {
  id: string;
  startedAt: string;
  staffTrips: number;
  vehicleTrips: number;
  checkins: number;
  encounters: number;
  plannedHotspotIds: string[];
  hotspotsLeft: string[];
}

const TRACK_EVERY_MS = 5 * 60_000;

export function ShiftCard({ team }: { team: Team }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['patrol', 'shift'],
    queryFn: () => api.get<{ shift: Shift | null }>('/api/patrol/shifts/current'),
  });
  const hotspots = useQuery({
    queryKey: ['patrol', 'hotspots'],
    queryFn: () => api.get<Items<Hotspot>>('/api/hotspots'),
  });
  const [starting, setStarting] = useState(false);
  const end = useMutation({
    mutationFn: () => api.post('/api/patrol/shifts/current/end', {}),
    onSuccess: () => {
      message.success(t('shift.ended'));
      void queryClient.invalidateQueries({ queryKey: ['patrol'] });
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  const open = !!current.data?.shift;
  // While the shift runs, the phone reports where the team is every five minutes: that is the
  // shift's track (and keeps the command centre's recommendations right). A fresh fix only, not
  // currentPosition(): its fallback to the last known fix would draw a route the team never took.
  useEffect(() => {
    if (!open) return;
    const report = () =>
      navigator.geolocation?.getCurrentPosition(
        (p) =>
          void api
            .post('/api/patrol/team/position', {
              lat: p.coords.latitude,
              lng: p.coords.longitude,
              accuracyM: p.coords.accuracy,
            })
            .catch(() => undefined),
        () => undefined,
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
      );
    report();
    const timer = setInterval(report, TRACK_EVERY_MS);
    return () => clearInterval(timer);
  }, [open]);
  if (!current.data) return null;
  const s = current.data.shift;
  return (
    <Card className="wl-patrol-card" data-testid="shift-card">
      {s ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('shift.running', { time: formatTime(s.startedAt, 'HH:mm') })}
          </Typography.Text>
          <Typography.Text data-testid="shift-summary">
            {t('shift.summary', {
              staff: s.staffTrips,
              vehicles: s.vehicleTrips,
              checkins: s.checkins,
              encounters: s.encounters,
            })}
          </Typography.Text>
          {s.plannedHotspotIds.length > 0 && (
            <Typography.Text data-testid="shift-planned-left">
              {t('shift.plannedLeft', { left: s.hotspotsLeft.length, n: s.plannedHotspotIds.length })}
              {s.hotspotsLeft.length > 0 &&
                `：${s.hotspotsLeft.map((id) => hotspots.data?.items.find((h) => h.id === id)?.name ?? '…').join('、')}`}
            </Typography.Text>
          )}
          <Button size="large" block danger onClick={() => end.mutate()} data-testid="end-shift">
            {t('shift.end')}
          </Button>
        </Space>
      ) : (
        <>
          <Button
            size="large"
            type="primary"
            block
            onClick={() => setStarting(true)}
            data-testid="start-shift"
          >
            {t('shift.start')}
          </Button>
          {starting && <ShiftStartSheet team={team} onClose={() => setStarting(false)} />}
        </>
      )}
    </Card>
  );
}
