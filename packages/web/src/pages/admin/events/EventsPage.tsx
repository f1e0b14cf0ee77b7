/**
 * The audit log: every write and every sensitive read, newest first. Filters map one-to-one
 * onto GET /api/events query parameters; the payload is shown as the JSON that was stored.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { errorText } from '../../../app/errors.ts';
import { dayjs, formatTime, TIME_ZONE } from '../../../app/format.ts';
import type { AuditEvent, Page } from '../../../app/types.ts';
import { actionLabel, entityLabel } from '../../../features/events/labels.ts';
import { useLang } from '../../../i18n/index.ts';
import { ActorSelect } from './ActorSelect.tsx';

interface Filter {
  action?: string;
  entityType?: string;
  actorId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The entity types the server records today; add one as each capability lands. */
const entityTypes = ['user', 'org'];

/** A picked calendar day means that day in China, whatever the browser's zone. */
function dayBounds(range: [Dayjs | null, Dayjs | null] | null): { from?: string; to?: string } {
  const [start, end] = range ?? [null, null];
  return {
    from: start ? dayjs.tz(start.format('YYYY-MM-DD'), TIME_ZONE).startOf('day').toISOString() : undefined,
    to: end ? dayjs.tz(end.format('YYYY-MM-DD'), TIME_ZONE).endOf('day').toISOString() : undefined,
  };
}

export function EventsPage() {
  const { can } = useAuth();
  const { t, i18n } = useTranslation();
  const { key } = useLang();
  const [filter, setFilter] = useState<Filter>({ page: 1, pageSize: 20 });
  const refine = (change: Partial<Filter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));
  const events = useQuery({
    queryKey: ['events', filter],
    queryFn: () => api.get<Page<AuditEvent>>('/api/events', { ...filter }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('events.col.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('events.col.actor'),
      dataIndex: 'actorName',
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('events.system')}</Typography.Text>,
    },
    {
      title: t('events.col.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Space size={6}>
          <span>{actionLabel(key, action)}</span>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {action}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('events.col.entity'),
      key: 'entity',
      responsive: ['md'],
      render: (_, e) => (
        <span>
          {entityLabel(i18n, e.entityType)}
          {e.entityId && (
            // Ids are UUIDv7, whose first digits are a timestamp; the tail tells records apart.
            <Tooltip title={e.entityId}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                …{e.entityId.slice(-8)}
              </Typography.Text>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: t('events.col.region'),
      dataIndex: 'regionCode',
      responsive: ['lg'],
      render: (code: string | null) => code ?? '—',
    },
  ];

  return (
    <Card title={t('events.title')} data-testid="events-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('events.actionFilter')}
          onSearch={(action) => refine({ action: action.trim() || undefined })}
          style={{ width: 260 }}
          data-testid="events-action-filter"
        />
        <Select<string>
          allowClear
          placeholder={t('events.entityFilter')}
          style={{ width: 150 }}
          value={filter.entityType}
          onChange={(entityType) => refine({ entityType })}
          options={entityTypes.map((type) => ({ value: type, label: entityLabel(i18n, type) }))}
          data-testid="events-entity-filter"
        />
        {can('user.read') && (
          <ActorSelect
            value={filter.actorId}
            onChange={(actorId) => refine({ actorId })}
            placeholder={t('events.actorFilter')}
          />
        )}
        <DatePicker.RangePicker
          onChange={(range) => refine(dayBounds(range))}
          data-testid="events-date-filter"
        />
      </Space>
      {events.isError && (
        <Alert type="error" showIcon title={errorText(events.error, key)} style={{ marginBottom: 16 }} />
      )}
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={events.data?.items}
        loading={events.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => (
            <div data-testid="event-payload">
              <Typography.Text type="secondary">{t('events.payload')}</Typography.Text>
              <pre
                style={{ margin: '4px 0 0', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
              >
                {JSON.stringify(e.payload, null, 2)}
              </pre>
            </div>
          ),
        }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) =>
            setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
      />
    </Card>
  );
}
