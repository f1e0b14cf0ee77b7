/** 登记捐赠: who gave what on which day, received into a place in the same step. */
import { type DonorKind, donorKindLabels, donorKinds, supplyPlaceKindLabels } from '@warmline/domain';
import { DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { dayjs, TIME_ZONE } from '../../app/format.ts';
import { useSupplyPlaces } from '../../features/supplies/hooks.ts';
import type { Line } from '../../features/supplies/types.ts';
import { useLang } from '../../i18n/index.ts';
import { LinesField, NoteField } from './LinesField.tsx';
import { useSupplyMutation } from './mutation.ts';
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
  const [form] = Form.useForm<Values>();
  const clientId = useMemo(() => crypto.randomUUID(), []);
  const places = useSupplyPlaces();
  const save = useSupplyMutation(
    (v: Values) =>
      api.post('/api/supplies/donations', {
        ...v,
        donorName: v.donorName.trim(),
        donorContact: v.donorContact?.trim() || null,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
        clientId,
      }),
    t('supplies.form.saved'),
    onClose,
  );
  const required = [{ required: true, message: t('supplies.form.required') }];
  return (
    <SupplyModal
      title={t('supplies.actions.donate')}
      testId="donation-save"
      onClose={onClose}
      onAction={() => form.submit()}
      busy={save.isPending}
      error={save.error}
    >
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
          <Select
            showSearch
            optionFilterProp="label"
            options={(places.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${supplyPlaceKindLabels[p.kind][key]}）`,
            }))}
            data-testid="donation-place"
          />
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
