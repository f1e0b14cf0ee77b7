/**
 * 发放物资 to a person in the station: from the station's own store, booked on the supplies
 * ledger against this stay (a coat at 换一身衣服, a quilt for the night). The server refuses more
 * than the store holds, item by item, and changes nothing then.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import type { Items } from '../../app/types.ts';
import { useLang } from '../../i18n/index.ts';
import type { StayDetail } from './types.ts';

interface StockRow {
  placeId: string;
  itemId: string;
  itemName: string;
  quantity: number;
}

export function StayHandOut({ stay }: { stay: StayDetail }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const places = useQuery({
    queryKey: ['station', 'stores'],
    queryFn: () => api.get<Items<{ id: string; orgId: string | null }>>('/api/supplies/places?kind=station'),
  });
  const store = places.data?.items.find((p) => p.orgId === stay.orgId);
  const stock = useQuery({
    queryKey: ['station', 'store-stock', store?.id],
    queryFn: () => api.get<Items<StockRow>>(`/api/supplies/stock?placeId=${store!.id}`),
    enabled: !!store,
  });
  const [itemId, setItemId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const give = useMutation({
    mutationFn: () =>
      api.post('/api/supplies/distributions', {
        placeId: store!.id,
        lines: [{ itemId, quantity }],
        stayId: stay.id,
        personId: stay.person.id,
        clientId,
      }),
    onSuccess: () => {
      message.success(t('station.done'));
      setClientId(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: ['station'] });
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  if (!store) return null;
  const rows = (stock.data?.items ?? []).filter((r) => r.quantity > 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="stay-hand-out">
      <Typography.Title level={5}>{t('station.handOut')}</Typography.Title>
      <Space.Compact block>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('station.handOutItem')}
          value={itemId}
          onChange={setItemId}
          style={{ width: '60%' }}
          options={rows.map((r) => ({
            value: r.itemId,
            label: `${r.itemName}（${t('encounter.left', { n: r.quantity })}）`,
          }))}
          data-testid="hand-out-item"
        />
        <InputNumber
          min={1}
          max={99}
          value={quantity}
          onChange={(v) => setQuantity(v ?? 1)}
          style={{ width: '20%' }}
        />
        <Button
          disabled={!itemId}
          loading={give.isPending}
          onClick={() => give.mutate()}
          style={{ width: '20%' }}
          data-testid="hand-out"
        >
          {t('station.handOutGive')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
