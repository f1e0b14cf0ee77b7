/**
 * 物资: stock by place (filtered by kind, rows under their threshold in red), each place's ledger
 * in a drawer, alerts on top, donations and the catalogue; supplies keepers and admins
 * (`supply.manage`) receive, transfer, issue to teams, adjust, record donations and import the
 * opening stock from Excel. Changes arrive over the live stream.
 */
import {
  donorKindLabels,
  type SupplyPlaceKind,
  supplyKindLabels,
  supplyPlaceKindLabels,
  supplyPlaceKinds,
  supplyUnitLabels,
} from '@warmline/domain';
import { Button, Card, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { useDonations, useStock, useSupplyItems, useSupplyPlaces } from '../../features/supplies/hooks.ts';
import type { Donation, StockRow, SupplyItem, SupplyPlace } from '../../features/supplies/types.ts';
import { useLang } from '../../i18n/index.ts';
import { AssembleModal } from './AssembleModal.tsx';
import { ItemFormModal, PlaceFormModal } from './CatalogueModals.tsx';
import { DonationModal } from './DonationModal.tsx';
import { ImportModal } from './ImportModal.tsx';
import { MovementModal, type MovementMode } from './MovementModal.tsx';
import { PlaceLedgerDrawer } from './PlaceLedgerDrawer.tsx';
import { StockState } from './StockState.tsx';
import { SupplyAlerts } from './SupplyAlerts.tsx';
import './supplies.css';

type Dialog = MovementMode | 'assemble' | 'donate' | 'import' | 'newPlace' | 'newItem' | null;
const movementModes: MovementMode[] = ['receive', 'transfer', 'issue', 'adjust'];

export function SuppliesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('supply.manage');
  const places = useSupplyPlaces();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const open = (places.data?.items ?? []).find((p) => p.id === placeId) ?? null;

  return (
    <Card title={t('supplies.title')} data-testid="supplies-page">
      <div className="wl-supplies-body">
        <Typography.Text type="secondary" className="wl-hide-phone">
          {t('supplies.intro')}
        </Typography.Text>
        <SupplyAlerts />
        {manage && (
          <div className="wl-supply-actions">
            {[...movementModes, 'assemble' as const, 'donate' as const, 'import' as const].map((a) => (
              <Button
                key={a}
                type={a === 'receive' ? 'primary' : 'default'}
                onClick={() => setDialog(a)}
                data-testid={`supply-action-${a}`}
              >
                {t(`supplies.actions.${a}`)}
              </Button>
            ))}
          </div>
        )}
        <Tabs
          tabBarExtraContent={
            manage && (
              <div className="wl-supply-actions">
                <Button
                  size="small"
                  onClick={() => setDialog('newPlace')}
                  data-testid="supply-action-newPlace"
                >
                  {t('supplies.actions.newPlace')}
                </Button>
                <Button size="small" onClick={() => setDialog('newItem')} data-testid="supply-action-newItem">
                  {t('supplies.actions.newItem')}
                </Button>
              </div>
            )
          }
          items={[
            { key: 'stock', label: t('supplies.tabs.stock'), children: <StockTab onOpen={setPlaceId} /> },
            {
              key: 'places',
              label: t('supplies.tabs.places'),
              children: (
                <PlacesTab places={places.data?.items ?? []} loading={places.isLoading} onOpen={setPlaceId} />
              ),
            },
            { key: 'donations', label: t('supplies.tabs.donations'), children: <DonationsTab /> },
            { key: 'items', label: t('supplies.tabs.items'), children: <ItemsTab /> },
          ]}
          data-testid="supply-tabs"
        />
      </div>
      <PlaceLedgerDrawer place={open} onClose={() => setPlaceId(null)} />
      {dialog && movementModes.includes(dialog as MovementMode) && (
        <MovementModal mode={dialog as MovementMode} onClose={() => setDialog(null)} />
      )}
      {dialog === 'assemble' && <AssembleModal onClose={() => setDialog(null)} />}
      {dialog === 'donate' && <DonationModal onClose={() => setDialog(null)} />}
      {dialog === 'newPlace' && <PlaceFormModal onClose={() => setDialog(null)} />}
      {dialog === 'newItem' && <ItemFormModal onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportModal onClose={() => setDialog(null)} />}
    </Card>
  );
}

