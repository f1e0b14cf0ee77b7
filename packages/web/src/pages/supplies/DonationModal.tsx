/** 登记捐赠: who gave what on which day, received into a place in the same step. */
import { type DonorKind, donorKindLabels, donorKinds } from '@warmline/domain';
import { DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dayjs, TIME_ZONE } from '../../app/format.ts';
import type { Line } from '../../features/supplies/types.ts';
import { useLang } from '../../i18n/index.ts';
import { LinesField, NoteField, PlaceSelect } from './LinesField.tsx';
import { useMovementForm } from './mutation.ts';
import { SupplyModal } from './SupplyModal.tsx';

interface Values {
  donorKind: DonorKind;
  donorName: string;
  donorContact?: string;
  receivedOn: Dayjs;
  placeId: string;
  lines: Line[];
  note?: string;
}

export function DonationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { form, save, modal, required } = useMovementForm<Values>(
    '/api/supplies/donations',
    onClose,
    (v) => ({
      ...v,
      donorName: v.donorName.trim(),
      donorContact: v.donorContact?.trim() || null,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    }),
  );
  return (
    <SupplyModal title={t('supplies.actions.donate')} testId="donation-save" {...modal}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ donorKind: 'enterprise', receivedOn: dayjs().tz(TIME_ZONE) }}
        data-testid="donation-form"
      >
        <Space wrap style={{ display: 'flex' }} align="start">
          <Form.Item name="donorKind" label={t('supplies.form.donorKind')} rules={required}>
            <Select
              style={{ width: 140 }}
              options={donorKinds.map((k) => ({ value: k, label: donorKindLabels[k][key] }))}
              data-testid="donation-kind"
            />
          </Form.Item>
          <Form.Item
            name="donorName"
            label={t('supplies.form.donorName')}
            rules={[...required, { max: 80, whitespace: true }]}
          >
            <Input style={{ width: 260 }} data-testid="donation-name" />
          </Form.Item>
        </Space>
        <Space wrap style={{ display: 'flex' }} align="start">
          <Form.Item name="donorContact" label={t('supplies.form.donorContact')} rules={[{ max: 60 }]}>
            <Input style={{ width: 260 }} data-testid="donation-contact" />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('supplies.form.receivedOn')} rules={required}>
            <DatePicker data-testid="donation-date" />
          </Form.Item>
        </Space>
        <Form.Item name="placeId" label={t('supplies.form.to')} rules={required}>
          <PlaceSelect data-testid="donation-place" />
        </Form.Item>
        <Typography.Text strong>{t('supplies.form.lines')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <LinesField />
        </div>
        <NoteField testId="donation-note" />
      </Form>
    </SupplyModal>
  );
}
