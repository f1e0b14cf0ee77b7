/** On top of the screen: what is below its threshold, and hand-outs the book did not have (账实不符). */
import { supplyKindLabels } from '@warmline/domain';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useSupplyAlerts } from '../../features/supplies/hooks.ts';
import { useLang } from '../../i18n/index.ts';
import { useSupplyMutation } from './mutation.ts';

export function SupplyAlerts() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const alerts = useSupplyAlerts();
  const resolve = useSupplyMutation(
    (id: string) => api.post(`/api/supplies/discrepancies/${id}/resolve`, {}),
    t('supplies.alerts.resolved'),
  );
  const low = alerts.data?.lowStock ?? [];
  const open = alerts.data?.discrepancies ?? [];
  if (!low.length && !open.length) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="supply-alerts">
      {low.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="low-stock-alert"
          data-count={low.length}
          title={t('supplies.alerts.low', { count: low.length })}
          description={
            <Space size={[6, 6]} wrap>
              {low.map((r) => (
                <Tag
                  key={`${r.placeId}-${r.itemId}`}
                  color="orange"
                  data-testid="low-stock-item"
                  data-place={r.placeName}
                  data-item={r.itemName}
                >
                  {t('supplies.alerts.lowItem', {
                    place: r.placeName,
                    item: r.itemName,
                    quantity: r.quantity,
                    min: r.minQuantity,
                  })}
                </Tag>
              ))}
            </Space>
          }
        />
      )}
      {open.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="discrepancy-alert"
          title={t('supplies.alerts.discrepancies', { count: open.length })}
          description={
            <Space direction="vertical" size={4}>
              <Typography.Text type="secondary">{t('supplies.alerts.discrepancyHint')}</Typography.Text>
              {open.map((d) => (
                <Space key={d.id} size={8} data-testid="discrepancy-item">
                  <span>
                    {t('supplies.alerts.discrepancyItem', {
                      place: d.placeName,
                      item: d.itemName ?? (d.supplyKind ? supplyKindLabels[d.supplyKind][key] : '—'),
                      quantity: d.quantity,
                    })}
                  </span>
                  {can('supply.manage') && (
                    <Button
                      size="small"
                      loading={resolve.isPending && resolve.variables === d.id}
                      onClick={() => resolve.mutate(d.id)}
                    >
                      {t('supplies.alerts.resolve')}
                    </Button>
                  )}
                </Space>
              ))}
            </Space>
          }
        />
      )}
    </Space>
  );
}
