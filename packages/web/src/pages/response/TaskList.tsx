/**
 * A response's plan tasks: owner role, deadline, overdue and escalated marks; 办结 for the
 * owner role (or whoever manages the response). The standby-shelter task lists the places that
 * can be opened right there, with the shelter network's own 一键启用.
 */
import { regionPrefix, can as roleCan, roleLabels } from '@warmline/domain';
import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatTime } from '../../app/format.ts';
import { ModalFrame } from '../../app/ModalFrame.tsx';
import type { ResponseTask } from '../../features/response/types.ts';
import { useShelters } from '../../features/shelters/hooks.ts';
import { useLang } from '../../i18n/index.ts';
import { ShelterActions } from '../shelters/ShelterActions.tsx';
import { useResponseAct } from './act.ts';

const stateColour = { open: 'processing', done: 'success', cancelled: 'default' } as const;

export function TaskList({ tasks, regionCode }: { tasks: ResponseTask[]; regionCode: string }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me } = useAuth();
  const [doing, setDoing] = useState<ResponseTask | null>(null);
  const mayDo = (task: ResponseTask) =>
    roleCan(me.role, 'response.work') && (me.role === task.ownerRole || roleCan(me.role, 'response.manage'));
  return (
    <>
      <List
        size="small"
        dataSource={tasks}
        data-testid="tasks"
        renderItem={(task) => (
          <List.Item
            data-testid="task"
            data-code={task.code}
            data-state={task.state}
            actions={
              task.state === 'open' && mayDo(task)
                ? [
                    <Button
                      key="done"
                      size="small"
                      type="primary"
                      onClick={() => setDoing(task)}
                      data-testid="task-done"
                    >
                      {t('response.task.done')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={stateColour[task.state]}>{t(`response.task.state.${task.state}`)}</Tag>
                <Typography.Text strong={task.state === 'open'} delete={task.state === 'cancelled'}>
                  {task.title}
                </Typography.Text>
                {task.overdue && <Tag color="red">{t('response.task.overdue')}</Tag>}
                {task.escalatedAt && <Tag color="volcano">{t('response.task.escalated')}</Tag>}
                {task.state === 'done' && (
                  <Tag color={task.onTime ? 'green' : 'orange'}>
                    {t(task.onTime ? 'response.task.onTime' : 'response.task.late')}
                  </Tag>
                )}
              </Space>
              <Typography.Text type="secondary">
                {t('response.task.owner')}：{roleLabels[task.ownerRole]?.[key] ?? task.ownerRole} ·{' '}
                {t('response.task.due')}：{formatTime(task.dueAt, 'MM-DD HH:mm')}
                {task.note ? ` · ${task.note}` : ''}
              </Typography.Text>
              {task.code === 'open_standby_shelters' && task.state === 'open' && (
                <StandbyShelters regionCode={regionCode} />
              )}
              {task.detail?.teams && (
                <Typography.Text
                  type={task.detail.teams.onDuty < task.detail.teams.minimum ? 'danger' : 'success'}
                  data-testid="teams-on-duty"
                >
                  {t('response.task.teamsOnDuty', task.detail.teams)}
                </Typography.Text>
              )}
              {task.detail?.supplies && <SuppliesToMove supplies={task.detail.supplies} />}
            </Space>
          </List.Item>
        )}
      />
      {doing && <DoneModal task={doing} onClose={() => setDoing(null)} />}
    </>
  );
}

/** The places on standby in the response's region, each with 一键启用 where the role may. */
function StandbyShelters({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const shelters = useShelters(can('shelter.read'));
  const prefix = regionPrefix(regionCode);
  const standby = (shelters.data?.items ?? []).filter(
    (s) => s.status === 'standby' && s.regionCode.startsWith(prefix),
  );
  if (!can('shelter.read')) return null;
  return (
    <div data-testid="standby-shelters" style={{ paddingLeft: 8, borderLeft: '3px solid #e6edf5' }}>
      <Typography.Text type="secondary">{t('response.task.standby')}</Typography.Text>
      {standby.length === 0 ? (
        <div>{t('response.task.noStandby')}</div>
      ) : (
        standby.slice(0, 8).map((s) => (
          <Space key={s.id} style={{ display: 'flex', margin: '4px 0' }} data-testid="standby-shelter" wrap>
            <span>
              {s.name} · {s.regionName} · {t('response.task.nightPlaces', { count: s.capacityNight })}
            </span>
            {can('shelter.activate') && <ShelterActions shelter={s} />}
          </Space>
        ))
      )}
    </div>
  );
}

/** Where warm items should go tonight and how many, from the places' stock and the forecast. */
function SuppliesToMove({
  supplies,
}: {
  supplies: NonNullable<NonNullable<ResponseTask['detail']>['supplies']>;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="supplies-to-move" style={{ paddingLeft: 8, borderLeft: '3px solid #e6edf5' }}>
      <Typography.Text type="secondary">
        {t('response.task.suppliesHint', {
          available: supplies.available,
          forecast: supplies.forecastMinC ?? '—',
        })}
      </Typography.Text>
      {supplies.targets.map((x) => (
        <div key={`${x.kind}-${x.name}`}>
          {t(`response.task.target.${x.kind}`)} {x.name}：
          {t('response.task.suggest', { expected: x.expected, have: x.have, suggested: x.suggested })}
        </div>
      ))}
    </div>
  );
}

function DoneModal({ task, onClose }: { task: ResponseTask; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const done = useResponseAct<{ note?: string }>(
    (id) => `/api/response/tasks/${id}/done`,
    t('response.task.doneOk'),
    onClose,
  );
  return (
    <ModalFrame
      title={t('response.task.doneTitle', { title: task.title })}
      testId="task-done-submit"
      onClose={onClose}
      onAction={() => done.mutate({ id: task.id, body: note.trim() ? { note: note.trim() } : {} })}
      busy={done.isPending}
      error={done.error}
    >
      <Input.TextArea
        rows={3}
        maxLength={500}
        placeholder={t('response.task.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="task-note"
      />
    </ModalFrame>
  );
}
