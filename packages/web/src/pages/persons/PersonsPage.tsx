/**
 * 受助人员: find a person the patrols met — by name as heard (汉字, pinyin, initials), temporary
 * number, features or home region — and read their encounters in order. Two records of one
 * person are merged here, and a merge undone. Resident IDs arrive masked.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AgeBand,
  type AssistanceCategory,
  ageBandLabels,
  assistanceCategoryLabels,
} from '@warmline/domain';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import type { Items } from '../../app/types.ts';
import { EncounterPhotoTiles } from '../../features/leads/LeadPhotos.tsx';
import { useLang } from '../../i18n/index.ts';

interface Person {
  id: string;
  tempNumber: string;
  name: string | null;
  sex: 'male' | 'female' | 'unknown';
  ageBand: AgeBand | null;
  residentId: string | null;
  homeRegion: string | null;
  features: string | null;
  encounterCount: number;
  lastSeen: { at: string } | null;
}
interface PersonDetail extends Person {
  encounters: {
    id: string;
    at: string;
    category: AssistanceCategory;
    note: string | null;
    mergedFromPersonId: string | null;
    photoCount: number;
  }[];
  merged: { id: string; tempNumber: string; name: string | null }[];
}

const usePersons = (q: string) =>
  useQuery({
    queryKey: ['persons', q],
    queryFn: () => api.get<Items<Person>>(q ? `/api/persons?q=${encodeURIComponent(q)}` : '/api/persons'),
  });

export function PersonsPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const [q, setQ] = useState('');
  // ?person=<id> opens that record (the dashboard's drill-down links here).
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | null>(() => params.get('person'));
  const persons = usePersons(q);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('persons.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('persons.intro')}</Typography.Paragraph>
      <Input.Search
        size="large"
        allowClear
        placeholder={t('persons.search')}
        onSearch={(v) => setQ(v.trim())}
        style={{ maxWidth: 520 }}
        data-testid="person-search"
      />
      <Table<Person>
        rowKey="id"
        loading={persons.isLoading}
        dataSource={persons.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('persons.none')} /> }}
        onRow={(p) =>
          ({
            onClick: () => setOpen(p.id),
            style: { cursor: 'pointer' },
            'data-testid': 'person-row',
          }) as never
        }
        scroll={{ x: 900 }}
        columns={[
          { title: t('persons.tempNumber'), dataIndex: 'tempNumber' },
          {
            title: t('persons.name'),
            render: (_, p) =>
              p.name ?? <Typography.Text type="secondary">{t('persons.unnamed')}</Typography.Text>,
          },
          { title: t('persons.sex'), render: (_, p) => t(`persons.sexes.${p.sex}`) },
          {
            title: t('persons.ageBand'),
            render: (_, p) => (p.ageBand ? ageBandLabels[p.ageBand][key] : '—'),
          },
          { title: t('persons.homeRegion'), render: (_, p) => p.homeRegion ?? '—' },
          { title: t('persons.residentId'), render: (_, p) => p.residentId ?? '—' },
          { title: t('persons.encounters'), dataIndex: 'encounterCount', align: 'right' },
          {
            title: t('persons.lastSeen'),
            render: (_, p) => (p.lastSeen ? formatTime(p.lastSeen.at, 'MM-DD HH:mm') : '—'),
          },
        ]}
      />
      {open && <PersonDrawer key={open} id={open} onClose={() => setOpen(null)} onOpen={setOpen} />}
    </Space>
  );
}

function PersonDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const person = useQuery({
    queryKey: ['persons', 'detail', id],
    queryFn: () => api.get<PersonDetail>(`/api/persons/${id}`),
  });
  const [targetQ, setTargetQ] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const targets = usePersons(targetQ);
  const done = (text: string) => {
    message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['persons'] });
  };
  const merge = useMutation({
    mutationFn: () => api.post<{ person: PersonDetail }>(`/api/persons/${id}/merge`, { intoId: target }),
    onSuccess: (r) => {
      done(t('persons.merged'));
      onOpen(r.person.id);
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  const unmerge = useMutation({
    mutationFn: (dup: string) => api.post(`/api/persons/${dup}/unmerge`, {}),
    onSuccess: () => done(t('persons.unmerged')),
    onError: (e) => message.error(errorText(e, key)),
  });
  const p = person.data;
  const targetName = targets.data?.items.find((x) => x.id === target);
  return (
    <Drawer
      open
      onClose={onClose}
      width={560}
      title={p ? (p.name ?? p.tempNumber) : ''}
      data-testid="person-drawer"
    >
      {p && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('persons.tempNumber')}>{p.tempNumber}</Descriptions.Item>
            <Descriptions.Item label={t('persons.residentId')}>{p.residentId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('persons.homeRegion')}>{p.homeRegion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('persons.features')}>{p.features ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>
            {t('persons.timeline')}（{p.encounters.length}）
          </Typography.Title>
          <Timeline
            data-testid="person-timeline"
            items={p.encounters.map((e) => ({
              children: (
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Typography.Text strong>{formatTime(e.at, 'YYYY-MM-DD HH:mm')}</Typography.Text>
                    <Tag color="blue">{assistanceCategoryLabels[e.category][key]}</Tag>
                    {e.mergedFromPersonId && <Tag>{t('persons.mergedFrom')}</Tag>}
                  </Space>
                  {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
                  {e.photoCount > 0 && <EncounterPhotoTiles encounterId={e.id} count={e.photoCount} />}
                </Space>
              ),
            }))}
          />
          {p.merged.length > 0 && (
            <>
              <Typography.Title level={5}>{t('persons.mergedRecords')}</Typography.Title>
              {p.merged.map((m) => (
                <Space key={m.id} data-testid="merged-record">
                  <Typography.Text>{m.name ?? m.tempNumber}</Typography.Text>
                  {can('person.manage') && (
                    <Button size="small" onClick={() => unmerge.mutate(m.id)} data-testid="unmerge">
                      {t('persons.unmerge')}
                    </Button>
                  )}
                </Space>
              ))}
            </>
          )}
          {can('person.manage') && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('persons.mergeInto')}</Typography.Text>
              <Space.Compact block>
                <Select
                  showSearch
                  filterOption={false}
                  placeholder={t('persons.mergeTarget')}
                  onSearch={setTargetQ}
                  value={target}
                  onChange={setTarget}
                  style={{ width: '75%' }}
                  data-testid="merge-target"
                  options={(targets.data?.items ?? [])
                    .filter((x) => x.id !== id)
                    .map((x) => ({
                      value: x.id,
                      label: `${x.name ?? t('persons.unnamed')} · ${x.tempNumber} · ${x.encounterCount}`,
                    }))}
                />
                <Popconfirm
                  title={t('persons.mergeConfirm', {
                    target: targetName?.name ?? targetName?.tempNumber ?? '',
                  })}
                  onConfirm={() => merge.mutate()}
                  disabled={!target}
                >
                  <Button type="primary" disabled={!target} style={{ width: '25%' }} data-testid="merge">
                    {t('persons.merge')}
                  </Button>
                </Popconfirm>
              </Space.Compact>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
