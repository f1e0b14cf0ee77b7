/**
 * A place's status acts for those holding `shelter.activate`: 一键启用 (with the hours for this
 * cold spell, the place's usual ones offered first), 关闭 and 转为待启用 — only the acts its
 * status allows (the domain's transition table), each confirmed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeHours, type ShelterAction, type ShelterHours, shelterTransition } from '@warmline/domain';
import { App, Button, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { ModalFrame } from '../../app/ModalFrame.tsx';
import type { Shelter, ShelterDetail } from '../../features/shelters/types.ts';
import { useLang } from '../../i18n/index.ts';
import { HoursField, OVERNIGHT } from './HoursField.tsx';

const paths: Record<ShelterAction, string> = {
  activate: 'activate',
  close: 'close',
  stand_down: 'stand-down',
};

function useAct(shelter: Shelter, onDone?: () => void) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, hours }: { action: ShelterAction; hours?: ShelterHours }) =>
      api.post<ShelterDetail>(`/api/shelters/${shelter.id}/${paths[action]}`, hours ? { hours } : {}),
    onSuccess: (_, { action }) => {
      message.success(action === 'activate' ? t('shelters.activate.done') : t('shelters.act.done'));
      void queryClient.invalidateQueries({ queryKey: ['shelters'] });
      onDone?.();
    },
    onError: (e) => message.error(errorText(e, key)),
  });
}

export function ShelterActions({ shelter }: { shelter: Shelter }) {
  const { t } = useTranslation();
  const [activating, setActivating] = useState(false);
  const act = useAct(shelter);
  const can = (action: ShelterAction) => shelterTransition(shelter.status, action) !== null;
  return (
    <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
      {can('activate') && (
        <Button
          type="primary"
          size="small"
          onClick={() => setActivating(true)}
          data-testid="shelter-activate"
        >
          {t('shelters.act.activate')}
        </Button>
      )}
      {can('close') && (
        <Popconfirm
          title={t('shelters.act.closeConfirm', { name: shelter.name })}
          onConfirm={() => act.mutate({ action: 'close' })}
        >
          <Button size="small" danger data-testid="shelter-close">
            {t('shelters.act.close')}
          </Button>
        </Popconfirm>
      )}
      {can('stand_down') && (
        <Popconfirm
          title={t('shelters.act.standDownConfirm', { name: shelter.name })}
          onConfirm={() => act.mutate({ action: 'stand_down' })}
        >
          <Button size="small" data-testid="shelter-stand-down">
            {t('shelters.act.standDown')}
          </Button>
        </Popconfirm>
      )}
      {activating && <ActivateModal shelter={shelter} onClose={() => setActivating(false)} />}
    </Space>
  );
}

type Choice = 'usual' | 'allDay' | 'overnight' | 'custom';
const isOvernight = (h: ShelterHours) =>
  !h.allDay && h.opens === OVERNIGHT.opens && h.closes === OVERNIGHT.closes;

function ActivateModal({ shelter, onClose }: { shelter: Shelter; onClose: () => void }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const act = useAct(shelter, onClose);
  const [choice, setChoice] = useState<Choice>('usual');
  const [custom, setCustom] = useState<ShelterHours>(shelter.hours.allDay ? OVERNIGHT : shelter.hours);
  const hours: Record<Choice, ShelterHours> = {
    usual: shelter.hours,
    allDay: { allDay: true },
    overnight: OVERNIGHT,
    custom,
  };
  return (
    <ModalFrame
      title={t('shelters.activate.title', { name: shelter.name })}
      testId="activate-submit"
      actionLabel={t('shelters.activate.submit')}
      onClose={onClose}
      onAction={() => act.mutate({ action: 'activate', hours: hours[choice] })}
      busy={act.isPending}
      error={act.error}
    >
      <Typography.Paragraph>{t('shelters.activate.hint')}</Typography.Paragraph>
      <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="activate-hours">
        <Space direction="vertical">
          <Radio value="usual">{describeHours(shelter.hours, key)}</Radio>
          {!shelter.hours.allDay && <Radio value="allDay">{t('shelters.activate.allDay')}</Radio>}
          {!isOvernight(shelter.hours) && <Radio value="overnight">{t('shelters.activate.overnight')}</Radio>}
          <Radio value="custom" data-testid="activate-custom">
            {t('shelters.activate.custom')}
          </Radio>
        </Space>
      </Radio.Group>
      {choice === 'custom' && (
        <div style={{ marginTop: 12 }}>
          <HoursField value={custom} onChange={setCustom} testId="activate-hours-field" />
        </div>
      )}
    </ModalFrame>
  );
}
