/** 组装温暖包: kits made from their parts at a place (the parts out, the kits in, one movement). */
import { supplyPlaceKindLabels } from '@warmline/domain';
import { Form, InputNumber, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useSupplyItems, useSupplyPlaces } from '../../features/supplies/hooks.ts';
import { useLang } from '../../i18n/index.ts';
import { NoteField } from './LinesField.tsx';
import { useSupplyMutation } from './mutation.ts';
import { SupplyModal } from './SupplyModal.tsx';

interface Values {
  placeId: string;
  kitItemId: string;
  quantity: number;
  note?: string;
}

export function AssembleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const [form] = Form.useForm<Values>();
  const clientId = useMemo(() => crypto.randomUUID(), []);
  const places = useSupplyPlaces();
  const items = useSupplyItems();
  const save = useSupplyMutation(
    (v: Values) => api.post('/api/supplies/assemblies', { ...v, note: v.note?.trim() || null, clientId }),
    t('supplies.form.saved'),
    onClose,
  );
  const required = [{ required: true, message: t('supplies.form.required') }];
  return (
    <SupplyModal
      title={t('supplies.actions.assemble')}
      testId="assemble-save"
      onClose={onClose}
      onAction={() => form.submit()}
      busy={save.isPending}
      error={save.error}
    >
      <Typography.Paragraph type="secondary">{t('supplies.form.assembleHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        data-testid="assemble-form"
      >
        <Form.Item name="placeId" label={t('supplies.form.place')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(places.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${supplyPlaceKindLabels[p.kind][key]}）`,
            }))}
            data-testid="assemble-place"
          />
        </Form.Item>
        <Form.Item name="kitItemId" label={t('supplies.form.kit')} rules={required}>
          <Select
            options={(items.data?.items ?? [])
              .filter((i) => i.isKit)
              .map((i) => ({
                value: i.id,
                label: `${i.name}（${i.components.map((c) => `${c.name} × ${c.quantity}`).join('、')}）`,
              }))}
            data-testid="assemble-kit"
          />
        </Form.Item>
        <Form.Item name="quantity" label={t('supplies.form.count')} rules={required}>
          <InputNumber min={1} max={100_000} precision={0} data-testid="assemble-quantity" />
        </Form.Item>
        <NoteField testId="assemble-note" />
      </Form>
    </SupplyModal>
  );
}
