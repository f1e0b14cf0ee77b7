/**
 * 值班安排: the week's roster of the user's bureau (or a station in reach) with 领导带班, gaps
 * still to come in red (缺岗), people added from the roster's candidates and removed, and the
 * handover notes. `?from=YYYY-MM-DD` (a gap notification's link) opens the week holding that day.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import type { Items, Org } from '../../app/types.ts';
import { isOpenGap, LEADER, mondayOf, shiftDay } from '../../features/duty/grid.ts';
import { useDutyAction, useRoster } from '../../features/duty/hooks.ts';
import type { DutyAssignment } from '../../features/duty/types.ts';
import { AssignModal } from './AssignModal.tsx';
import { HandoverPanel } from './HandoverPanel.tsx';
import { RosterGrid } from './RosterGrid.tsx';

export function DutyPage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const [params] = useSearchParams();
  const asked = params.get('from');
  const thisMonday = mondayOf(new Date());
  const askedMonday =
    asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? mondayOf(new Date(`${asked}T12:00:00+08:00`)) : null;
  const [monday, setMonday] = useState(askedMonday ?? thisMonday);
  // A notification opened while on this page changes only the address: follow it.
  useEffect(() => {
    if (askedMonday) setMonday(askedMonday);
  }, [askedMonday]);
  const [orgId, setOrgId] = useState<string | null>(me.role === 'station_staff' ? me.orgId : null);
  const [cell, setCell] = useState<{ day: string; slot: string; label: string } | null>(null);
  const target = { orgId };
  const roster = useRoster(target, monday, shiftDay(monday, 6));
  const stations = useQuery({
    queryKey: ['orgs', 'stations'],
    queryFn: () => api.get<Items<Org>>('/api/orgs', { kind: 'station' }),
    enabled: can('org.read'),
  });
  const remove = useDutyAction(
    (a: DutyAssignment) => api.del(`/api/duty/assignments/${a.id}`),
    t('duty.removed'),
  );
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const r = roster.data;
  const slotLabel = (code: string) => {
    if (code === LEADER) return t('duty.leader');
    const s = r?.slots.find((x) => x.code === code);
    return s ? t('duty.slot', { start: s.start, end: s.end }) : code;
  };
  const openGaps = (r?.gaps ?? []).filter((g) => isOpenGap(g, new Date())).length;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('duty.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('duty.intro')}</Typography.Paragraph>
      </div>
      <Card
        title={r ? `${r.orgName ?? r.regionName} · ${t('duty.roster')}` : t('duty.roster')}
        extra={
          <Space wrap>
            {(stations.data?.items.length ?? 0) > 0 && (
              <Select
                style={{ minWidth: 200 }}
                value={orgId ?? ''}
                onChange={(v) => setOrgId(v || null)}
                data-testid="duty-roster-select"
                options={[
                  { value: '', label: `${me.regionName} · ${t('duty.bureau')}` },
                  ...(stations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
                ]}
              />
            )}
            <Button
              icon={<LeftOutlined />}
              onClick={() => setMonday(shiftDay(monday, -7))}
              aria-label={t('duty.prevWeek')}
            />
            <Button onClick={() => setMonday(thisMonday)} disabled={monday === thisMonday}>
              {t('duty.thisWeek')}
            </Button>
            <Button
              icon={<RightOutlined />}
              onClick={() => setMonday(shiftDay(monday, 7))}
              aria-label={t('duty.nextWeek')}
              data-testid="duty-next-week"
            />
          </Space>
        }
      >
        {r && (
          <Alert
            style={{ marginBottom: 12 }}
            type={openGaps ? 'error' : 'success'}
            showIcon
            message={openGaps ? t('duty.gapCount', { count: openGaps }) : t('duty.noGap')}
            data-testid="duty-gap-summary"
          />
        )}
        {r && (
          <RosterGrid
            roster={r}
            today={today}
            onAssign={(day, slot) => setCell({ day, slot, label: slotLabel(slot) })}
            onRemove={(a) => remove.mutate(a)}
          />
        )}
      </Card>
      <HandoverPanel target={target} slotLabel={slotLabel} />
      <AssignModal target={target} cell={cell} onClose={() => setCell(null)} />
    </Space>
  );
}
