/**
 * 待上传 N 条 on 我的任务: what this phone recorded and the server does not have yet, and the
 * records the server refused (with its words and a discard button; they are never resent).
 */
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format.ts';
import { removeEntry } from './outbox.ts';
import { flushOutbox } from './sender.ts';
import { useOutbox } from './use-outbox.ts';

export function OutboxStatus() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { loaded, pending, rejected } = useOutbox();
  const waiting = pending.find((e) => e.lastError)?.lastError;
  return (
    <Card className="wl-patrol-card" size="small" data-testid="outbox">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {loaded && (
            <Tag
              color={pending.length ? 'orange' : 'green'}
              style={{ fontSize: 16, padding: '2px 8px' }}
              data-testid="outbox-pending"
              data-count={pending.length}
            >
              {t('outbox.pending', { n: pending.length })}
            </Tag>
          )}
          {pending.length > 0 && (
            <Button size="small" onClick={() => void flushOutbox(true)} data-testid="outbox-retry">
              {t('outbox.retry')}
            </Button>
          )}
        </Space>
        {pending.length > 0 && waiting && (
          <Typography.Text type="secondary">
            {waiting === 'network' ? t('outbox.offline') : t('outbox.waiting', { error: waiting })}
          </Typography.Text>
        )}
        {rejected.map((e) => (
          <Card key={e.id} size="small" data-testid="outbox-rejected">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>
                {t(`outbox.kind.${e.kind}`)} {e.label} ·{' '}
                {formatTime(new Date(e.createdAt).toISOString(), 'HH:mm')}
              </Typography.Text>
              <Typography.Text type="danger">
                {t('outbox.refused')}：{e.rejected?.message}
              </Typography.Text>
              <Popconfirm
                title={t('outbox.discardConfirm')}
                onConfirm={() => void removeEntry(e.id).then(() => message.success(t('outbox.discarded')))}
              >
                <Button danger block data-testid="outbox-discard">
                  {t('outbox.discard')}
                </Button>
              </Popconfirm>
            </Space>
          </Card>
        ))}
      </Space>
    </Card>
  );
}
