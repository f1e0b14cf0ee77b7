/** One stay: the registration, the five basics as a checklist, care, belongings, extension, discharge. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CareKind,
  careKindLabels,
  careKinds,
  dischargeTypeLabels,
  fiveBasics,
  triageFactLabels,
} from '@warmline/domain';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import { useLang } from '../../i18n/index.ts';
import { DischargeModal } from './DischargeModal.tsx';
import { StayHandOut } from './StayHandOut.tsx';
import { StayTags } from './StayTags.tsx';
import type { StayDetail } from './types.ts';

export function StayDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const stay = useQuery({
    queryKey: ['station', 'stay', id],
    queryFn: () => api.get<StayDetail>(`/api/stays/${id}`),
  });
  const [care, setCare] = useState<{ kind: CareKind; note: string }>({ kind: 'meal', note: '' });
  const [ext, setExt] = useState<{ days: number; reason: string }>({ days: 5, reason: '' });
  const [leaving, setLeaving] = useState(false);
  const done = () => {
    message.success(t('station.done'));
    void queryClient.invalidateQueries({ queryKey: ['station'] });
  };
  const record = useMutation({
    mutationFn: (body: { kind: CareKind; note?: string }) => api.post(`/api/stays/${id}/care`, body),
    onSuccess: done,
    onError: (e) => message.error(errorText(e, key)),
  });
  const extend = useMutation({
    mutationFn: () => api.post(`/api/stays/${id}/extensions`, ext),
    onSuccess: done,
    onError: (e) => message.error(errorText(e, key)),
  });
  const s = stay.data;
  const manage = can('stay.manage') && s?.state === 'admitted';
  return (
    <Drawer
      open
      onClose={onClose}
      width={600}
      title={s ? (s.person.name ?? s.person.tempNumber) : ''}
      data-testid="stay-drawer"
    >
      {s && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <StayTags stay={s} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('persons.tempNumber')}>{s.person.tempNumber}</Descriptions.Item>
            <Descriptions.Item label={t('persons.residentId')}>
              {s.person.residentId ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('station.reason')}>{s.reasonForHelp ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('station.triage')}>
              {s.triage.facts.length ? s.triage.facts.map((f) => triageFactLabels[f][key]).join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('station.bed')}>
              {s.bed ? `${s.bed.zoneName} ${s.bed.label}` : t('station.noBed')}
            </Descriptions.Item>
            <Descriptions.Item label={t('station.receipt')}>{s.receiptNumber ?? '—'}</Descriptions.Item>
            {s.dischargeType && (
              <Descriptions.Item label={t('station.dischargeType')}>
                {dischargeTypeLabels[s.dischargeType][key]}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap data-testid="stay-forms">
            <Typography.Text strong>{t('station.forms')}</Typography.Text>
            {(['registration', 'self_departure', 'service'] as const)
              .filter((f) => f !== 'self_departure' || ((s.age ?? 0) >= 16 && !s.disabled && !s.impaired))
              .map((f) => (
                <Button
                  key={f}
                  href={`/api/stays/${s.id}/forms/${f}`}
                  target="_blank"
                  rel="noopener"
                  data-form={f}
                >
                  {t(`station.form.${f}`)}
                </Button>
              ))}
          </Space>
          <Typography.Title level={5}>{t('station.basics')}</Typography.Title>
          <Space wrap data-testid="five-basics">
            {fiveBasics.map((k) => {
              const isDone = s.basicsDone.includes(k);
              return (
                <Button
                  key={k}
                  type={isDone ? 'primary' : 'default'}
                  disabled={!manage || isDone}
                  onClick={() => record.mutate({ kind: k })}
                  data-basic={k}
                  data-done={isDone ? 'true' : 'false'}
                >
                  {isDone ? '✓ ' : ''}
                  {careKindLabels[k][key]}
                </Button>
              );
            })}
          </Space>
          {s.belongings.length > 0 && (
            <Space wrap>
              {s.belongings.map((b) => (
                <Tag
                  key={b.id}
                  color={b.state === 'refused' ? 'red' : b.state === 'returned' ? 'default' : 'blue'}
                >
                  {b.item} × {b.quantity}
                </Tag>
              ))}
            </Space>
          )}
          {manage && can('supply.distribute') && <StayHandOut stay={s} />}
          <Typography.Title level={5}>{t('station.careLog')}</Typography.Title>
          {manage && (
            <Space.Compact block>
              <Select
                value={care.kind}
                onChange={(kind) => setCare({ ...care, kind })}
                style={{ width: 160 }}
                options={careKinds.map((k) => ({ value: k, label: careKindLabels[k][key] }))}
              />
              <Input
                value={care.note}
                placeholder={t('station.careNote')}
                onChange={(e) => setCare({ ...care, note: e.target.value })}
              />
              <Button onClick={() => record.mutate({ kind: care.kind, note: care.note.trim() || undefined })}>
                {t('station.addCare')}
              </Button>
            </Space.Compact>
          )}
          <Timeline
            items={s.care.map((c) => ({
              children: `${formatTime(c.at, 'MM-DD HH:mm')} ${careKindLabels[c.kind][key]}${c.note ? `：${c.note}` : ''}`,
            }))}
          />
          {s.state === 'admitted' && s.allowedDays !== null && can('stay.approve') && (
            <Space.Compact block>
              <InputNumber
                min={1}
                max={30}
                value={ext.days}
                onChange={(days) => setExt({ ...ext, days: days ?? 1 })}
                addonBefore={t('station.extendDays')}
              />
              <Input
                value={ext.reason}
                placeholder={t('station.extendReason')}
                onChange={(e) => setExt({ ...ext, reason: e.target.value })}
              />
              <Button
                disabled={ext.reason.trim().length < 1}
                onClick={() => extend.mutate()}
                data-testid="extend"
              >
                {t('station.extend')}
              </Button>
            </Space.Compact>
          )}
          {manage && (
            <Button danger block size="large" onClick={() => setLeaving(true)} data-testid="discharge">
              {t('station.discharge')}
            </Button>
          )}
          {leaving && <DischargeModal stay={s} onClose={() => setLeaving(false)} />}
        </Space>
      )}
    </Drawer>
  );
}
