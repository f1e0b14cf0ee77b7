/**
 * 救助站 for station staff: who is at the door (patrols' hand-overs on their way, and arrivals
 * waiting for the security check), who is in the station and for how long, the long stays, the
 * bed board, and who left how.
 */
import { useQuery } from '@tanstack/react-query';
import { arrivalKindLabels, dischargeTypeLabels } from '@warmline/domain';
import { Button, Card, Empty, List, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatTime } from '../../app/format.ts';
import type { Items } from '../../app/types.ts';
import { useLang } from '../../i18n/index.ts';
import { AdmitModal } from './AdmitModal.tsx';
import { ArrivalModal } from './ArrivalModal.tsx';
import { BedBoard } from './BedBoard.tsx';
import { StayDrawer } from './StayDrawer.tsx';
import { StayTags } from './StayTags.tsx';
import type { BedBoard as Board, Handover, Stay } from './types.ts';

const useStays = (view: string) =>
  useQuery({
    queryKey: ['station', 'stays', view],
    queryFn: () => api.get<Items<Stay>>(`/api/stays?view=${view}`),
  });

export function StationPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const open = useStays('open');
  const long = useStays('long');
  const discharged = useStays('discharged');
  const referred = useStays('referred');
  const stations = useQuery({
    queryKey: ['station', 'list'],
    queryFn: () => api.get<Items<{ id: string; name: string }>>('/api/stations'),
  });
  const board = useQuery({
    queryKey: ['station', 'beds'],
    queryFn: () => api.get<Board>('/api/stations/beds'),
  });
  const handovers = useQuery({
    queryKey: ['station', 'handovers'],
    queryFn: () => api.get<Items<Handover>>('/api/handovers?state=pending'),
    enabled: can('encounter.read'),
  });
  const [arrival, setArrival] = useState<{ handover: Handover | null } | null>(null);
  const [admitting, setAdmitting] = useState<Stay | null>(null);
  // ?stay=<id> opens that record (the dashboard's drill-down links here).
  const [params] = useSearchParams();
  const [shown, setShown] = useState<string | null>(() => params.get('stay'));
  const coming = (handovers.data?.items ?? []).filter((h) => h.kind === 'station_arrival');
  const all = open.data?.items ?? [];
  const atDoor = all.filter((s) => s.state === 'arrived');
  const inside = all.filter((s) => s.state === 'admitted');
  const manage = can('stay.manage');

  const stayColumns = [
    {
      title: t('persons.name'),
      key: 'name',
      render: (_: unknown, s: Stay) =>
        s.person.name ?? <Typography.Text type="secondary">{s.person.tempNumber}</Typography.Text>,
    },
    { title: t('station.sex'), key: 'sex', render: (_: unknown, s: Stay) => t(`encounter.sex.${s.sex}`) },
    { title: t('station.age'), dataIndex: 'age', key: 'age' },
    {
      title: t('station.bed'),
      key: 'bed',
      render: (_: unknown, s: Stay) => (s.bed ? `${s.bed.zoneName} ${s.bed.label}` : '—'),
    },
    { title: '', key: 'tags', render: (_: unknown, s: Stay) => <StayTags stay={s} /> },
  ];
  const table = (rows: Stay[], extra: object[] = []) => (
    <Table<Stay>
      rowKey="id"
      size="middle"
      dataSource={rows}
      columns={[...stayColumns, ...extra]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(s) => ({ onClick: () => setShown(s.id), 'data-testid': 'stay-row' }) as object}
    />
  );

  const door = (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {manage && (
        <Button
          type="primary"
          size="large"
          onClick={() => setArrival({ handover: null })}
          data-testid="register-arrival"
        >
          {t('station.register')}
        </Button>
      )}
      <Card size="small" title={t('station.pending')}>
        <List
          dataSource={coming}
          locale={{ emptyText: t('station.empty') }}
          renderItem={(h) => (
            <List.Item
              data-testid="pending-handover"
              actions={
                manage
                  ? [
                      <Button
                        key="r"
                        type="primary"
                        onClick={() => setArrival({ handover: h })}
                        data-testid="receive-handover"
                      >
                        {t('station.receive')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space>
                <Typography.Text strong>{h.person.name ?? h.person.tempNumber}</Typography.Text>
                <Typography.Text type="secondary">{h.orgName}</Typography.Text>
                <Typography.Text type="secondary">{formatTime(h.createdAt, 'MM-DD HH:mm')}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('station.admit')}>
        <List
          dataSource={atDoor}
          locale={{ emptyText: t('station.empty') }}
          renderItem={(s) => (
            <List.Item
              data-testid="at-door"
              actions={
                manage
                  ? [
                      <Button key="a" type="primary" onClick={() => setAdmitting(s)} data-testid="admit">
                        {t('station.admit')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space>
                <Typography.Text strong>{s.person.name ?? s.person.tempNumber}</Typography.Text>
                <Tag>{arrivalKindLabels[s.arrivalKind][key]}</Tag>
                <Typography.Text type="secondary">
                  {t('station.arrivedAt', { time: formatTime(s.arrivedAt, 'MM-DD HH:mm') })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );

  return (
    <div>
      <Typography.Title level={3}>{t('station.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('station.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'door',
            label: t('station.tabs.door', { n: coming.length + atDoor.length }),
            children: door,
          },
          { key: 'open', label: t('station.tabs.open', { n: inside.length }), children: table(inside) },
          {
            key: 'long',
            label: t('station.tabs.long', { n: long.data?.items.length ?? 0 }),
            children: table(long.data?.items ?? []),
          },
          {
            key: 'beds',
            label: t('station.tabs.beds'),
            children: board.data ? <BedBoard board={board.data} onOpen={setShown} /> : <Empty />,
          },
          {
            key: 'discharged',
            label: t('station.tabs.discharged'),
            children: table(discharged.data?.items ?? [], [
              {
                title: t('station.dischargeType'),
                key: 'type',
                render: (_: unknown, s: Stay) =>
                  s.dischargeType ? dischargeTypeLabels[s.dischargeType][key] : '',
              },
            ]),
          },
          { key: 'referred', label: t('station.tabs.referred'), children: table(referred.data?.items ?? []) },
        ]}
      />
      {arrival && (
        <ArrivalModal
          stations={stations.data?.items ?? []}
          handover={arrival.handover}
          onClose={() => setArrival(null)}
          onDone={(s) => {
            setArrival(null);
            if (s.state === 'arrived') setAdmitting(s);
          }}
        />
      )}
      {admitting && (
        <AdmitModal
          stay={admitting}
          onClose={() => setAdmitting(null)}
          onDone={(s) => {
            setAdmitting(null);
            setShown(s.id);
          }}
        />
      )}
      {shown && <StayDrawer id={shown} onClose={() => setShown(null)} />}
    </div>
  );
}
