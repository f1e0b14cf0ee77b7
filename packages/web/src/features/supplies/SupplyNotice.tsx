/** One line on the dispatcher's screen when stock runs low or the book and the street disagree. */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSupplyAlerts } from './hooks.ts';

export function SupplyNotice() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const alerts = useSupplyAlerts();
  const low = alerts.data?.lowStock.length ?? 0;
  const open = alerts.data?.discrepancies.length ?? 0;
  if (!low && !open) return null;
  const parts = [
    low ? t('supplies.alerts.low', { count: low }) : null,
    open ? t('supplies.alerts.discrepancies', { count: open }) : null,
  ].filter(Boolean);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="supply-notice"
      title={`${t('shell.menu.supplies')}：${parts.join('；')}`}
      action={
        <Button size="small" onClick={() => navigate('/supplies')}>
          {t('common.viewAll')}
        </Button>
      }
    />
  );
}
