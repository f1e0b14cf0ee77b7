/**
 * One return: its frozen figures and breakdown tables, the remarks and 填报人 while it is with its
 * region, submit / approve / send back as the caller may, the corrections since it was filed,
 * its history, and the downloads (Excel for the file, a PDF brief for leaders).
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  dimValueLabel,
  eventActions,
  type FigureKey,
  figureDefinitions,
  figureKeys,
  isEventAction,
  periodLabel,
  reportBreakdowns,
} from '@warmline/domain';
import {
  Alert,
  Button,
  Collapse,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import { useReportMutation, useSubmission } from '../../features/reports/hooks.ts';
import type { Submission } from '../../features/reports/types.ts';
import { useLang } from '../../i18n/index.ts';
import { SubmissionStateTag } from './states.tsx';

export function SubmissionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const q = useSubmission(id);
  const s = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      title={s?.title ?? t('common.loading')}
      size={760}
      destroyOnHidden
      data-testid="submission-drawer"
      extra={
        s && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/reports/submissions/${s.id}/export.xlsx`}
              data-testid="submission-excel"
            >
              {t('reports.drawer.excel')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/reports/submissions/${s.id}/brief.pdf`}
              target="_blank"
              data-testid="submission-pdf"
            >
              {t('reports.drawer.pdf')}
            </Button>
          </Space>
        )
      }
    >
      {q.isError && <Alert type="error" showIcon title={errorText(q.error, key)} />}
      {s && <SubmissionBody s={s} />}
    </Drawer>
  );
}

function SubmissionBody({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="submission-body"
      data-state={s.state}
      data-version={s.version}
    >
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('reports.drawer.unit')}>{s.reportingUnit}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drawer.period')}>
          {periodLabel(s.period, key)}（{s.from} ~ {s.to}）
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drawer.due')}>{s.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drawer.state')}>
          <Space size={4}>
            <SubmissionStateTag state={s.state} />
            <span data-testid="submission-version">{t('reports.drawer.version', { n: s.version })}</span>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {s.state === 'returned' && s.reviewComment && (
        <Alert
          type="warning"
          showIcon
          title={t('reports.drawer.returnedBanner', { comment: s.reviewComment })}
          data-testid="submission-returned"
        />
      )}
      {(s.state === 'submitted' || s.state === 'approved') && <Changes s={s} />}
      <Acts s={s} />
      <FiguresTable s={s} />
      <Collapse
        size="small"
        items={[
          {
            key: 'b',
            label: t('reports.drawer.breakdowns'),
            children: <Breakdowns s={s} />,
          },
        ]}
      />
      <History s={s} />
    </Space>
  );
}

/** Remarks and 填报人 (while the return is with its region), then the act the caller may do. */
function Acts({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ remarks: string; filledBy: string }>();
  const [returning, setReturning] = useState(false);
  const url = `/api/reports/submissions/${s.id}`;
  const save = useReportMutation(
    (v: { remarks: string; filledBy: string }) => api.patch<Submission>(url, v),
    t('reports.drawer.saved'),
  );
  const regenerate = useReportMutation(
    () => api.post<Submission>(`${url}/regenerate`),
    t('reports.drawer.regenerated'),
  );
  const submit = useReportMutation(async (v: { remarks: string; filledBy: string }) => {
    await api.patch<Submission>(url, v);
    return api.post<Submission>(`${url}/submit`);
  }, t('reports.drawer.submitted'));
  const approve = useReportMutation(
    () => api.post<Submission>(`${url}/approve`),
    t('reports.drawer.approved'),
  );
  useEffect(() => {
    form.setFieldsValue({ remarks: s.remarks ?? '', filledBy: s.filledBy ?? '' });
  }, [form, s.remarks, s.filledBy]);

  if (!s.can.edit)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('reports.drawer.filledBy')}>
            <span data-testid="submission-filled-by">{s.filledBy ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.drawer.remarks')}>
            <span data-testid="submission-remarks">{s.remarks ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
        {s.can.review && (
          <Space>
            <Button
              type="primary"
              loading={approve.isPending}
              onClick={() => approve.mutate(undefined)}
              data-testid="submission-approve"
            >
              {t('reports.drawer.approve')}
            </Button>
            <Button danger onClick={() => setReturning(true)} data-testid="submission-return">
              {t('reports.drawer.return')}
            </Button>
          </Space>
        )}
        {returning && <ReturnModal id={s.id} onClose={() => setReturning(false)} />}
      </Space>
    );
  return (
    <Form form={form} layout="vertical" data-testid="submission-form">
      <Form.Item
        name="filledBy"
        label={t('reports.drawer.filledBy')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={50} style={{ maxWidth: 240 }} data-testid="submission-filledBy" />
      </Form.Item>
      <Form.Item name="remarks" label={t('reports.drawer.remarks')}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t('reports.drawer.remarksPlaceholder')}
          data-testid="submission-remarks-input"
        />
      </Form.Item>
      <Space wrap>
        <Button
          onClick={() =>
            void form.validateFields(['remarks']).then((v) => save.mutate({ ...form.getFieldsValue(), ...v }))
          }
          loading={save.isPending}
          data-testid="submission-save"
        >
          {t('reports.drawer.save')}
        </Button>
        <Button
          onClick={() => regenerate.mutate(undefined)}
          loading={regenerate.isPending}
          data-testid="submission-regenerate"
        >
          {t('reports.drawer.regenerate')}
        </Button>
        <Button
          type="primary"
          onClick={() => void form.validateFields().then((v) => submit.mutate(v))}
          loading={submit.isPending}
          data-testid="submission-submit"
        >
          {t('reports.drawer.submit')}
        </Button>
        <Typography.Text type="secondary">
          {t('reports.drawer.generatedAt', { time: formatTime(s.generatedAt) })}
        </Typography.Text>
      </Space>
    </Form>
  );
}

function ReturnModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const send = useReportMutation(
    (comment: string) => api.post<Submission>(`/api/reports/submissions/${id}/return`, { comment }),
    t('reports.drawer.returned'),
    onClose,
  );
  return (
    <Modal
      open
      title={t('reports.drawer.returnTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('reports.drawer.return')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'return-confirm' } as Record<string, string>) }}
      confirmLoading={send.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v.comment.trim())}>
        <Form.Item
          name="comment"
          label={t('reports.drawer.comment')}
          rules={[{ required: true, whitespace: true, message: t('reports.drawer.commentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type FigureRow = { key: FigureKey; value: number | null };

function FiguresTable({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const rows: FigureRow[] = figureKeys.map((k) => ({ key: k, value: s.figures.values[k] }));
  return (
    <div>
      <Typography.Title level={5}>{t('reports.drawer.figures')}</Typography.Title>
      <Table<FigureRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': 'figure-row', 'data-figure': r.key }) as object}
        columns={[
          { title: t('reports.drawer.figure'), key: 'name', render: (_, r) => figureDefinitions[r.key][key] },
          {
            title: t('reports.drawer.unitCol'),
            key: 'unit',
            render: (_, r) => figureDefinitions[r.key].unit[key],
          },
          {
            title: t('reports.drawer.value'),
            key: 'value',
            align: 'right',
            render: (_, r) => <span data-testid="figure-value">{r.value ?? '—'}</span>,
          },
        ]}
      />
    </div>
  );
}

function Breakdowns({ s }: { s: Submission }) {
  const { key } = useLang();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {reportBreakdowns.map((b) => {
        const cells = Object.entries(s.figures.breakdowns[b.figure] ?? {}).filter(([d]) =>
          d.startsWith(`${b.dim}:`),
        );
        return (
          <div key={`${b.figure}-${b.dim}`}>
            <Typography.Text strong>{b.title}</Typography.Text>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {cells.length ? cells.map(([d, n]) => `${dimValueLabel(d)} ${n}`).join('，') : '—'}{' '}
              <Typography.Text type="secondary">{figureDefinitions[b.figure].unit[key]}</Typography.Text>
            </Typography.Paragraph>
          </div>
        );
      })}
    </Space>
  );
}

function Changes({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const { key } = useLang();
  if (!s.changes.length)
    return (
      <Alert
        type="success"
        showIcon
        title={t('reports.drawer.changesNone')}
        data-testid="submission-changes"
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      data-testid="submission-changes"
      title={t('reports.drawer.changesTitle', { count: s.changes.length })}
      description={
        <Table
          size="small"
          pagination={false}
          rowKey={(c) => `${c.figure}|${c.dim}`}
          dataSource={s.changes}
          columns={[
            {
              title: t('reports.drawer.figure'),
              key: 'f',
              render: (_, c) =>
                `${figureDefinitions[c.figure][key]}${c.dim ? ` · ${dimValueLabel(c.dim)}` : ''}`,
            },
            { title: t('reports.drawer.was'), dataIndex: 'was', align: 'right' },
            { title: t('reports.drawer.now'), dataIndex: 'now', align: 'right' },
          ]}
        />
      }
    />
  );
}

function History({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <div>
      <Typography.Title level={5}>{t('reports.drawer.history')}</Typography.Title>
      <Timeline
        items={[...s.history].reverse().map((h) => ({
          content: (
            <Space direction="vertical" size={0}>
              <span>
                {formatTime(h.at)} · {h.actorName ?? '—'} ·{' '}
                {isEventAction(h.action) ? eventActions[h.action][key] : h.action}
                {h.version ? `（${t('reports.drawer.version', { n: h.version })}）` : ''}
              </span>
              {h.comment && <Typography.Text type="warning">{h.comment}</Typography.Text>}
            </Space>
          ),
        }))}
      />
    </div>
  );
}
