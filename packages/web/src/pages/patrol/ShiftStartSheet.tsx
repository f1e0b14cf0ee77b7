/**
 * 开始巡查: who is out tonight (the whole team ticked), the vehicle, and the hotspots to visit —
 * never-visited and overdue ones ticked already, so the usual night is one more tap. Staff-trips
 * and vehicle-trips are counted from this, never typed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Department, departmentLabels } from '@warmline/domain';
import { App, Button, Checkbox, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { Items } from '../../app/types.ts';
import type { Hotspot } from '../../features/hotspots/types.ts';
import { useLang } from '../../i18n/index.ts';

interface Team {
  vehicle: string | null;
  members: { id: string; displayName: string; department: Department; isLeader: boolean }[];
}

const urgent = (h: Hotspot) => h.coverage.state === 'never' || h.coverage.state === 'overdue';

export function ShiftStartSheet({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const hotspots = useQuery({
    queryKey: ['patrol', 'hotspots'],
    queryFn: () => api.get<Items<Hotspot>>('/api/hotspots'),
  });
  const [crew, setCrew] = useState(() => team.members.map((m) => m.id));
  const [vehicle, setVehicle] = useState(team.vehicle ?? '');
  const [planned, setPlanned] = useState<string[] | null>(null);
  const list = hotspots.data?.items ?? [];
  const chosen = planned ?? list.filter(urgent).map((h) => h.id);
  const toggle = (xs: string[], x: string) => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);

  const start = useMutation({
    mutationFn: () =>
      api.post('/api/patrol/shifts', {
        memberIds: crew,
        vehicles: vehicle.trim() ? [vehicle.trim()] : [],
        plannedHotspotIds: chosen,
      }),
    onSuccess: () => {
      message.success(t('shift.started'));
      void queryClient.invalidateQueries({ queryKey: ['patrol'] });
      onClose();
    },
    onError: (e) => message.error(errorText(e, key)),
  });

  return (
    <Drawer
      open
      placement="bottom"
      height="100%"
      title={t('shift.start')}
      onClose={onClose}
      className="wl-patrol"
      destroyOnHidden
      // Always in reach, however long the list of hotspots.
      footer={
        <Button
          size="large"
          type="primary"
          block
          disabled={crew.length === 0}
          loading={start.isPending}
          onClick={() => start.mutate()}
          data-testid="shift-start-confirm"
        >
          {t('shift.startNow')}
        </Button>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="shift-start-sheet">
        <Typography.Text strong>{t('shift.crew', { n: crew.length })}</Typography.Text>
        <Checkbox.Group value={crew} onChange={(v) => setCrew(v as string[])} className="wl-shift-crew">
          <Space direction="vertical">
            {team.members.map((m) => (
              <Checkbox key={m.id} value={m.id} data-testid="shift-member">
                {m.displayName}（{departmentLabels[m.department][key]}）
                {m.isLeader ? ` · ${t('shift.leader')}` : ''}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
        <Input
          size="large"
          value={vehicle}
          onChange={(e) => setVehicle(e.target.value)}
          placeholder={t('shift.vehiclePlaceholder')}
          addonBefore={t('shift.vehicle')}
          data-testid="shift-vehicle"
        />
        <Typography.Text strong>{t('shift.planned', { n: chosen.length })}</Typography.Text>
        <Typography.Text type="secondary">{t('shift.plannedHint')}</Typography.Text>
        <div className="wl-chips" data-testid="shift-hotspots">
          {list.map((h) => (
            <Tag.CheckableTag
              key={h.id}
              checked={chosen.includes(h.id)}
              onChange={() => setPlanned(toggle(chosen, h.id))}
              data-hotspot={h.id}
            >
              {h.name}
              {urgent(h) ? ` · ${t(`shift.coverage.${h.coverage.state}`)}` : ''}
            </Tag.CheckableTag>
          ))}
        </div>
      </Space>
    </Drawer>
  );
}