function StockTab({ onOpen }: { onOpen: (placeId: string) => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const [kind, setKind] = useState<SupplyPlaceKind | 'all'>('all');
  const stock = useStock(kind === 'all' ? undefined : kind);
  // Warehouses first, then stations, shelters and vehicles; each place's items together.
  const rank = (r: StockRow) => supplyPlaceKinds.indexOf(r.placeKind);
  const rows = (stock.data?.items ?? [])
    .filter((r) => r.quantity > 0 || r.minQuantity !== null)
    .sort((a, b) => rank(a) - rank(b));
  return (
    <>
      <Segmented<SupplyPlaceKind | 'all'>
        value={kind}
        onChange={setKind}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'all', label: t('supplies.filter.all') },
          ...supplyPlaceKinds.map((k) => ({ value: k, label: supplyPlaceKindLabels[k][key] })),
        ]}
        data-testid="stock-kind-filter"
      />
      <Table<StockRow>
        rowKey={(r) => `${r.placeId}-${r.itemId}`}
        size="middle"
        loading={stock.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('supplies.empty') }}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        rowClassName={(r) => (r.low ? 'wl-supply-row wl-stock-low' : 'wl-supply-row')}
        onRow={(r) =>
          ({
            onClick: () => onOpen(r.placeId),
            'data-testid': 'stock-row',
            'data-place': r.placeName,
            'data-item': r.itemName,
            'data-quantity': r.quantity,
            'data-low': r.low,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('supplies.col.place'),
            dataIndex: 'placeName',
            render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
          },
          {
            title: t('supplies.col.placeKind'),
            dataIndex: 'placeKind',
            render: (k: SupplyPlaceKind) => supplyPlaceKindLabels[k][key],
          },
          { title: t('supplies.col.item'), dataIndex: 'itemName' },
          {
            title: t('supplies.col.quantity'),
            key: 'quantity',
            align: 'right',
            render: (_, r) => (
              <Typography.Text
                strong={r.low}
                type={r.low ? 'danger' : undefined}
                data-testid="stock-quantity"
              >
                {r.quantity} {supplyUnitLabels[r.unit][key]}
              </Typography.Text>
            ),
          },
          {
            title: t('supplies.col.minQuantity'),
            dataIndex: 'minQuantity',
            align: 'right',
            render: (m: number | null) => m ?? '—',
          },
          { title: t('supplies.col.state'), key: 'state', render: (_, r) => <StockState row={r} /> },
        ]}
      />
    </>
  );
}

function PlacesTab({
  places,
  loading,
  onOpen,
}: {
  places: SupplyPlace[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Table<SupplyPlace>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={places}
      pagination={false}
      scroll={{ x: 760 }}
      rowClassName={(p) => (p.lowCount > 0 ? 'wl-supply-row wl-stock-low' : 'wl-supply-row')}
      onRow={(p) =>
        ({
          onClick: () => onOpen(p.id),
          'data-testid': 'place-row',
          'data-name': p.name,
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('supplies.col.place'),
          dataIndex: 'name',
          render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
        },
        {
          title: t('supplies.col.placeKind'),
          dataIndex: 'kind',
          render: (k: SupplyPlaceKind) => supplyPlaceKindLabels[k][key],
        },
        { title: t('supplies.col.region'), dataIndex: 'regionName' },
        { title: t('supplies.col.owner'), key: 'owner', render: (_, p) => p.teamName ?? p.orgName ?? '—' },
        { title: t('supplies.col.itemCount'), dataIndex: 'itemCount', align: 'right' },
        { title: t('supplies.col.total'), dataIndex: 'totalQuantity', align: 'right' },
        {
          title: t('supplies.col.lowCount'),
          dataIndex: 'lowCount',
          align: 'right',
          render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : '—'),
        },
      ]}
    />
  );
}

function DonationsTab() {
  const { t } = useTranslation();
  const { key } = useLang();
  const donations = useDonations();
  return (
    <Table<Donation>
      rowKey="id"
      size="middle"
      loading={donations.isLoading}
      dataSource={donations.data?.items ?? []}
      pagination={false}
      scroll={{ x: 760 }}
      onRow={(d) =>
        ({ 'data-testid': 'donation-row', 'data-donor': d.donor.name }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: t('supplies.col.date'), dataIndex: 'receivedOn', width: 110 },
        {
          title: t('supplies.col.donor'),
          key: 'donor',
          render: (_, d) => (
            <span>
              <Tag>{donorKindLabels[d.donor.kind][key]}</Tag>
              {d.donor.name}
            </span>
          ),
        },
        { title: t('supplies.col.contact'), key: 'contact', render: (_, d) => d.donor.contactMasked ?? '—' },
        { title: t('supplies.col.place'), dataIndex: 'placeName' },
        {
          title: t('supplies.col.items'),
          key: 'lines',
          render: (_, d) => d.lines.map((l) => `${l.itemName} ${l.quantity}`).join('、'),
        },
        { title: t('supplies.col.total'), dataIndex: 'totalQuantity', align: 'right' },
      ]}
    />
  );
}

function ItemsTab() {
  const { t } = useTranslation();
  const { key } = useLang();
  const items = useSupplyItems();
  return (
    <Table<SupplyItem>
      rowKey="id"
      size="middle"
      loading={items.isLoading}
      dataSource={items.data?.items ?? []}
      pagination={false}
      columns={[
        {
          title: t('supplies.form.name'),
          dataIndex: 'name',
          render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
        },
        {
          title: t('supplies.col.supplyKind'),
          dataIndex: 'supplyKind',
          render: (k: SupplyItem['supplyKind']) => supplyKindLabels[k][key],
        },
        {
          title: t('supplies.col.unit'),
          dataIndex: 'unit',
          render: (u: SupplyItem['unit']) => supplyUnitLabels[u][key],
        },
        {
          title: t('supplies.col.components'),
          key: 'components',
          render: (_, i) => (i.isKit ? i.components.map((c) => `${c.name} × ${c.quantity}`).join('、') : '—'),
        },
      ]}
    />
  );
}
