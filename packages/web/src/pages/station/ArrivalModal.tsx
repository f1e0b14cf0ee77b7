/**
 * 求助登记 at the door: a pending hand-over received, or a walk-in / police delivery. Triage is
 * asked first, in big checkboxes; the result (to hospital, to the police, may be admitted) shows
 * before saving.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  arrivalKindLabels,
  type TriageFact,
  triageFactLabels,
  triageFacts,
  triageIntake,
} from '@warmline/domain';
import {
  Alert,
  App,
  type ButtonProps,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useLang } from '../../i18n/index.ts';
import { type Handover, type StayDetail, sexOptions } from './types.ts';

interface Values {
  orgId: string;
  arrivalKind: 'walk_in' | 'police_delivery';
  name?: string;
  sex: 'male' | 'female' | 'unknown';
  age?: number;
  triageFacts: TriageFact[];
  reasonForHelp?: string;
}

export function ArrivalModal({
  stations,
  handover,
  onClose,
  onDone,
}: {
  stations: { id: string; name: string }[];
  handover: Handover | null;
  onClose: () => void;
  onDone: (stay: StayDetail) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const facts = Form.useWatch('triageFacts', form) ?? [];
  // The hand-over's station, else the user's own, else the first in the area.
  const defaultStation = handover?.orgId ?? stations.find((st) => st.id === me.orgId)?.id ?? stations[0]?.id;
  // The list may arrive after the form opened (a slow network): fill the station in then, or the
  // form would refuse to save for a field the worker never saw empty.
  useEffect(() => {
    if (defaultStation && !form.getFieldValue('orgId')) form.setFieldValue('orgId', defaultStation);
  }, [defaultStation, form]);
  const triage = triageIntake(facts);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<StayDetail>('/api/stays', {
        ...v,
        orgId: v.orgId,
        handoverId: handover?.id,
        arrivalKind: handover ? undefined : v.arrivalKind,
        name: handover ? undefined : v.name?.trim() || undefined,
        reasonForHelp: v.reasonForHelp?.trim() || undefined,
      }),
    onSuccess: (stay) => {
      message.success(t('station.done'));
      void queryClient.invalidateQueries({ queryKey: ['station'] });
      onDone(stay);
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  const result =
    triage.route === 'hospital'
      ? 'triageHospital'
      : triage.route === 'police'
        ? 'triagePolice'
        : 'triageAdmit';
  return (
    <Modal
      open
      title={
        handover
          ? `${t('station.receive')}：${handover.person.name ?? handover.person.tempNumber}`
          : t('station.register')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      // Nothing to save to until the stations have arrived.
      okButtonProps={{ 'data-testid': 'arrival-save', disabled: !defaultStation } as ButtonProps}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          orgId: defaultStation,
          arrivalKind: 'walk_in',
          sex: 'unknown',
          triageFacts: [],
        }}
        onFinish={(v) => save.mutate(v)}
        data-testid="arrival-form"
      >
        <Form.Item name="orgId" label={t('station.station')} rules={[{ required: true }]}>
          <Select options={stations.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        {!handover && (
          <>
            <Form.Item name="arrivalKind" label={t('station.arrivalKind')}>
              <Segmented
                options={(['walk_in', 'police_delivery'] as const).map((k) => ({
                  value: k,
                  label: arrivalKindLabels[k][key],
                }))}
              />
            </Form.Item>
            <Form.Item name="name" label={t('station.name')}>
              <Input maxLength={40} data-testid="arrival-name" />
            </Form.Item>
          </>
        )}
        <Form.Item name="sex" label={t('station.sex')}>
          <Segmented options={sexOptions(t)} />
        </Form.Item>
        <Form.Item name="age" label={t('station.age')}>
          <InputNumber min={0} max={120} data-testid="arrival-age" />
        </Form.Item>
        <Form.Item name="triageFacts" label={t('station.triage')}>
          <Checkbox.Group
            options={triageFacts.map((f) => ({ value: f, label: triageFactLabels[f][key] }))}
            data-testid="arrival-triage"
          />
        </Form.Item>
        <Alert
          type={triage.route === 'admit' ? 'success' : 'warning'}
          title={t(`station.${result}`)}
          data-testid="triage-result"
        />
        <Form.Item name="reasonForHelp" label={t('station.reason')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
