/**
 * A response's after-action report: when it was proposed, confirmed and ended, tasks on time,
 * the records of its window (leads, street assistance, arrival, shelters and their peak counts,
 * supplies moved), and each night's assistance against the forecast minimum.
 */
import { responseLevelLabels } from '@warmline/domain';
import { Card, Descriptions, Drawer, Spin, Statistic, Table } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format.ts';
import { useAfterAction } from '../../features/response/hooks.ts';
import type { AfterAction } from '../../features/response/types.ts';
import { Chart } from '../../features/stats/Chart.tsx';
import { chartColors } from '../../features/stats/echarts.ts';
import { useLang } from '../../i18n/index.ts';

export function AfterActionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const report = useAfterAction(id).data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={{ xs: '100%', md: 760 } as never}
      destroyOnHidden
      title={
        report
          ? t('response.report.title', {
              region: report.regionName,
              level: responseLevelLabels[report.level][key],
            })
          : ''
      }
      data-testid="after-action"
    >
      {!report ? <Spin /> : <ReportBody report={report} />}
    </Drawer>
  );
}

function ReportBody({ report }: { report: AfterAction }) {
  const { t } = useTranslation();
  const f = report.figures;
  const stat = (title: string, value: number | string, testId: string) => (
    <Card size="small" style={{ flex: '1 1 140px' }}>
      <Statistic title={title} value={value} data-testid={testId} />
    </Card>
  );
  const option: EChartsOption = {
    color: chartColors,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 48, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: f.nights.map((n) => n.night.slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', name: '℃' },
    ],
    series: [
      { name: t('response.report.encounters'), type: 'bar', data: f.nights.map((n) => n.encounters) },
      { name: t('response.report.leads'), type: 'bar', data: f.nights.map((n) => n.leads) },
      {
        name: t('response.report.minC'),
        type: 'line',
        yAxisIndex: 1,
        data: f.nights.map((n) => n.minC),
        connectNulls: true,
      },
    ],
  };
  return (
    <div data-testid="after-action-body">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('response.report.proposedAt')}>
          {formatTime(report.proposedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('response.report.activatedAt')}>
          {formatTime(report.activatedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('response.report.endedAt')}>
          <span data-testid="report-ended">
            {report.endedAt ? formatTime(report.endedAt) : t('response.report.ongoing')}
          </span>
          {' · '}
          {t('response.report.hours', { value: report.hours })}
        </Descriptions.Item>
        <Descriptions.Item label={t('response.report.tasks')}>
          <span data-testid="report-tasks">
            {t('response.report.tasksValue', {
              onTime: report.tasks.onTime,
              total: report.tasks.total,
              overdue: report.tasks.overdue,
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        {stat(t('response.report.leads'), f.leads, 'report-leads')}
        {stat(t('response.report.encounters'), f.encounters, 'report-encounters')}
        {stat(t('response.report.admitted'), f.admitted, 'report-admitted')}
        {stat(
          t('response.report.median'),
          f.medianLeadToArrivalMinutes === null
            ? t('response.report.none')
            : t('response.report.minutes', { value: f.medianLeadToArrivalMinutes }),
          'report-median',
        )}
        {stat(t('response.report.sheltersOpened'), f.sheltersOpened, 'report-shelters')}
        {stat(t('response.report.itemsMoved'), f.itemsMoved, 'report-moved')}
        {stat(t('response.report.itemsHandedOut'), f.itemsHandedOut, 'report-handed-out')}
      </div>
      <Card size="small" title={t('response.report.chart')} style={{ marginBottom: 12 }}>
        <Chart option={option} height={260} data-testid="report-chart" />
      </Card>
      <Card size="small" title={t('response.report.peak')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.shelters}
          columns={[
            { title: t('response.report.place'), dataIndex: 'name' },
            { title: t('response.report.peak'), render: (_, s) => `${s.peak} / ${s.capacity}` },
          ]}
          data-testid="report-peaks"
        />
      </Card>
    </div>
  );
}
