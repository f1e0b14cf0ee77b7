/**
 * The lead queue of the command centre: every open lead of the jurisdiction, newest first,
 * the vulnerable flagged; updates arrive live. Triage acts need `lead.manage`.
 */

import { CameraOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type LeadSource,
  type LeadState,
  leadDescriptorLabels,
  leadSourceLabels,
  leadSources,
  leadStateLabels,
  type SpamReason,
  sentinelOrgTypeLabels,
  spamReasonLabels,
} from '@warmline/domain';
import {
  App,
  Button,
  Card,
  Popconfirm,
  Segmented,
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
import type { Lead, Page } from '../../app/types.ts';
import { LeadPhotos } from '../../features/leads/LeadPhotos.tsx';
import { ScreeningPanel } from '../../features/leads/ScreeningPanel.tsx';
import { TrustTag } from '../../features/sentinels/TrustTag.tsx';
import { useLang } from '../../i18n/index.ts';

type Scope = 'open' | 'quarantined' | 'all';

const isSpamReason = (r: string): r is SpamReason => r in spamReasonLabels;
type Act = 'triage' | 'quarantine' | 'restore' | 'close' | 'merge';

const stateColors: Record<LeadState, string> = {
  new: 'red',
  triaged: 'orange',
  dispatched: 'blue',
  on_scene: 'geekblue',
  resolved: 'green',
  not_found: 'gold',
  duplicate: 'default',
  spam: 'default',
  closed: 'default',
};

/** What a person may do next from each state (the server checks the same rules). */
function actsFor(lead: Lead): Act[] {
  const merge: Act[] = lead.likelyDuplicate ? ['merge'] : [];
  if (lead.state === 'new') return [...merge, 'triage', 'quarantine', 'close'];
  if (lead.state === 'triaged') return [...merge, 'quarantine', 'close'];
  // Quarantine and a merge are both undone by restoring the lead to the queue.
  if (lead.state === 'spam' || lead.state === 'duplicate') return ['restore'];
  return [];
}

export function LeadsPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Scope>('open');
  const [source, setSource] = useState<LeadSource | undefined>();
  const [page, setPage] = useState(1);
  const query = {
    page,
    pageSize: 20,
    source,
    ...(scope === 'open' ? { open: 'true' } : scope === 'quarantined' ? { state: 'spam' } : {}),
  };
  const leads = useQuery({
    queryKey: ['leads', query],
    queryFn: () => api.get<Page<Lead>>('/api/leads', query),
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: ({ lead, action }: { lead: Lead; action: Act }) =>
      api.post<Lead>(
        `/api/leads/${lead.id}/actions`,
        action === 'merge' ? { action, duplicateOf: lead.likelyDuplicate?.id } : { action },
      ),
    onSuccess: (_data, { action }) => {
      message.success(t(`leads.done.${action}`));
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
    },
    onError: (error) => message.error(errorText(error, key)),
  });

  const columns: TableColumnsType<Lead> = [
    {
      title: t('leads.col.received'),
      dataIndex: 'receivedAt',
      width: 130,
      render: (at: string) => formatTime(at, 'MM-DD HH:mm'),
    },
    {
      title: t('leads.col.what'),
      key: 'what',
      render: (_, lead) => (
        <Space direction="vertical" size={2}>
          <Space size={4} wrap>
            {lead.vulnerable && <Tag color="red">{t('leads.priority')}</Tag>}
            {lead.photoCount > 0 && (
              <Tag
                icon={<CameraOutlined />}
                title={t('leadPhotos.count', { count: lead.photoCount })}
                data-testid="lead-photo-count"
              >
                {lead.photoCount}
              </Tag>
            )}
            {lead.likelyDuplicate && (
              <Tag color="purple" data-testid="lead-likely-duplicate">
                {t('leads.likelyDuplicate', { code: lead.likelyDuplicate.trackingCode })}
              </Tag>
            )}
            {lead.state === 'spam' &&
              lead.spamReasons.map((r) => (
                <Tag key={r} color="default" data-testid="lead-spam-reason">
                  {isSpamReason(r) ? spamReasonLabels[r][key] : r}
                </Tag>
              ))}
            {lead.descriptors.map((d) => (
              <Tag key={d}>{leadDescriptorLabels[d][key]}</Tag>
            ))}
          </Space>
          {lead.description && (
            <Typography.Text ellipsis={{ tooltip: lead.description }} style={{ maxWidth: 420 }}>
              {lead.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('leads.col.where'),
      key: 'where',
      render: (_, lead) => (
        <Space direction="vertical" size={0}>
          <span>
            {lead.address ?? (lead.lat !== null ? `${lead.lat.toFixed(4)}, ${lead.lng?.toFixed(4)}` : '—')}
          </span>
          <Typography.Text type="secondary">{lead.regionName}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('leads.col.source'),
      dataIndex: 'source',
      responsive: ['md'],
      render: (s: LeadSource, lead) =>
        lead.sentinel ? (
          <Space direction="vertical" size={2} data-testid="lead-sentinel">
            <span>
              {leadSourceLabels[s][key]} · {lead.sentinel.displayName}（
              {sentinelOrgTypeLabels[lead.sentinel.orgType][key]}）
            </span>
            <TrustTag score={lead.sentinel.trust} level={lead.sentinel.trustLevel} />
          </Space>
        ) : (
          leadSourceLabels[s][key]
        ),
    },
    {
      title: t('leads.col.state'),
      dataIndex: 'state',
      render: (s: LeadState) => (
        <Tag color={stateColors[s]} data-testid="lead-state">
          {leadStateLabels[s][key]}
        </Tag>
      ),
    },
  ];
  if (can('lead.manage')) {
    columns.push({
      title: t('leads.col.actions'),
      key: 'actions',
      render: (_, lead) => (
        <Space size={0} wrap>
          {actsFor(lead).map((action) =>
            action === 'triage' || action === 'restore' || action === 'merge' ? (
              <Button
                key={action}
                type="link"
                size="small"
                data-testid={`lead-${action}`}
                onClick={() => act.mutate({ lead, action })}
              >
                {t(`leads.act.${action}`)}
              </Button>
            ) : (
              <Popconfirm
                key={action}
                title={t(`leads.confirm.${action}`)}
                onConfirm={() => act.mutate({ lead, action })}
              >
                <Button
                  type="link"
                  size="small"
                  danger={action === 'quarantine'}
                  data-testid={`lead-${action}`}
                >
                  {t(`leads.act.${action}`)}
                </Button>
              </Popconfirm>
            ),
          )}
        </Space>
      ),
    });
  }

  return (
    <Card title={t('leads.title')} data-testid="leads-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Scope>
          value={scope}
          onChange={(v) => {
            setScope(v);
            setPage(1);
          }}
          data-testid="leads-scope"
          options={[
            { value: 'open', label: t('leads.scope.open') },
            { value: 'quarantined', label: t('leads.scope.quarantined') },
            { value: 'all', label: t('leads.scope.all') },
          ]}
        />
        <Select<LeadSource>
          allowClear
          placeholder={t('leads.col.source')}
          style={{ width: 160 }}
          value={source}
          onChange={(v) => {
            setSource(v);
            setPage(1);
          }}
          options={leadSources.map((s) => ({ value: s, label: leadSourceLabels[s][key] }))}
          data-testid="leads-source-filter"
        />
      </Space>
      {scope === 'quarantined' && <ScreeningPanel />}
      <Table<Lead>
        rowKey="id"
        size="middle"
        loading={leads.isFetching && !leads.data}
        columns={columns}
        dataSource={leads.data?.items ?? []}
        onRow={(lead) => ({ 'data-testid': `lead-row-${lead.trackingCode}` }) as HTMLAttributes<HTMLElement>}
        expandable={{
          rowExpandable: (lead) => lead.photoCount > 0,
          expandedRowRender: (lead) => <LeadPhotos leadId={lead.id} count={lead.photoCount} />,
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: leads.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: 760 }}
      />
    </Card>
  );
}
