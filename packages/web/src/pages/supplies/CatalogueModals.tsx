/**
 * Setting up: a new place where stock is kept (a team's vehicle names its team, a station's store
 * its station) and a new catalogue item (a kit lists what one unit holds).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type SupplyKind,
  type SupplyPlaceKind,
  type SupplyUnit,
  supplyKindLabels,
  supplyKinds,
  supplyPlaceKindLabels,
  supplyPlaceKinds,
  supplyUnitLabels,
  supplyUnits,
} from '@warmline/domain';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { OrgSelect } from '../../features/orgs/OrgSelect.tsx';
import { RegionSelect } from '../../features/regions/RegionSelect.tsx';
import { useSupplyItems, useSupplyTeams } from '../../features/supplies/hooks.ts';
import { useLang } from '../../i18n/index.ts';
import { useSupplyMutation } from './mutation.ts';
import { SupplyModal } from './SupplyModal.tsx';

interface PlaceValues {
  name: string;
  kind: SupplyPlaceKind;
  regionCode: string;
  orgId?: string | null;
  teamId?: string | null;
  address?: string;
}

export function PlaceFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me } = useAuth();
  const [form] = Form.useForm<PlaceValues>();
  const kind = Form.useWatch('kind', form);
  const teams = useSupplyTeams(kind === 'team_vehicle');
  const save = useSupplyMutation(
    (v: PlaceValues) =>
      api.post('/api/supplies/places', { ...v, name: v.name.trim(), address: v.address?.trim() || null }),
    t('supplies.form.created'),
    onClose,
  );
  const required = [{ required: true, message: t('supplies.form.required') }];
  return (
    <SupplyModal
      title={t('supplies.actions.newPlace')}
      testId="place-save"
      onClose={onClose}
      onAction={() => form.submit()}
      busy={save.isPending}
      error={save.error}
    >
      <Form<PlaceValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ kind: 'warehouse', regionCode: me.regionCode }}
        data-testid="place-form"
      >
        <Form.Item
          name="name"
          label={t('supplies.form.name')}
          rules={[...required, { max: 60, whitespace: true }]}
        >
          <Input data-testid="place-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('supplies.form.kind')} rules={required}>
          <Select
            options={supplyPlaceKinds.map((k) => ({ value: k, label: supplyPlaceKindLabels[k][key] }))}
            data-testid="place-kind"
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('supplies.form.region')} rules={required}>
          <RegionSelect known={{ code: me.regionCode, name: me.regionName }} data-testid="place-region" />
        </Form.Item>
        {kind === 'team_vehicle' ? (
          <Form.Item name="teamId" label={t('supplies.form.team')} rules={required}>
            <Select
              options={(teams.data?.items ?? [])
                .filter((x) => !x.placeId)
                .map((x) => ({ value: x.id, label: x.name }))}
              data-testid="place-team"
            />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" label={t('supplies.form.org')} rules={kind === 'station' ? required : []}>
            <OrgSelect data-testid="place-org" />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('supplies.form.address')} rules={[{ max: 200 }]}>
          <Input data-testid="place-address" />
        </Form.Item>
      </Form>
    </SupplyModal>
  );
}

interface ItemValues {
  name: string;
  unit: SupplyUnit;
  supplyKind: SupplyKind;
  components?: { itemId: string; quantity: number }[];
}

export function ItemFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const [form] = Form.useForm<ItemValues>();
  const items = useSupplyItems();
  const save = useSupplyMutation(
    (v: ItemValues) =>
      api.post('/api/supplies/items', { ...v, name: v.name.trim(), components: v.components ?? [] }),
    t('supplies.form.created'),
    onClose,
  );
  const required = [{ required: true, message: t('supplies.form.required') }];
  return (
    <SupplyModal
      title={t('supplies.actions.newItem')}
      testId="item-save"
      onClose={onClose}
      onAction={() => form.submit()}
      busy={save.isPending}
      error={save.error}
    >
      <Form<ItemValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ unit: 'piece', supplyKind: 'coat' }}
        data-testid="item-form"
      >
        <Form.Item
          name="name"
          label={t('supplies.form.name')}
          rules={[...required, { max: 60, whitespace: true }]}
        >
          <Input data-testid="item-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="supplyKind" label={t('supplies.form.supplyKind')} rules={required}>
            <Select
              style={{ width: 160 }}
              options={supplyKinds.map((k) => ({ value: k, label: supplyKindLabels[k][key] }))}
              data-testid="item-kind"
            />
          </Form.Item>
          <Form.Item name="unit" label={t('supplies.form.unit')} rules={required}>
            <Select
              style={{ width: 120 }}
              options={supplyUnits.map((u) => ({ value: u, label: supplyUnitLabels[u][key] }))}
              data-testid="item-unit"
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('supplies.form.components')}>
          <Form.List name="components">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'itemId']} rules={required}>
                      <Select
                        style={{ width: 220 }}
                        options={(items.data?.items ?? [])
                          .filter((i) => !i.isKit)
                          .map((i) => ({ value: i.id, label: i.name }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'quantity']} rules={required}>
                      <InputNumber min={1} max={100} precision={0} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label="remove"
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>
                  {t('supplies.form.addLine')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </SupplyModal>
  );
}
