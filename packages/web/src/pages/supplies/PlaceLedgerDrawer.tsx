/**
 * A place's ledger (存放点台账): what it holds now, each item against its threshold (a keeper sets
 * the threshold here), and every movement in or out with who, when, why and the other side.
 */
import {
  adjustReasonLabels,
  movementKindLabels,
  supplyPlaceKindLabels,
  supplyUnitLabels,
} from '@warmline/domain';
import { Alert, Button, Descriptions, Drawer, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import { useLedger, usePlaceStock } from '../../features/supplies/hooks.ts';
import type { LedgerEntry, StockRow, SupplyPlace } from '../../features/supplies/types.ts';
import { useLang } from '../../i18n/index.ts';
import { useSupplyMutation } from './mutation.ts';
import { StockState } from './StockState.tsx';

export function PlaceLedgerDrawer({ place, onClose }: { place: SupplyPlace | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const stock = usePlaceStock(place?.id ?? null);
  const ledger = useLedger(place?.id ?? null);
  return (
    <Drawer
      open={!!place}
      onClose={onClose}
      title={place ? `${t('supplies.ledger.title')} · ${place.name}` : ''}
      size={720}
      destroyOnHidden
      data-testid="ledger-drawer"
    >
      {place && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('supplies.col.placeKind')}>
              {supplyPlaceKindLabels[place.kind][key]}
            </Descriptions.Item>
            <Descriptions.Item label={t('supplies.col.region')}>{place.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('supplies.col.owner')}>
              {place.teamName ?? place.orgName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('supplies.col.address')}>{place.address ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('supplies.ledger.stock')}</Typography.Title>
            <PlaceStock rows={stock.data?.items ?? []} loading={stock.isLoading} placeId={place.id} />
          </div>
          <div>
            <Typography.Title level={5}>{t('supplies.ledger.movements')}</Typography.Title>
            {ledger.isError && <Alert type="error" showIcon title={errorText(ledger.error, key)} />}
            <Table<LedgerEntry>
              size="small"
              rowKey={(e) => `${e.movementId}-${e.itemId}`}
              loading={ledger.isLoading}
              dataSource={ledger.data?.items ?? []}
              locale={{ emptyText: t('supplies.ledger.noMovements') }}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              scroll={{ x: 680 }}
              onRow={(e) =>
                ({ 'data-testid': 'ledger-row', 'data-kind': e.kind, 'data-quantity': e.quantity }) as object
              }
              columns={[
                {
                  title: t('supplies.col.time'),
                  dataIndex: 'at',
                  width: 120,
                  render: (at: string) => formatTime(at, 'MM-DD HH:mm'),
                },
                {
                  title: t('supplies.col.kind'),
                  key: 'kind',
                  render: (_, e) => (
                    <Space size={4} wrap>
                      <span>{movementKindLabels[e.kind][key]}</span>
                      {e.reason && <Tag>{adjustReasonLabels[e.reason][key]}</Tag>}
                    </Space>
                  ),
                },
                { title: t('supplies.col.item'), dataIndex: 'itemName' },
                {
                  title: t('supplies.col.quantity'),
                  key: 'quantity',
                  align: 'right',
                  render: (_, e) => (
                    <Typography.Text type={e.quantity < 0 ? 'danger' : 'success'}>
                      {e.quantity > 0 ? `+${e.quantity}` : e.quantity} {supplyUnitLabels[e.unit][key]}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('supplies.col.counterpart'),
                  key: 'counterpart',
                  render: (_, e) => e.counterpart ?? (e.encounterId ? t('supplies.ledger.encounter') : '—'),
                },
                {
                  title: t('supplies.col.actor'),
                  dataIndex: 'actorName',
                  render: (n: string | null) => n ?? '—',
                },
                { title: t('supplies.col.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
              ]}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

function PlaceStock({ rows, loading, placeId }: { rows: StockRow[]; loading: boolean; placeId: string }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const [mins, setMins] = useState<Record<string, number | null>>({});
  const save = useSupplyMutation(
    (v: { itemId: string; minQuantity: number | null }) =>
      api.put(`/api/supplies/places/${placeId}/thresholds`, v),
    t('supplies.ledger.minSaved'),
  );
  return (
    <Table<StockRow>
      size="small"
      rowKey="itemId"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('supplies.empty') }}
      rowClassName={(r) => (r.low ? 'wl-stock-low' : '')}
      columns={[
        { title: t('supplies.col.item'), dataIndex: 'itemName' },
        {
          title: t('supplies.col.quantity'),
          key: 'q',
          align: 'right',
          render: (_, r) => `${r.quantity} ${supplyUnitLabels[r.unit][key]}`,
        },
        {
          title: t('supplies.col.minQuantity'),
          key: 'min',
          render: (_, r) =>
            can('supply.manage') ? (
              <Space size={4}>
                <InputNumber
                  size="small"
                  min={0}
                  precision={0}
                  style={{ width: 80 }}
                  value={r.itemId in mins ? mins[r.itemId] : r.minQuantity}
                  onChange={(v) => setMins((m) => ({ ...m, [r.itemId]: v }))}
                />
                <Button
                  size="small"
                  disabled={!(r.itemId in mins) || mins[r.itemId] === r.minQuantity}
                  onClick={() => save.mutate({ itemId: r.itemId, minQuantity: mins[r.itemId] ?? null })}
                >
                  {t('supplies.ledger.setMin')}
                </Button>
              </Space>
            ) : (
              (r.minQuantity ?? '—')
            ),
        },
        { title: t('supplies.col.state'), key: 'state', render: (_, r) => <StockState row={r} /> },
      ]}
    />
  );
}
