/**
 * 应急响应: proposals waiting for the duty leader, each response in force with its plan's task
 * board, past responses with their after-action reports, and the bureau's table. Changes
 * arrive over the live stream, so a confirmation on one screen shows on every other.
 */
import { Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ActiveResponses } from './ActiveResponses.tsx';
import { AfterActionDrawer } from './AfterActionDrawer.tsx';
import { HistoryTable } from './HistoryTable.tsx';
import { ProposalList } from './ProposalList.tsx';
import { TableEditor } from './TableEditor.tsx';

export function ResponsePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [report, setReport] = useState<string | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('response.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('response.intro')}</Typography.Text>
      </div>
      <Tabs
        defaultActiveKey={params.get('tab') ?? 'now'}
        items={[
          {
            key: 'now',
            label: t('response.tabs.now'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <ProposalList />
                <ActiveResponses onReport={setReport} />
              </Space>
            ),
          },
          {
            key: 'history',
            label: <span data-testid="tab-history">{t('response.tabs.history')}</span>,
            children: <HistoryTable onReport={setReport} />,
          },
          {
            key: 'table',
            label: <span data-testid="tab-table">{t('response.tabs.table')}</span>,
            children: <TableEditor />,
          },
        ]}
      />
      <AfterActionDrawer id={report} onClose={() => setReport(null)} />
    </Space>
  );
}
