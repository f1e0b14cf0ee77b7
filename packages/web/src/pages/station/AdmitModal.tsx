/**
 * 安检登记: the security check (belongings held with a receipt, dangerous items refused) and the
 * basic items of the 求助登记表; the server picks the bed in the zone the rules give.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Checkbox, Form, Input, InputNumber, Modal, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { useLang } from '../../i18n/index.ts';
import { parseItems, type Stay, type StayDetail, sexOptions } from './types.ts';

interface Values {
  sex: 'male' | 'female' | 'unknown';
  age: number;
  name?: string;
  homeRegion?: string;
  reasonForHelp: string;
  disabled: boolean;
  impaired: boolean;
  identityUnknown: boolean;
  photoTaken: boolean;
  fingerprintTaken: boolean;
  needsObservation: boolean;
  belongings?: string;
  refusedItems?: string;
}

export function AdmitModal({
  stay,
  onClose,
  onDone,
}: {
  stay: Stay;
  onClose: () => void;
  onDone: (s: StayDetail) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<StayDetail>(`/api/stays/${stay.id}/admit`, {
        ...v,
        name: v.name?.trim() || undefined,
        homeRegion: v.homeRegion?.trim() || undefined,
        belongings: parseItems(v.belongings),
        refusedItems: parseItems(v.refusedItems),
      }),
    onSuccess: (s) => {
      message.success(s.bed ? `${t('station.done')}：${s.bed.zoneName} ${s.bed.label}` : t('station.done'));
      void queryClient.invalidateQueries({ queryKey: ['station'] });
      onDone(s);
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  const flags = [
    'disabled',
    'impaired',
    'identityUnknown',
    'photoTaken',
    'fingerprintTaken',
    'needsObservation',
  ] as const;
  const flagLabel = (f: (typeof flags)[number]) => (f === 'identityUnknown' ? 'identityUnknownLabel' : f);
  return (
    <Modal
      open
      title={`${t('station.admit')}：${stay.person.name ?? stay.person.tempNumber}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'admit-save' } as ButtonProps}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          sex: stay.sex,
          age: stay.age ?? undefined,
          name: stay.person.name ?? undefined,
          reasonForHelp: stay.reasonForHelp ?? undefined,
          disabled: false,
          impaired: false,
          identityUnknown: !stay.person.name,
          photoTaken: false,
          fingerprintTaken: false,
          needsObservation: false,
        }}
        onFinish={(v) => save.mutate(v)}
        data-testid="admit-form"
      >
        <Space wrap>
          <Form.Item name="name" label={t('station.name')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="sex" label={t('station.sex')}>
            <Segmented options={sexOptions(t)} />
          </Form.Item>
          <Form.Item
            name="age"
            label={t('station.age')}
            rules={[{ required: true, message: t('station.age') }]}
          >
            <InputNumber min={0} max={120} data-testid="admit-age" />
          </Form.Item>
        </Space>
        <Form.Item name="homeRegion" label={t('encounter.homeRegion')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="reasonForHelp"
          label={t('station.reason')}
          rules={[{ required: true, message: t('station.reason') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="admit-reason" />
        </Form.Item>
        <Space wrap>
          {flags.map((f) => (
            <Form.Item key={f} name={f} valuePropName="checked" noStyle>
              <Checkbox data-testid={`admit-${f}`}>{t(`station.${flagLabel(f)}`)}</Checkbox>
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="belongings" label={t('station.belongings')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={3} placeholder={'手机 1\n现金（元） 35'} data-testid="admit-belongings" />
        </Form.Item>
        <Form.Item name="refusedItems" label={t('station.refused')}>
          <Input.TextArea rows={2} placeholder="水果刀 1" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
