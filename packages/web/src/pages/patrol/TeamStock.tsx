/**
 * 车载物资: what the team's vehicle holds tonight, read from the supplies ledger and kept on the
 * phone with the shift's data (an `['patrol', …]` query), so the encounter form can show what is
 * left even offline. What an encounter hands out comes off it on the server.
 */
import { useQuery } from '@tanstack/react-query';
import { type SupplyKind, supplyKindLabels } from '@warmline/domain';
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useLang } from '../../i18n/index.ts';

export interface TeamStockItem {
  itemId: string;
  itemName: string;
  supplyKind: SupplyKind;
  quantity: number;
  low: boolean;
}

export const useTeamStock = (teamId: string | undefined) =>
  useQuery({
    queryKey: ['patrol', 'stock', teamId],
    queryFn: () => api.get<{ items: TeamStockItem[] }>(`/api/supplies/teams/${teamId}/stock`),
    enabled: !!teamId,
  });

/** Units left per kind (a warmth kit counts as one), for the encounter form's chips. */
export function leftByKind(items: TeamStockItem[] | undefined): Partial<Record<SupplyKind, number>> {
  const out: Partial<Record<SupplyKind, number>> = {};
  for (const i of items ?? []) out[i.supplyKind] = (out[i.supplyKind] ?? 0) + i.quantity;
  return out;
}

export function TeamStock({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const stock = useTeamStock(teamId);
  const items = stock.data?.items ?? [];
  if (!stock.data) return null;
  return (
    <Card className="wl-patrol-card" size="small" data-testid="team-stock">
      <Typography.Text strong style={{ fontSize: 18 }}>
        {t('patrol.stock')}
      </Typography.Text>
      <Space wrap style={{ marginTop: 8 }}>
        {items.length === 0 && <Typography.Text type="secondary">{t('patrol.stockEmpty')}</Typography.Text>}
        {items.map((i) => (
          <Tag
            key={i.itemId}
            color={i.quantity === 0 ? 'red' : i.low ? 'orange' : 'blue'}
            style={{ fontSize: 16, padding: '4px 8px' }}
          >
            {i.itemName || supplyKindLabels[i.supplyKind][key]} × {i.quantity}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}
