import { Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSupplyItems } from '../../features/supplies/hooks.ts';
import { NoteField, PlaceSelect } from './LinesField.tsx';
import { useMovementForm } from './mutation.ts';
import { SupplyModal } from './SupplyModal.tsx';

interface Values {
  placeId: string;
  kitItemId: string;
  quantity: number;
  note?: string;
}

export function AssembleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const items = useSupplyItems();
  const { form, save, modal, required } = useMovementForm<Values>('/api/supplies/assemblies', onClose);
  return (
    <SupplyModal title={t('supplies.actions.assemble')} testId="assemble-save" {...modal}>
      <Typography.Paragraph type="secondary">{t('supplies.form.assembleHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        data-testid="assemble-form"
      >
        <Form.Item name="placeId" label={t('supplies.form.place')} rules={required}>
          <PlaceSelect data-testid="assemble-place" />
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
