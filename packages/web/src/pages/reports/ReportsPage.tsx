/**
 * 报送 (`/reports`): the campaign's reporting calendar. A county or city bureau generates its
 * return for a period, fills it in and submits it; the parent region's bureau sees each child's
 * return per period (overdue ones in red), opens one, approves it or sends it back with a comment.
 */
import { periodLabel, type ReportPeriod } from '@warmline/domain';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { dayjs } from '../../app/format.ts';
import { useCampaigns, useReportMutation, useReturns } from '../../features/reports/hooks.ts';
import type { Campaign, ReturnCell, Returns, Submission } from '../../features/reports/types.ts';
import { useLang } from '../../i18n/index.ts';
import { SubmissionDrawer } from './SubmissionDrawer.tsx';
import { CellState } from './states.tsx';

export function ReportsPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const campaigns = useCampaigns();
  const [chosen, setChosen] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [extending, setExtending] = useState(false);
  const items = campaigns.data?.items ?? [];
  const campaign = items.find((c) => c.id === chosen) ?? items[0];
  const returns = useReturns(campaign?.id ?? null);

  return (
    <Card
      title={t('reports.title')}
      data-testid="reports-page"
      extra={
        items.length > 1 && (
          <Select
            style={{ minWidth: 280 }}
            value={campaign?.id}
            onChange={setChosen}
            options={items.map((c) => ({ value: c.id, label: c.name }))}
          />
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary" className="wl-hide-phone">
          {t('reports.intro')}
        </Typography.Text>
        {campaigns.isError && <Alert type="error" showIcon title={errorText(campaigns.error, key)} />}
        {!campaigns.isLoading && !campaign && <Empty description={t('reports.noCampaign')} />}
        {campaign && <CampaignHeader campaign={campaign} onExtend={() => setExtending(true)} />}
        {returns.isError && <Alert type="error" showIcon title={errorText(returns.error, key)} />}
        {campaign && returns.data && returns.data.own.length > 0 && (
          <OwnReturns campaign={campaign} returns={returns.data} onOpen={setOpen} />
        )}
        {returns.data && returns.data.children.length > 0 && (
          <ChildReturns returns={returns.data} onOpen={setOpen} />
        )}
      </Space>
      <SubmissionDrawer id={open} onClose={() => setOpen(null)} />
      {extending && campaign && <ExtendModal campaign={campaign} onClose={() => setExtending(false)} />}
    </Card>
  );
}

function CampaignHeader({ campaign, onExtend }: { campaign: Campaign; onExtend: () => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={2} data-testid="campaign-header">
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="campaign-name">
          {campaign.name}
        </Typography.Title>
        {campaign.canEdit ? (
          <Button size="small" onClick={onExtend} data-testid="campaign-extend">
            {t('reports.extend')}
          </Button>
        ) : (
          <Typography.Text type="secondary">（{t('reports.readOnly')}）</Typography.Text>
        )}
      </Space>
      <Typography.Text type="secondary">
        {t('reports.campaignMeta', {
          region: campaign.regionName,
          from: campaign.startsOn,
          to: campaign.endsOn,
          day: campaign.monthlyDueDay,
          days: campaign.finalDueDays,
        })}
      </Typography.Text>
    </Space>
  );
}

type OwnRow = ReportPeriod & { cell: ReturnCell };

function OwnReturns({
  campaign,
  returns,
  onOpen,
}: {
  campaign: Campaign;
  returns: Returns;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me, can } = useAuth();
  const files = can('stats.report') && me.regionCode === returns.region.code;
  const generate = useReportMutation(
    (period: string) =>
      api.post<Submission>(`/api/reports/campaigns/${campaign.id}/submissions`, {
        regionCode: returns.region.code,
        period,
      }),
    t('reports.generated'),
    (s) => onOpen(s.id),
  );
  const rows: OwnRow[] = returns.periods.map((p, i) => ({ ...p, cell: returns.own[i]! }));
  const columns: TableColumnsType<OwnRow> = [
    { title: t('reports.col.period'), key: 'period', render: (_, r) => periodLabel(r.period, key) },
    { title: t('reports.col.span'), key: 'span', render: (_, r) => `${r.from} ~ ${r.to}` },
    { title: t('reports.col.due'), dataIndex: 'dueOn' },
    {
      title: t('reports.col.state'),
      key: 'state',
      render: (_, r) => <CellState cell={r.cell} period={r} today={returns.today} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.cell.submissionId ? (
          <Button size="small" onClick={() => onOpen(r.cell.submissionId!)} data-testid="own-open">
            {t('reports.open')}
          </Button>
        ) : !files ? null : returns.today > r.to ? (
          <Button
            size="small"
            type="primary"
            loading={generate.isPending && generate.variables === r.period}
            onClick={() => generate.mutate(r.period)}
            data-testid="own-generate"
          >
            {t('reports.generate')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('reports.notEnded')}</Typography.Text>
        ),
    },
  ];
  return (
    <div>
      <Typography.Title level={5}>
        {t('reports.own')} · {returns.region.name}
      </Typography.Title>
      <Table<OwnRow>
        rowKey="period"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 700 }}
        onRow={(r) => ({ 'data-testid': 'own-row', 'data-period': r.period }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}

type ChildRow = Returns['children'][number];

function ChildReturns({ returns, onOpen }: { returns: Returns; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const columns: TableColumnsType<ChildRow> = [
    { title: t('reports.col.region'), dataIndex: 'name', fixed: 'left', width: 130 },
    ...returns.periods.map((p, i) => ({
      title: (
        <Space direction="vertical" size={0}>
          <span>{periodLabel(p.period, key)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('reports.col.due')} {p.dueOn.slice(5)}
          </Typography.Text>
        </Space>
      ),
      key: p.period,
      render: (_: unknown, row: ChildRow) => {
        const cell = row.cells[i]!;
        const state = <CellState cell={cell} period={p} today={returns.today} />;
        return cell.submissionId ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => onOpen(cell.submissionId!)}
            data-testid="child-open"
            data-region={row.code}
            data-period={p.period}
          >
            {state}
          </Button>
        ) : (
          state
        );
      },
    })),
  ];
  return (
    <div>
      <Typography.Title level={5}>{t('reports.children')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('reports.childrenHint')}</Typography.Paragraph>
      <Table<ChildRow>
        rowKey="code"
        size="small"
        bordered
        columns={columns}
        dataSource={returns.children}
        pagination={false}
        scroll={{ x: 160 + returns.periods.length * 130 }}
        onRow={(r) => ({ 'data-testid': 'child-row', 'data-region': r.code }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}

function ExtendModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ endsOn: Dayjs }>();
  const extend = useReportMutation(
    (endsOn: string) => api.post(`/api/reports/campaigns/${campaign.id}/extend`, { endsOn }),
    t('reports.extended'),
    onClose,
  );
  return (
    <Modal
      open
      title={t('reports.extendTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={extend.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => extend.mutate(v.endsOn.format('YYYY-MM-DD'))}
        initialValues={{ endsOn: dayjs(campaign.endsOn).add(15, 'day') }}
      >
        <Form.Item name="endsOn" label={t('reports.newEnd')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => !d.isAfter(dayjs(campaign.endsOn), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
