/**
 * 办理离站: the type decides the fields (a ticket, a collector's ID, an institution …). The rules
 * are the server's (under-16s and the disabled never self-discharge); a refusal is shown in
 * Chinese and the form stays as typed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type DischargeRefusal,
  type DischargeType,
  dischargeDetailLabels,
  dischargeRefusalLabels,
  dischargeRequired,
  dischargeTypeLabels,
  dischargeTypes,
} from '@warmline/domain';
import { Alert, App, type ButtonProps, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { useLang } from '../../i18n/index.ts';
import type { StayDetail } from './types.ts';

export function DischargeModal({ stay, onClose }: { stay: StayDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [type, setType] = useState<DischargeType>('return_home_ticket');
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const fields = dischargeRequired[type];
  const save = useMutation({
    mutationFn: () => {
      const details: Record<string, string | boolean | string[]> = {};
      for (const f of fields) {
        const v = values[f];
        if (f === 'escorts')
          details[f] = String(v ?? '')
            .split(/[,，、]/)
            .map((x) => x.trim())
            .filter(Boolean);
        else if (f === 'declarationSigned') details[f] = v === true;
        else if (typeof v === 'string' && v.trim()) details[f] = v.trim();
      }
      return api.post<StayDetail>(`/api/stays/${stay.id}/discharge`, { type, details });
    },
    onSuccess: () => {
      message.success(t('station.done'));
      void queryClient.invalidateQueries({ queryKey: ['station'] });
      onClose();
    },
    onError: (e) => {
      const refusal =
        e instanceof ApiError
          ? (e.details as { refusal?: DischargeRefusal } | undefined)?.refusal
          : undefined;
      setProblem(refusal ? dischargeRefusalLabels[refusal][key] : errorText(e, key));
    },
  });
  return (
    <Modal
      open
      title={`${t('station.discharge')}：${stay.person.name ?? stay.person.tempNumber}`}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'discharge-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="discharge-form">
        <Form.Item label={t('station.dischargeType')}>
          <Select
            value={type}
            onChange={(v) => {
              setType(v);
              setProblem(null);
            }}
            options={dischargeTypes.map((d) => ({ value: d, label: dischargeTypeLabels[d][key] }))}
            data-testid="discharge-type"
          />
        </Form.Item>
        {fields.map((f) =>
          f === 'declarationSigned' ? (
            <Form.Item key={f}>
              <Checkbox
                checked={values[f] === true}
                onChange={(e) => setValues({ ...values, [f]: e.target.checked })}
                data-testid="discharge-declaration"
              >
                {dischargeDetailLabels.declarationSigned[key]}
              </Checkbox>
            </Form.Item>
          ) : (
            <Form.Item key={f} label={dischargeDetailLabels[f][key]}>
              <Input
                value={String(values[f] ?? '')}
                onChange={(e) => setValues({ ...values, [f]: e.target.value })}
                data-testid={`discharge-${f}`}
              />
            </Form.Item>
          ),
        )}
        {problem && <Alert type="error" showIcon title={problem} data-testid="discharge-problem" />}
      </Form>
    </Modal>
  );
}
