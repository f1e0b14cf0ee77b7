/**
 * Users of the jurisdiction: search, filter, page through; admins with `user.manage` also
 * create, edit, reset passwords and unlock. Supervisors see the same table read-only.
 */
import { PlusOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Role, roleLabels, roles } from '@warmline/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { errorText } from '../../../app/errors.ts';
import { formatTime } from '../../../app/format.ts';
import type { Page, User } from '../../../app/types.ts';
import { RegionSelect } from '../../../features/regions/RegionSelect.tsx';
import { useLang } from '../../../i18n/index.ts';
import { PhoneCell } from './PhoneCell.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';

interface Filter {
  q: string;
  role?: Role;
  regionCode?: string;
  page: number;
  pageSize: number;
}

export function UsersPage() {
  const { can, me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>({ q: '', page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const manage = can('user.manage');

  const users = useQuery({
    queryKey: ['users', filter],
    queryFn: () => api.get<Page<User>>('/api/users', { ...filter }),
    placeholderData: keepPreviousData,
  });
  // One-click account fixes: lift a lockout, or remove a second factor whose phone is lost.
  const fix = useMutation({
    mutationFn: ({ user, act }: { user: User; act: 'unlock' | 'totp/reset' }) =>
      api.post(`/api/users/${user.id}/${act}`),
    onSuccess: (_data, { act }) => {
      message.success(t(act === 'unlock' ? 'users.unlocked' : 'users.totpResetDone'));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => message.error(errorText(error, key)),
  });
  // Any filter change starts again from the first page.
  const refine = (change: Partial<Filter>) => setFilter((f) => ({ ...f, ...change, page: 1 }));

  const columns: TableColumnsType<User> = [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName' },
    { title: t('users.col.role'), dataIndex: 'role', render: (role: Role) => roleLabels[role][key] },
    { title: t('users.col.region'), dataIndex: 'regionName', responsive: ['md'] },
    {
      title: t('users.col.org'),
      dataIndex: 'orgName',
      responsive: ['lg'],
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('users.col.phone'),
      key: 'phone',
      render: (_, user) => <PhoneCell user={user} />,
      responsive: ['md'],
    },
    {
      title: t('users.col.status'),
      key: 'status',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.disabled ? (
            <Tag>{t('users.status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.status.active')}</Tag>
          )}
          {user.locked && <Tag color="red">{t('users.status.locked')}</Tag>}
          {user.totpEnabled && <Tag color="blue">{t('users.status.totp')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      responsive: ['xl'],
      render: (at: string | null) => formatTime(at),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => (
        <Space size={0} separator={<Divider orientation="vertical" />}>
          <Button
            type="link"
            size="small"
            data-testid="user-edit"
            onClick={() => {
              setEditing(user);
              setDrawerOpen(true);
            }}
          >
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            data-testid="user-reset-password"
            onClick={() => setResetting(user)}
          >
            {t('users.resetPassword')}
          </Button>
          {user.locked && (
            <Popconfirm
              title={t('users.unlockConfirm', { name: user.displayName })}
              onConfirm={() => fix.mutate({ user, act: 'unlock' })}
            >
              <Button type="link" size="small" icon={<UnlockOutlined />} data-testid="user-unlock">
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          )}
          {user.totpEnabled && user.id !== me.id && (
            <Popconfirm
              title={t('users.totpResetConfirm', { name: user.displayName })}
              onConfirm={() => fix.mutate({ user, act: 'totp/reset' })}
            >
              <Button type="link" size="small" icon={<SafetyOutlined />} data-testid="user-totp-reset">
                {t('users.totpReset')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('users.title')}
      data-testid="users-page"
      extra={
        manage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="user-create"
            onClick={() => {
              setEditing(null);
              setDrawerOpen(true);
            }}
          >
            {t('users.create')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('users.readOnly')}</Typography.Text>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          onSearch={(q) => refine({ q: q.trim() })}
          style={{ width: 240 }}
          data-testid="users-search"
        />
        <Select<Role>
          allowClear
          placeholder={t('users.roleFilter')}
          style={{ width: 180 }}
          value={filter.role}
          onChange={(role) => refine({ role })}
          options={roles.map((r) => ({ value: r, label: roleLabels[r][key] }))}
          data-testid="users-role-filter"
        />
        <RegionSelect
          allowClear
          placeholder={t('users.regionFilter')}
          value={filter.regionCode}
          onChange={(regionCode) => refine({ regionCode })}
          style={{ width: 200 }}
          data-testid="users-region-filter"
        />
      </Space>
      {users.isError && (
        <Alert type="error" showIcon title={errorText(users.error, key)} style={{ marginBottom: 16 }} />
      )}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(user) => ({ 'data-testid': `user-row-${user.username}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) =>
            setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
      />
      <UserFormDrawer open={drawerOpen} user={editing} onClose={() => setDrawerOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
