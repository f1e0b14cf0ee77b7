import { type ReportPeriod, type SubmissionState, submissionStateLabels } from '@warmline/domain';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReturnCell } from '../../features/reports/types.ts';
import { useLang } from '../../i18n/index.ts';

const stateColors: Record<SubmissionState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export function SubmissionStateTag({ state }: { state: SubmissionState }) {
  const { key } = useLang();
  return <Tag color={stateColors[state]}>{submissionStateLabels[state][key]}</Tag>;
}

/** A period's return as the calendar shows it: its state, or 未报送 / 未到期, and 逾期 in red. */
export function CellState({
  cell,
  period,
  today,
}: {
  cell: ReturnCell;
  period: ReportPeriod;
  today: string;
}) {
  const { t } = useTranslation();
  return (
    <Space
      size={2}
      wrap
      data-testid="return-state"
      data-state={cell.state ?? 'none'}
      data-overdue={cell.overdue}
    >
      {cell.state ? (
        <SubmissionStateTag state={cell.state} />
      ) : cell.overdue ? null : (
        <Tag>{today > period.to ? t('reports.notFiled') : t('reports.notDue')}</Tag>
      )}
      {cell.overdue && <Tag color="error">{t('reports.overdue')}</Tag>}
      {cell.version && cell.version > 1 ? <Tag bordered={false}>v{cell.version}</Tag> : null}
    </Space>
  );
}
