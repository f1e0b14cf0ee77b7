/**
 * What the warnings call for, put to the duty leader: one card per region with the warnings
 * behind it and tonight's forecast; 确认 carries it out at once, 不采纳 asks why and is not
 * proposed again while the same warnings hold.
 */
import { Button, Card, Empty, Input, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatTime } from '../../app/format.ts';
import { ModalFrame } from '../../app/ModalFrame.tsx';
import { useProposals } from '../../features/response/hooks.ts';
import type { Proposal } from '../../features/response/types.ts';
import { useResponseAct } from './act.ts';
import { WarningTags } from './WarningTags.tsx';

export function ProposalList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const proposals = useProposals();
  const [dismissing, setDismissing] = useState<Proposal | null>(null);
  const confirm = useResponseAct(
    (id) => `/api/response/proposals/${id}/confirm`,
    t('response.proposals.confirmed'),
  );
  const items = proposals.data?.items ?? [];
  return (
    <Card title={t('response.proposals.title')} size="small" data-testid="proposals">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('response.proposals.empty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(p) => (
            <List.Item
              data-testid="proposal"
              data-region={p.regionCode}
              data-kind={p.kind}
              actions={
                can('response.manage')
                  ? [
                      <Popconfirm
                        key="confirm"
                        title={t('response.proposals.confirmTitle', { title: p.title })}
                        onConfirm={() => confirm.mutate({ id: p.id })}
                      >
                        <Button
                          type="primary"
                          danger={p.kind !== 'deactivate'}
                          data-testid="proposal-confirm"
                        >
                          {t('response.proposals.confirm')}
                        </Button>
                      </Popconfirm>,
                      <Button key="dismiss" onClick={() => setDismissing(p)} data-testid="proposal-dismiss">
                        {t('response.proposals.dismiss')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong>{p.regionName}</Typography.Text>
                    <span data-testid="proposal-title">{p.title}</span>
                  </Space>
                }
                description={
                  <Space direction="vertical" size={2}>
                    {p.warnings.length ? (
                      <WarningTags warnings={p.warnings} />
                    ) : (
                      <Typography.Text type="secondary">{t('response.proposals.noWarnings')}</Typography.Text>
                    )}
                    <Typography.Text type="secondary">
                      {formatTime(p.createdAt)}
                      {p.forecastMinC !== null &&
                        ` · ${t('response.proposals.forecast', { value: p.forecastMinC })}`}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {dismissing && <DismissModal proposal={dismissing} onClose={() => setDismissing(null)} />}
    </Card>
  );
}

function DismissModal({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const dismiss = useResponseAct<{ note?: string }>(
    (id) => `/api/response/proposals/${id}/dismiss`,
    t('response.proposals.dismissed'),
    onClose,
  );
  return (
    <ModalFrame
      title={t('response.proposals.dismissTitle')}
      testId="dismiss-submit"
      onClose={onClose}
      onAction={() => dismiss.mutate({ id: proposal.id, body: note.trim() ? { note: note.trim() } : {} })}
      busy={dismiss.isPending}
      error={dismiss.error}
    >
      <Typography.Paragraph>{proposal.title}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={500}
        placeholder={t('response.proposals.dismissNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="dismiss-note"
      />
    </ModalFrame>
  );
}
