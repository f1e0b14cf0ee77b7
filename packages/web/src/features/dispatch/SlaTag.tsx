import { type SlaStatus, slaStatus } from '@warmline/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<SlaStatus, string> = { ok: 'green', soon: 'orange', overdue: 'red' };

/** A countdown against a deadline: green, orange in its last fifth, red once overdue. */
export function SlaTag({
  label,
  start,
  deadline,
  now,
}: {
  label: string;
  start: string;
  deadline: string;
  now: Date;
}) {
  const { t } = useTranslation();
  const status = slaStatus(new Date(start), new Date(deadline), now);
  const minutes = Math.max(0, Math.round(Math.abs(new Date(deadline).getTime() - now.getTime()) / 60_000));
  return (
    <Tag color={colors[status]} data-testid="sla-tag" data-sla={status}>
      {label} · {t(`command.sla.${status}`, { minutes })}
    </Tag>
  );
}
