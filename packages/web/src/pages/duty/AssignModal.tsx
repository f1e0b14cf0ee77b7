/** 排班: pick a person (the roster's candidates) for one slot of one day. */
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { assignBody, useCandidates, useDutyAction } from '../../features/duty/hooks.ts';
import type { RosterTarget } from '../../features/duty/types.ts';

interface Props {
  target: RosterTarget;
  cell: { day: string; slot: string; label: string } | null;
  onClose: () => void;
}

export function AssignModal({ target, cell, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ userId: string; note?: string }>();
  const candidates = useCandidates(target, cell !== null);
  const assign = useDutyAction(
    (v: { userId: string; note?: string }) =>
      api.post('/api/duty/assignments', assignBody(target, cell!.day, cell!.slot, v.userId, v.note)),
    t('duty.assigned'),
  );
  return (
    <Modal
      open={cell !== null}
      title={cell ? t('duty.assignTitle', { day: cell.day, slot: cell.label }) : ''}
      okText={t('duty.assign')}
      confirmLoading={assign.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'duty-assign-ok' } as Record<string, string>}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => assign.mutate(v, { onSuccess: onClose })}
      >
        <Form.Item name="userId" label={t('duty.person')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('duty.personPlaceholder')}
            loading={candidates.isPending}
            data-testid="duty-person"
            options={(candidates.data?.items ?? []).map((c) => ({
              value: c.id,
              label: c.orgName ? `${c.displayName}（${c.orgName}）` : c.displayName,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('duty.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
