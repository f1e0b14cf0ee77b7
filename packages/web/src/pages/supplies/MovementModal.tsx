/**
 * 入库 / 调拨 / 发放给巡查队 / 盘点调整: one form, the fields of its kind. The form carries one
 * client id from opening to closing, so a double click or a resend after a timeout stores once.
 * A refusal shows the catalogue's words and, for a shortage, what each item has and needed.
 */
import { type AdjustReason, adjustReasonLabels, adjustReasons } from '@warmline/domain';
import { Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlaceStock, useSupplyTeams } from '../../features/supplies/hooks.ts';
import type { Line } from '../../features/supplies/types.ts';
import { useLang } from '../../i18n/index.ts';
import { LinesField, NoteField, PlaceSelect } from './LinesField.tsx';
import { useMovementForm } from './mutation.ts';
import { SupplyModal } from './SupplyModal.tsx';

export type MovementMode = 'receive' | 'transfer' | 'issue' | 'adjust';

interface Values {
  placeId?: string;
  fromPlaceId?: string;
  toPlaceId?: string;
  teamId?: string;
  reason?: AdjustReason;
  lines: Line[];
  note?: string;
}

const urls: Record<MovementMode, string> = {
  receive: '/api/supplies/receipts',
  transfer: '/api/supplies/transfers',
  issue: '/api/supplies/issues',
  adjust: '/api/supplies/adjustments',
};

export function MovementModal({
  mode,
  placeId,
  onClose,
}: {
  mode: MovementMode;
  placeId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { form, save, modal, required } = useMovementForm<Values>(urls[mode], onClose);
  const teams = useSupplyTeams(mode === 'issue');
  const source = Form.useWatch(mode === 'transfer' || mode === 'issue' ? 'fromPlaceId' : 'placeId', form);
  const reason = Form.useWatch('reason', form);
  const stock = usePlaceStock(mode === 'receive' || !source ? null : source);
  const available = stock.data ? new Map(stock.data.items.map((s) => [s.itemId, s.quantity])) : undefined;
  const placeSelect = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <PlaceSelect data-testid={`movement-${name}`} />
    </Form.Item>
  );

  return (
    <SupplyModal title={t(`supplies.actions.${mode}`)} testId="movement-save" {...modal}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          mode === 'adjust'
            ? { reason: 'stocktake', placeId }
            : mode === 'receive'
              ? { placeId }
              : { fromPlaceId: placeId }
        }
        data-testid="movement-form"
        data-mode={mode}
      >
        {(mode === 'receive' || mode === 'adjust') && placeSelect('placeId', t('supplies.form.place'))}
        {(mode === 'transfer' || mode === 'issue') && placeSelect('fromPlaceId', t('supplies.form.from'))}
        {mode === 'transfer' && placeSelect('toPlaceId', t('supplies.form.to'))}
        {mode === 'issue' && (
          <Form.Item name="teamId" label={t('supplies.form.team')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(teams.data?.items ?? []).map((x) => ({
                value: x.id,
                label: x.vehicle ? `${x.name}（${x.vehicle}）` : x.name,
              }))}
              data-testid="movement-teamId"
            />
          </Form.Item>
        )}
        {mode === 'adjust' && (
          <Form.Item
            name="reason"
            label={t('supplies.form.reason')}
            rules={[{ required: true }]}
            extra={
              reason === 'stocktake' ? t('supplies.form.stocktakeHint') : t('supplies.form.writeOffHint')
            }
          >
            <Select
              options={adjustReasons.map((r) => ({ value: r, label: adjustReasonLabels[r][key] }))}
              data-testid="movement-reason"
            />
          </Form.Item>
        )}
        <Typography.Text strong>{t('supplies.form.lines')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <LinesField
            {...(available ? { available } : {})}
            min={mode === 'adjust' && reason === 'stocktake' ? 0 : 1}
            {...(mode === 'adjust'
              ? {
                  quantityLabel:
                    reason === 'stocktake' ? t('supplies.form.counted') : t('supplies.form.writtenOff'),
                }
              : {})}
          />
        </div>
        <NoteField testId="movement-note" />
      </Form>
    </SupplyModal>
  );
}
