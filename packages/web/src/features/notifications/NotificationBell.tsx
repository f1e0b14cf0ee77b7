/**
 * 通知: the bell in the header. Unread count on the badge, the latest in a popover (unread
 * first); a click marks it read and opens its link. Polled every minute (and refreshed by the
 * live stream when a duty gap is flagged).
 */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { formatTime } from '../../app/format.ts';

interface Notification {
  id: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const key = ['notifications'];

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: Notification[]; unread: number }>('/api/notifications', { limit: 20 }),
    refetchInterval: 60_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const read = useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`),
    onSettled: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSettled: refresh,
  });
  const unread = list.data?.unread ?? 0;

  const content = (
    <div style={{ width: 320, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />,
        }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
            data-testid="notification-item"
            onClick={() => {
              if (!n.readAt) read.mutate(n.id);
              setOpen(false);
              if (n.link?.startsWith('/')) navigate(n.link);
            }}
          >
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
              description={
                <>
                  {n.body && <div>{n.body}</div>}
                  <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('notifications.title')}</span>
          {unread > 0 && (
            <Button type="link" size="small" onClick={() => readAll.mutate()}>
              {t('notifications.readAll')}
            </Button>
          )}
        </div>
      }
      content={content}
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
