/**
 * 救助队: the joint patrol teams of the jurisdiction — who is in them (by department), their
 * vehicle, on or off duty, the last position their phone reported, and what they are doing.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Department, departmentLabels, departments, teamStatusLabels } from '@warmline/domain';
import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import { useTeams } from '../../features/dispatch/hooks.ts';
import { teamColors } from '../../features/dispatch/priority.ts';
import type { Team } from '../../features/dispatch/types.ts';
import { RegionSelect } from '../../features/regions/RegionSelect.tsx';
import { useLang } from '../../i18n/index.ts';

interface TeamForm {
  name: string;
  regionCode: string;
  vehicle?: string;
  members: { displayName: string; department: Department; isLeader?: boolean; userId?: string | null }[];
}

export function TeamsPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'available' | 'off_duty' }) =>
      api.post(`/api/teams/${id}/status`, { status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teams'] }),
    onError: (e) => message.error(errorText(e, key)),
  });
  const manage = can('team.manage');
  const columns: TableColumnsType<Team> = [
    {
      title: t('teams.name'),
      dataIndex: 'name',
      render: (name: string, tm) => (
        <Space direction="vertical" size={0}>
          <b>{name}</b>
          <Typography.Text type="secondary">{tm.regionName}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('teams.status'),
      key: 'status',
      render: (_, tm) => (
        <Space direction="vertical" size={2}>
          <Tag color={teamColors[tm.status]} data-testid="team-status">
            {teamStatusLabels[tm.status][key]}
          </Tag>
          {tm.activeDispatch && (
            <Typography.Text type="secondary">
              {t('teams.busy', { code: tm.activeDispatch.trackingCode })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('teams.members'),
      key: 'members',
      render: (_, tm) => (
        <Space size={4} wrap>
          {tm.members.map((m) => (
            <Tag key={m.id} color={m.isLeader ? 'gold' : undefined}>
              {m.displayName} · {departmentLabels[m.department][key]}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('teams.vehicle'), dataIndex: 'vehicle', render: (v: string | null) => v ?? '—' },
    {
      title: t('teams.position'),
      dataIndex: 'positionAt',
      render: (at: string | null) => (at ? formatTime(at, 'MM-DD HH:mm') : t('teams.noPosition')),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, tm: Team) => (
              <Space>
                {!tm.activeDispatch && (
                  <Button
                    size="small"
                    onClick={() =>
                      setStatus.mutate({
                        id: tm.id,
                        status: tm.status === 'off_duty' ? 'available' : 'off_duty',
                      })
                    }
                    data-testid="team-toggle"
                  >
                    {tm.status === 'off_duty' ? t('teams.onDuty') : t('teams.offDuty')}
                  </Button>
                )}
                <Button size="small" onClick={() => setEditing(tm)}>
                  {t('common.edit')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t('teams.title')}
      extra={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="team-create"
          >
            {t('teams.create')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        columns={columns}
        dataSource={teams.data?.items}
        loading={teams.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
      />
      {editing && <TeamDrawer team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function TeamDrawer({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TeamForm>();
  const save = useMutation({
    mutationFn: (v: TeamForm) => {
      const body = {
        ...v,
        vehicle: v.vehicle || null,
        members: v.members.map((m) => ({ ...m, isLeader: !!m.isLeader })),
      };
      return team ? api.put(`/api/teams/${team.id}`, body) : api.post('/api/teams', body);
    },
    onSuccess: () => {
      message.success(t('teams.saved'));
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      onClose();
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  return (
    <Drawer
      open
      onClose={onClose}
      width={560}
      title={team ? t('teams.edit') : t('teams.create')}
      destroyOnHidden
    >
      <Form<TeamForm>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          team
            ? {
                name: team.name,
                regionCode: team.regionCode,
                vehicle: team.vehicle ?? '',
                members: team.members,
              }
            : {
                regionCode: me?.regionCode,
                members: [{ displayName: '', department: 'civil_affairs', isLeader: true }],
              }
        }
      >
        <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, max: 60 }]}>
          <Input data-testid="team-name" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('teams.region')} rules={[{ required: true }]}>
          <RegionSelect
            known={
              team
                ? { code: team.regionCode, name: team.regionName }
                : me
                  ? { code: me.regionCode, name: me.regionName }
                  : undefined
            }
          />
        </Form.Item>
        <Form.Item name="vehicle" label={t('teams.vehicle')} rules={[{ max: 20 }]}>
          <Input placeholder="粤F·J1206" />
        </Form.Item>
        <Typography.Text strong>{t('teams.members')}</Typography.Text>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'displayName']} rules={[{ required: true, max: 40 }]}>
                    <Input placeholder={t('teams.member')} data-testid="member-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'department']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 110 }}
                      options={departments.map((d) => ({ value: d, label: departmentLabels[d][key] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'isLeader']} valuePropName="checked">
                    <Checkbox>{t('teams.leader')}</Checkbox>
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ department: 'police' })}
              >
                {t('teams.addMember')}
              </Button>
            </>
          )}
        </Form.List>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          style={{ marginTop: 16 }}
          data-testid="team-save"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
