/** Each response in force where the user works: its level, warnings, and the plan's task board. */
import { responseLevelLabels } from '@warmline/domain';
import { Button, Card, Empty, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format.ts';
import { useResponse, useResponses } from '../../features/response/hooks.ts';
import { levelColour } from '../../features/response/level.ts';
import type { ResponseSummary } from '../../features/response/types.ts';
import { useLang } from '../../i18n/index.ts';
import { TaskList } from './TaskList.tsx';
import { WarningTags } from './WarningTags.tsx';

export function ActiveResponses({ onReport }: { onReport: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useResponses();
  const active = (list.data?.items ?? []).filter((r) => r.state === 'active');
  if (!list.isLoading && active.length === 0)
    return (
      <Card size="small">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('response.none')}
          data-testid="no-response"
        />
      </Card>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {active.map((r) => (
        <ActiveCard key={r.id} summary={r} onReport={onReport} />
      ))}
    </Space>
  );
}

function ActiveCard({ summary, onReport }: { summary: ResponseSummary; onReport: (id: string) => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const detail = useResponse(summary.id).data;
  const [all, setAll] = useState(false);
  const live = (detail?.tasks ?? []).filter((x) => x.state !== 'cancelled');
  const done = live.filter((x) => x.state === 'done').length;
  // The open tasks are the work; the done and cancelled ones open on request (a city has many).
  const open = (detail?.tasks ?? []).filter((x) => x.state === 'open');
  const closed = (detail?.tasks.length ?? 0) - open.length;
  return (
    <Card
      size="small"
      data-testid="active-response"
      data-region={summary.regionCode}
      data-level={summary.level}
      style={{ borderTop: `4px solid ${levelColour[summary.level]}` }}
      title={
        <Space wrap>
          <Typography.Text strong>{summary.regionName}</Typography.Text>
          <Tag color={levelColour[summary.level]} data-testid="active-level">
            {responseLevelLabels[summary.level][key]}
          </Tag>
          <Typography.Text type="secondary">
            {t('response.active.since', { time: formatTime(summary.activatedAt, 'MM-DD HH:mm') })}
          </Typography.Text>
          {summary.auto && <Tag>{t('response.active.auto')}</Tag>}
        </Space>
      }
      extra={
        <Button size="small" onClick={() => onReport(summary.id)} data-testid="open-report">
          {t('response.active.report')}
        </Button>
      }
    >
      {detail && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <WarningTags warnings={detail.warnings.filter((w) => !w.endedAt)} />
          <Space>
            <Typography.Text strong>{t('response.active.tasks')}</Typography.Text>
            <Typography.Text type="secondary">
              {t('response.active.progress', { done, total: live.length })}
            </Typography.Text>
          </Space>
          <Progress percent={live.length ? Math.round((done / live.length) * 100) : 0} size="small" />
          {all || open.length ? (
            <TaskList tasks={all ? detail.tasks : open} regionCode={detail.regionCode} />
          ) : (
            <Typography.Text type="success" data-testid="tasks-all-closed">
              {t('response.active.allClosed')}
            </Typography.Text>
          )}
          {closed > 0 && (
            <Button type="link" size="small" onClick={() => setAll(!all)} data-testid="tasks-toggle">
              {t(all ? 'response.active.hideClosed' : 'response.active.showClosed', { count: closed })}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
