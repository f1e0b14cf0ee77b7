/**
 * The item lines of a movement: an item and a quantity per row, as many rows as needed. With a
 * source place, each item shows what it holds there, so a keeper sees a shortfall before the
 * server refuses it.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { supplyPlaceKindLabels, supplyUnitLabels } from '@warmline/domain';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSupplyItems, useSupplyPlaces } from '../../features/supplies/hooks.ts';
import { useLang } from '../../i18n/index.ts';

export function LinesField({
  available,
  quantityLabel,
  min = 1,
}: {
  /** itemId → quantity at the source place; omitted when nothing leaves a place. */
  available?: Map<string, number>;
  quantityLabel?: string;
  min?: number;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const items = useSupplyItems();
  const options = (items.data?.items ?? []).map((i) => {
    const held = available?.get(i.id);
    const unit = supplyUnitLabels[i.unit][key];
    return {
      value: i.id,
      label: available
        ? `${i.name} · ${t('supplies.col.quantity')} ${held ?? 0} ${unit}`
        : `${i.name} · ${unit}`,
    };
  });
  return (
    <Form.List name="lines" initialValue={[{}]}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={0}>
          {fields.map((field, index) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }} wrap>
              <Form.Item
                name={[field.name, 'itemId']}
                label={index === 0 ? t('supplies.form.item') : undefined}
                rules={[{ required: true, message: t('supplies.form.required') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 280 }}
                  options={options}
                  loading={items.isLoading}
                  data-testid={`line-item-${index}`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'quantity']}
                label={index === 0 ? (quantityLabel ?? t('supplies.form.quantity')) : undefined}
                rules={[{ required: true, message: t('supplies.form.required') }]}
              >
                <InputNumber
                  min={min}
                  max={100_000}
                  precision={0}
                  style={{ width: 120 }}
                  data-testid={`line-quantity-${index}`}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label="remove"
                />
              )}
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="line-add">
            {t('supplies.form.addLine')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The optional note every movement may carry (why, a reference number). */
export function NoteField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="note" label={t('supplies.form.note')} rules={[{ max: 200 }]} style={{ marginTop: 16 }}>
      <Input data-testid={testId} />
    </Form.Item>
  );
}

/** A place of the jurisdiction, by name and kind (韶关市救助物资仓库（仓库）); a form control. */
export function PlaceSelect(props: {
  value?: string;
  onChange?: (id: string) => void;
  'data-testid': string;
}) {
  const { key } = useLang();
  const places = useSupplyPlaces();
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      options={(places.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.name}（${supplyPlaceKindLabels[p.kind][key]}）`,
      }))}
    />
  );
}
