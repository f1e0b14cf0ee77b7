/**
 * 场所值守 (`/shelter-keeper`): the keeper's phone at the door. One card per place they count at,
 * with the number inside against the capacity in force, two big buttons (进来 1 人 / 离开 1 人)
 * and a field for the whole number. Each press sends the new total with its own client id, so a
 * resend is stored once; the place turns 已满 by itself and the public finder follows.
 */
import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { capacityInForce, isActiveShelter, shelterStatusLabels } from '@warmline/domain';
import { Alert, App, Button, Card, Empty, InputNumber, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import { useMyShelters } from '../../features/shelters/hooks.ts';
import { ShelterStatusTag } from '../../features/shelters/status.tsx';
import type { Shelter, ShelterDetail } from '../../features/shelters/types.ts';
import { useLang } from '../../i18n/index.ts';
import { ShelterActions } from './ShelterActions.tsx';
import './keeper.css';

export function KeeperPage() {
  const { t } = useTranslation();
  return (
    <div className="wl-keeper" data-testid="keeper-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('keeper.title')}
      </Typography.Title>
      <KeeperPanel />
    </div>
  );
}

/** The keeper's places; also the home of a 场所管理员. */
export function KeeperPanel() {
  const { t } = useTranslation();
  const mine = useMyShelters();
  if (mine.isLoading) return <Spin style={{ margin: 48 }} />;
  const items = mine.data?.items ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="wl-keeper">
      <Typography.Text className="wl-keeper-intro">{t('keeper.intro')}</Typography.Text>
      {items.length === 0 && <Empty description={t('keeper.none')} />}
      {items.map((s) => (
        <KeeperCard key={s.id} shelter={s} />
      ))}
      <Button href="/shelters" target="_blank" size="large" block>
        {t('keeper.finder')}
      </Button>
    </Space>
  );
}

function KeeperCard({ shelter: s }: { shelter: Shelter }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: (count: number) =>
      api.post<ShelterDetail>(`/api/shelters/${s.id}/occupancy`, { clientId: crypto.randomUUID(), count }),
    // The big number is the confirmation; a toast per press would pile up over the buttons.
    onSuccess: () => {
      setTyped(null);
      void queryClient.invalidateQueries({ queryKey: ['shelters'] });
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  const counted = s.capacityDay > 0 || s.capacityNight > 0;
  const active = isActiveShelter(s.status);
  const which = capacityInForce(s, new Date()) === 'night' ? t('keeper.night') : t('keeper.day');
  const busy = send.isPending;
  return (
    <Card
      data-testid="keeper-card"
      data-name={s.name}
      data-status={s.status}
      data-capacity={s.capacityNow}
      data-occupancy={s.occupancy}
      className={s.status === 'full' ? 'wl-keeper-card wl-keeper-full' : 'wl-keeper-card'}
      title={
        <Space direction="vertical" size={0} style={{ whiteSpace: 'normal' }}>
          <span className="wl-keeper-name">{s.name}</span>
          <Typography.Text type="secondary" className="wl-keeper-address">
            {s.address}
          </Typography.Text>
        </Space>
      }
      extra={<ShelterStatusTag status={s.status} />}
    >
      {!active ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text className="wl-keeper-note">
            {t('keeper.notActive', { status: shelterStatusLabels[s.status][key] })}
          </Typography.Text>
          {/* A keeper opens the place they keep when the bureau calls a cold spell. */}
          {can('shelter.activate') && <ShelterActions shelter={s} />}
        </Space>
      ) : !counted ? (
        <Typography.Text className="wl-keeper-note">{t('keeper.notCounted')}</Typography.Text>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {s.status === 'full' && (
            <Alert type="error" showIcon title={t('keeper.full')} data-testid="keeper-full" />
          )}
          <div className="wl-keeper-count">
            <span className="wl-keeper-label">{t('keeper.inside')}</span>
            <span className="wl-keeper-number" data-testid="keeper-count">
              {s.occupancy}
            </span>
            <span className="wl-keeper-capacity">
              {t('keeper.capacityNow', { capacity: s.capacityNow, which })}
            </span>
          </div>
          <div className="wl-keeper-buttons">
            <Button
              size="large"
              icon={<MinusOutlined />}
              disabled={busy || s.occupancy === 0}
              onClick={() => send.mutate(s.occupancy - 1)}
              data-testid="keeper-minus"
            >
              {t('keeper.minus')}
            </Button>
            <Button
              size="large"
              type="primary"
              icon={<PlusOutlined />}
              disabled={busy || s.occupancy >= s.maxOccupancy}
              onClick={() => send.mutate(s.occupancy + 1)}
              data-testid="keeper-plus"
            >
              {t('keeper.plus')}
            </Button>
          </div>
          <Space.Compact block>
            <InputNumber
              size="large"
              min={0}
              max={s.maxOccupancy}
              precision={0}
              inputMode="numeric"
              placeholder={t('keeper.set')}
              value={typed}
              onChange={(v) => setTyped(v)}
              style={{ width: '100%' }}
              data-testid="keeper-input"
            />
            <Button
              size="large"
              disabled={busy || typed === null}
              onClick={() => typed !== null && send.mutate(typed)}
              data-testid="keeper-set"
            >
              {t('keeper.setSubmit')}
            </Button>
          </Space.Compact>
          {s.occupancyAt && (
            <Typography.Text type="secondary" className="wl-keeper-note" aria-live="polite">
              {t('keeper.lastCount', { time: formatTime(s.occupancyAt, 'MM-DD HH:mm') })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
