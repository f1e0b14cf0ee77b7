/** Every response where the user works, newest first; a row opens its after-action report. */
import { responseLevelLabels } from '@warmline/domain';
import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format.ts';
import { useResponses } from '../../features/response/hooks.ts';
import { levelColour } from '../../features/response/level.ts';
import type { ResponseSummary } from '../../features/response/types.ts';
import { useLang } from '../../i18n/index.ts';

export function HistoryTable({ onReport }: { onReport: (id: string) => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const list = useResponses();
  const columns: TableColumnsType<ResponseSummary> = [
    { title: t('response.history.region'), dataIndex: 'regionName' },
    {
      title: t('response.history.level'),
      dataIndex: 'level',
      render: (_, r) => <Tag color={levelColour[r.level]}>{responseLevelLabels[r.level][key]}</Tag>,
    },
    { title: t('response.history.activatedAt'), render: (_, r) => formatTime(r.activatedAt) },
    { title: t('response.history.endedAt'), render: (_, r) => formatTime(r.endedAt) },
    {
      title: t('response.history.stateTitle'),
      render: (_, r) => (
        <Tag color={r.state === 'active' ? 'red' : 'default'}>{t(`response.history.state.${r.state}`)}</Tag>
      ),
    },
    { title: t('response.history.tasks'), render: (_, r) => `${r.tasksDone} / ${r.tasksDone + r.tasksOpen}` },
  ];
  return (
    <Card size="small">
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('response.history.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) =>
          ({
            onClick: () => onReport(r.id),
            style: { cursor: 'pointer' },
            'data-testid': 'history-row',
          }) as never
        }
      />
    </Card>
  );
}
