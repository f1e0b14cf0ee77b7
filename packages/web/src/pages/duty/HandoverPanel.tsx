/** 交接班记录: the latest notes, a note for the shift in progress, and 确认接班. */
import { Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { formatTime } from '../../app/format.ts';
import { handoverBody, useDutyAction, useHandovers } from '../../features/duty/hooks.ts';
import type { RosterTarget } from '../../features/duty/types.ts';

export function HandoverPanel({
  target,
  slotLabel,
}: {
  target: RosterTarget;
  slotLabel: (code: string) => string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const handovers = useHandovers(target);
  const write = useDutyAction(
    (body: string) => api.post('/api/duty/handovers', handoverBody(target, body)),
    t('duty.handovers.written'),
  );
  const acknowledge = useDutyAction(
    (id: string) => api.post(`/api/duty/handovers/${id}/acknowledge`),
    t('duty.handovers.done'),
  );
  return (
    <Card title={t('duty.handovers.title')} data-testid="duty-handovers">
      <Space.Compact style={{ width: '100%', marginBottom: 16 }} direction="vertical">
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={text}
          placeholder={t('duty.handovers.placeholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="duty-handover-text"
        />
        <Button
          type="primary"
          disabled={!text.trim()}
          loading={write.isPending}
          onClick={() => write.mutate(text.trim(), { onSuccess: () => setText('') })}
          data-testid="duty-handover-submit"
        >
          {t('duty.handovers.submit')}
        </Button>
      </Space.Compact>
      <List
        dataSource={handovers.data?.items ?? []}
        loading={handovers.isPending}
        locale={{ emptyText: <Empty description={t('duty.handovers.empty')} /> }}
        renderItem={(h) => (
          <List.Item
            data-testid="duty-handover"
            actions={[
              h.acknowledgedAt ? (
                <Tag key="done" color="green">
                  {t('duty.handovers.done')}
                </Tag>
              ) : (
                <Button
                  key="ack"
                  size="small"
                  onClick={() => acknowledge.mutate(h.id)}
                  data-testid="duty-handover-ack"
                >
                  {t('duty.handovers.acknowledge')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={t('duty.handovers.shift', { day: h.day, slot: slotLabel(h.slot) })}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
                    {h.text}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('duty.handovers.by', { name: h.writtenByName, at: formatTime(h.writtenAt) })}
                    {h.acknowledgedAt &&
                      ` · ${t('duty.handovers.acknowledged', { name: h.acknowledgedByName, at: formatTime(h.acknowledgedAt) })}`}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
