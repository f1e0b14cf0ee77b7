import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../features/supplies/types.ts';

/** 低于预警线 in red; below a threshold nobody set there is nothing to say. */
export function StockState({ row }: { row: Pick<StockRow, 'low' | 'minQuantity'> }) {
  const { t } = useTranslation();
  if (row.low)
    return (
      <Tag color="red" data-testid="stock-low">
        {t('supplies.low')}
      </Tag>
    );
  return row.minQuantity === null ? null : <Tag color="green">{t('supplies.ok')}</Tag>;
}
