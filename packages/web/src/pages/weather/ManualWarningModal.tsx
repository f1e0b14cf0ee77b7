/**
 * 手工录入: a warning heard on the TV, by SMS or on the phone, typed in by the duty officer and
 * marked 手工录入. Times are read as Beijing time whatever the browser's zone.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type WarningColour,
  type WarningKind,
  warningColourLabels,
  warningColours,
  warningCriteria,
  warningKindLabels,
  warningKinds,
} from '@warmline/domain';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { dayjs, TIME_ZONE } from '../../app/format.ts';
import { ModalFrame } from '../../app/ModalFrame.tsx';
import type { Warning } from '../../features/weather/types.ts';
import { useLang } from '../../i18n/index.ts';

interface FormValues {
  kind: WarningKind;
  colour: WarningColour;
  regionCodes: string[];
  effective?: Dayjs | null;
  expires?: Dayjs | null;
  headline?: string;
  note?: string;
}

/** The wall time picked, as Beijing time (the picker works in the browser's zone). */
const beijing = (d: Dayjs | null | undefined) =>
  d ? dayjs.tz(d.format('YYYY-MM-DDTHH:mm:00'), TIME_ZONE).format() : undefined;
const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

export function ManualWarningModal({
  areas,
  onClose,
}: {
  areas: { code: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'cold_wave';
  const colours = warningColours.filter((c) => warningCriteria[kind][c]);
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      api.post<Warning>('/api/weather/warnings', {
        kind: v.kind,
        colour: v.colour,
        regionCodes: v.regionCodes,
        headline: text(v.headline),
        effective: beijing(v.effective),
        expires: beijing(v.expires),
        note: text(v.note),
      }),
    onSuccess: () => {
      message.success(t('weather.manual.saved'));
      void queryClient.invalidateQueries({ queryKey: ['weather'] });
      onClose();
    },
  });
  const m = (k: string) => t(`weather.manual.${k}` as 'weather.manual.kind');

  return (
    <ModalFrame
      title={m('title')}
      testId="manual-save"
      onClose={onClose}
      onAction={() => form.submit()}
      busy={save.isPending}
      error={save.error}
      width={720}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="manual-form"
        initialValues={{ kind: 'cold_wave', colour: 'yellow', regionCodes: [] }}
        onValuesChange={(changed: Partial<FormValues>) => {
          // A colour the new kind is not issued in (道路结冰 has no blue) is cleared.
          if (changed.kind && !warningCriteria[changed.kind][form.getFieldValue('colour') as WarningColour])
            form.setFieldValue('colour', undefined);
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={m('kind')} rules={[{ required: true, message: m('required') }]}>
              <Select
                data-testid="manual-kind"
                options={warningKinds.map((k) => ({ value: k, label: warningKindLabels[k][key] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="colour" label={m('colour')} rules={[{ required: true, message: m('required') }]}>
              <Select
                data-testid="manual-colour"
                options={colours.map((c) => ({ value: c, label: warningColourLabels[c][key] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="regionCodes"
          label={m('regions')}
          extra={m('regionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: m('regionsRequired') }]}
        >
          <Select
            mode="multiple"
            data-testid="manual-regions"
            optionFilterProp="label"
            options={areas.map((a) => ({ value: a.code, label: a.name }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="effective" label={m('effective')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                placeholder={t('weather.manual.effectiveNow')}
                style={{ width: '100%' }}
                data-testid="manual-effective"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="expires"
              label={m('expires')}
              dependencies={['effective']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    const from = (getFieldValue('effective') as Dayjs | null | undefined) ?? dayjs();
                    if (v && !v.isAfter(from)) throw new Error(m('timesInvalid'));
                  },
                }),
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="manual-expires"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="headline" label={m('headline')} rules={[{ max: 200 }, { min: 2 }]}>
          <Input placeholder={m('headlinePlaceholder')} data-testid="manual-headline" />
        </Form.Item>
        <Form.Item name="note" label={m('note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} placeholder={m('notePlaceholder')} data-testid="manual-note" />
        </Form.Item>
      </Form>
    </ModalFrame>
  );
}
