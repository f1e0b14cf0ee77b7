/** Organisations of the jurisdiction; admins with `org.manage` create and edit them. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type OrgKind, orgKindLabels, orgKinds } from '@warmline/domain';
import {
  Alert,
  Button,
  Card,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.tsx';
import { errorText } from '../../../app/errors.ts';
import type { Org } from '../../../app/types.ts';
import { orgKindColors } from '../../../features/orgs/orgColors.ts';
import { type OrgFilter, useOrgs } from '../../../features/orgs/useOrgs.ts';
import { RegionSelect } from '../../../features/regions/RegionSelect.tsx';
import { useLang } from '../../../i18n/index.ts';
import { OrgFormDrawer } from './OrgFormDrawer.tsx';

export function OrgsPage() {
  const { can } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const [filter, setFilter] = useState<OrgFilter>({});
  const [editing, setEditing] = useState<Org | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const orgs = useOrgs(filter);
  const manage = can('org.manage');

  const columns: TableColumnsType<Org> = [
    { title: t('orgs.col.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      title: t('orgs.col.kind'),
      dataIndex: 'kind',
      render: (kind: OrgKind) => <Tag color={orgKindColors[kind]}>{orgKindLabels[kind][key]}</Tag>,
    },
    { title: t('orgs.col.region'), dataIndex: 'regionName' },
    {
      title: t('orgs.col.beds'),
      dataIndex: 'bedCount',
      align: 'right',
      sorter: (a, b) => (a.bedCount ?? -1) - (b.bedCount ?? -1),
      render: (beds: number | null, org) => (org.kind === 'station' ? (beds ?? '—') : ''),
    },
    {
      title: t('orgs.col.location'),
      key: 'location',
      responsive: ['lg'],
      render: (_, org) =>
        org.lat !== null && org.lng !== null ? (
          <Typography.Text type="secondary">
            {org.lat.toFixed(4)}, {org.lng.toFixed(4)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('orgs.col.users'), dataIndex: 'userCount', align: 'right' },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, org) => (
        <Button
          type="link"
          icon={<EditOutlined />}
          data-testid="org-edit"
          onClick={() => {
            setEditing(org);
            setDrawerOpen(true);
          }}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('orgs.title')}
      data-testid="orgs-page"
      extra={
        manage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="org-create"
            onClick={() => {
              setEditing(null);
              setDrawerOpen(true);
            }}
          >
            {t('orgs.create')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('orgs.readOnly')}</Typography.Text>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('orgs.searchPlaceholder')}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 240 }}
          data-testid="orgs-search"
        />
        <Select<OrgKind>
          allowClear
          placeholder={t('orgs.kindFilter')}
          style={{ width: 160 }}
          value={filter.kind}
          onChange={(kind) => setFilter((f) => ({ ...f, kind }))}
          options={orgKinds.map((k) => ({ value: k, label: orgKindLabels[k][key] }))}
          data-testid="orgs-kind-filter"
        />
        <RegionSelect
          allowClear
          placeholder={t('orgs.regionFilter')}
          value={filter.regionCode}
          onChange={(regionCode) => setFilter((f) => ({ ...f, regionCode }))}
          style={{ width: 200 }}
          data-testid="orgs-region-filter"
        />
      </Space>
      {orgs.isError && (
        <Alert type="error" showIcon title={errorText(orgs.error, key)} style={{ marginBottom: 16 }} />
      )}
      <Table<Org>
        rowKey="id"
        columns={columns}
        dataSource={orgs.data?.items}
        loading={orgs.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(org) => ({ 'data-testid': `org-row-${org.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
      />
      <OrgFormDrawer open={drawerOpen} org={editing} onClose={() => setDrawerOpen(false)} />
    </Card>
  );
}
