/**
 * 信息哨点: the sentinels of the jurisdiction, waiting registrations first. Bureau admins
 * (`sentinel.manage`) approve or reject a registration, suspend or reinstate a sentinel, with a
 * note; dispatchers and supervisors read the same table.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type SentinelAction,
  type SentinelState,
  sentinelActions,
  sentinelOrgTypeLabels,
  sentinelStateLabels,
  sentinelStates,
  sentinelTransition,
} from '@warmline/domain';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import type { Page, Sentinel } from '../../app/types.ts';
import { PhoneReveal } from '../../features/phone/PhoneReveal.tsx';
import { TrustTag } from '../../features/sentinels/TrustTag.tsx';
import { useLang } from '../../i18n/index.ts';

const stateColors: Record<SentinelState, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'default',
  suspended: 'red',
};

export function SentinelsPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<{ state?: SentinelState; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const [deciding, setDeciding] = useState<{ sentinel: Sentinel; action: SentinelAction } | null>(null);
  const [note, setNote] = useState('');
  const manage = can('sentinel.manage');

  const sentinels = useQuery({
    queryKey: ['sentinels', filter],
    queryFn: () => api.get<Page<Sentinel>>('/api/sentinels', { ...filter }),
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: ({ sentinel, action }: { sentinel: Sentinel; action: SentinelAction }) =>
      api.post<Sentinel>(
        `/api/sentinels/${sentinel.id}/actions`,
        note.trim() ? { action, note: note.trim() } : { action },
      ),
    onSuccess: (_data, { action }) => {
      message.success(t(`sentinels.done.${action}`));
      setDeciding(null);
      void queryClient.invalidateQueries({ queryKey: ['sentinels'] });
    },
    onError: (error) => message.error(errorText(error, key)),
  });

  const columns: TableColumnsType<Sentinel> = [
    { title: t('sentinels.col.name'), dataIndex: 'displayName' },
    {
      title: t('sentinels.col.orgType'),
      dataIndex: 'orgType',
      render: (o: Sentinel['orgType'], s) => (
        <Space direction="vertical" size={0}>
          <span>{sentinelOrgTypeLabels[o][key]}</span>
          {s.orgName && <Typography.Text type="secondary">{s.orgName}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('sentinels.col.region'), dataIndex: 'regionName', responsive: ['md'] },
    {
      title: t('sentinels.col.phone'),
      key: 'phone',
      render: (_, s) => (
        <PhoneReveal
          masked={s.phoneMasked}
          url={`/api/sentinels/${s.id}/phone`}
          permission="sentinel.manage"
          label={t('sentinels.showPhone')}
        />
      ),
    },
    {
      title: t('sentinels.col.state'),
      dataIndex: 'state',
      render: (state: SentinelState, s) => (
        <Space direction="vertical" size={0}>
          <Tag color={stateColors[state]} data-testid="sentinel-state">
            {sentinelStateLabels[state][key]}
          </Tag>
          {s.reviewNote && <Typography.Text type="secondary">{s.reviewNote}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('sentinels.col.reports'), dataIndex: 'reportCount', align: 'right' },
    {
      title: t('sentinels.col.trust'),
      key: 'trust',
      render: (_, s) => <TrustTag score={s.trust.score} level={s.trust.level} />,
    },
    {
      title: t('sentinels.col.registered'),
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (at: string) => formatTime(at),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Space size={0} wrap>
          {sentinelActions
            .filter((a) => sentinelTransition(s.state, a))
            .map((action) => (
              <Button
                key={action}
                type="link"
                size="small"
                danger={action === 'reject' || action === 'suspend'}
                data-testid={`sentinel-${action}`}
                onClick={() => {
                  setNote('');
                  setDeciding({ sentinel: s, action });
                }}
              >
                {t(`sentinels.act.${action}`)}
              </Button>
            ))}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('sentinels.title')}
      data-testid="sentinels-page"
      extra={manage ? null : <Typography.Text type="secondary">{t('sentinels.readOnly')}</Typography.Text>}
    >
      <Typography.Paragraph type="secondary">{t('sentinels.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<SentinelState>
          allowClear
          placeholder={t('sentinels.stateFilter')}
          style={{ width: 180 }}
          value={filter.state}
          onChange={(state) => setFilter((f) => ({ ...f, state, page: 1 }))}
          options={sentinelStates.map((s) => ({ value: s, label: sentinelStateLabels[s][key] }))}
          data-testid="sentinels-state-filter"
        />
      </Space>
      {sentinels.isError && (
        <Alert type="error" showIcon title={errorText(sentinels.error, key)} style={{ marginBottom: 16 }} />
      )}
      <Table<Sentinel>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sentinels.data?.items}
        loading={sentinels.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(s) =>
          ({
            'data-testid': `sentinel-row-${s.id}`,
            'data-name': s.displayName,
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: sentinels.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) =>
            setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
      />
      <Modal
        open={!!deciding}
        title={
          deciding &&
          t('sentinels.confirmTitle', {
            action: t(`sentinels.act.${deciding.action}`),
            name: deciding.sentinel.displayName,
          })
        }
        okText={deciding ? t(`sentinels.act.${deciding.action}`) : undefined}
        okButtonProps={
          {
            danger: deciding?.action === 'reject' || deciding?.action === 'suspend',
            'data-testid': 'sentinel-confirm',
          } as ButtonProps
        }
        confirmLoading={act.isPending}
        onOk={() => deciding && act.mutate(deciding)}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('sentinels.notePlaceholder')}
          data-testid="sentinel-note"
        />
      </Modal>
    </Card>
  );
}
