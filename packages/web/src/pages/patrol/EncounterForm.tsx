/**
 * 记录街面救助 on the patrol phone. Few required fields: tap what you see, and the rules in
 * @warmline/domain show the category and what must follow before anything is sent; the items
 * the rules suggest are ticked already. An unknown adult who refuses the station is four taps:
 * open, 不愿入站, (sex), 保存. Identity is optional and folded away.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AgeBand,
  type AssistanceCategory,
  ageBandLabels,
  ageBands,
  assistanceCategories,
  assistanceCategoryLabels,
  type ObservedFact,
  obligationLabels,
  observedFactLabels,
  observedFacts,
  overrideRefusalLabels,
  parseResidentId,
  proposeAssistance,
  residentIdProblemLabels,
  type SupplyKind,
  suggestedItems,
  supplyKindLabels,
  supplyKinds,
} from '@warmline/domain';
import { Alert, App, Button, Collapse, Drawer, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import { enqueue } from '../../features/outbox/outbox.ts';
import { currentPosition } from '../../features/outbox/position.ts';
import { flushOutbox, submit } from '../../features/outbox/sender.ts';
import { useLang } from '../../i18n/index.ts';
import { EncounterPhotos, type TakenPhoto } from './EncounterPhotos.tsx';
import { leftByKind, useTeamStock } from './TeamStock.tsx';

interface Recorded {
  category: AssistanceCategory;
  followUpDueAt: string | null;
  person: { tempNumber: string };
}

/** The facts a patrol taps most come first; every other fact follows, so none is missing. */
const tappedMost: ObservedFact[] = [
  'refuses_station',
  'elderly',
  'minor',
  'thin_clothing',
  'intoxicated',
  'injured',
];
const factOrder = [...tappedMost, ...observedFacts.filter((f) => !tappedMost.includes(f))];
const sexes = ['male', 'female', 'unknown'] as const;

export interface FollowUpTarget {
  encounterId: string;
  personId: string;
  label: string;
}

export function EncounterForm({
  open,
  onClose,
  followUp,
  leadId,
  teamId,
}: {
  open: boolean;
  onClose: () => void;
  followUp?: FollowUpTarget;
  /** The lead the team was sent to, when recording from its assignment. */
  leadId?: string;
  /** The member's team: its vehicle stock shows beside the items. */
  teamId?: string;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [clientId] = useState(() => crypto.randomUUID());
  const [facts, setFacts] = useState<ObservedFact[]>([]);
  const [sex, setSex] = useState<(typeof sexes)[number]>('unknown');
  const [ageBand, setAgeBand] = useState<AgeBand | null>(null);
  const [items, setItems] = useState<SupplyKind[] | null>(null);
  const [category, setCategory] = useState<AssistanceCategory | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [identity, setIdentity] = useState({
    name: '',
    residentId: '',
    homeRegion: '',
    dialect: '',
    phone: '',
  });
  const [looks, setLooks] = useState({ clothing: '', condition: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [destination, setDestination] = useState<string | null>(null);
  const [photos, setPhotos] = useState<TakenPhoto[]>([]);
  const destinations = useQuery({
    queryKey: ['patrol', 'destinations'],
    queryFn: () =>
      api.get<{ items: { id: string; name: string; kind: 'station' | 'hospital' }[] }>(
        '/api/patrol/destinations',
      ),
    staleTime: 3_600_000,
  });

  // What the vehicle has left, from the cached stock (shown, never a reason to refuse: it was given).
  const left = leftByKind(useTeamStock(teamId).data?.items);
  const observation = { facts, ageBand };
  const proposal = proposeAssistance(observation, { now: new Date(), forecastMinTempC: 0 });
  const chosen = category ?? proposal.category;
  const shownItems = items ?? (chosen === 'onsite_relief' ? suggestedItems(observation, 0) : []);
  // Where the person goes: a station for the three categories that end there, a hospital first.
  const goesTo =
    chosen === 'medical_first'
      ? 'hospital'
      : ['to_station', 'protective', 'assist_first'].includes(chosen)
        ? 'station'
        : null;
  const places = (destinations.data?.items ?? []).filter((d) => d.kind === goesTo);
  const handoverOrgId = goesTo ? (places.find((d) => d.id === destination)?.id ?? places[0]?.id) : undefined;
  const idCheck = identity.residentId.trim() ? parseResidentId(identity.residentId, new Date()) : null;
  const toggle = <T,>(xs: T[], x: T) => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);

  // Saved to the outbox first (durable, encrypted), then sent; offline it waits there.
  const save = useMutation({
    // Runs offline too (TanStack would pause it): the outbox is what waits for the network.
    networkMode: 'always',
    mutationFn: async () => {
      const p = await currentPosition();
      const id = Object.fromEntries(Object.entries(identity).filter(([, v]) => v.trim()));
      const result = await submit<Recorded>({
        kind: 'encounter',
        path: '/api/patrol/encounters',
        // Not sealed, so never a name or number: the category only.
        label: assistanceCategoryLabels[chosen][key],
        body: {
          clientId,
          // When it happened on the phone: the server keeps this time for a late upload.
          at: new Date().toISOString(),
          ...p,
          facts,
          sex,
          ageBand,
          category: category ?? undefined,
          overrideReason: category ? overrideReason : undefined,
          itemsGiven: shownItems.map((kind) => ({ kind, quantity: 1 })),
          clothing: looks.clothing.trim() || undefined,
          condition: looks.condition.trim() || undefined,
          identity: Object.keys(id).length ? id : undefined,
          personId: followUp?.personId,
          leadId,
          handoverOrgId,
          followUpOf: followUp?.encounterId,
        },
      });
      // After their encounter in the outbox, so they are sent after it (the server needs it first).
      for (const photo of photos)
        await enqueue({
          kind: 'photo',
          path: `/api/patrol/encounters/${clientId}/photos`,
          label: t('outbox.kind.photo'),
          body: { clientId: photo.clientId, at: photo.at },
          file: photo.bytes,
        });
      if (photos.length) void flushOutbox(true);
      return result;
    },
    onSuccess: (result) => {
      if (result.state === 'queued') {
        message.info(t('outbox.queued'));
        onClose();
        return;
      }
      const e = result.data;
      message.success(
        e.followUpDueAt
          ? t('encounter.savedRecheck', {
              category: assistanceCategoryLabels[e.category][key],
              time: formatTime(e.followUpDueAt, 'HH:mm'),
            })
          : t('encounter.saved', { category: assistanceCategoryLabels[e.category][key] }),
      );
      void queryClient.invalidateQueries({ queryKey: ['patrol'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof GeolocationPositionError) return setProblem(t('patrol.positionFailed'));
      const d =
        e instanceof ApiError
          ? (e.details as
              | {
                  refusal?: keyof typeof overrideRefusalLabels;
                  reason?: keyof typeof residentIdProblemLabels;
                }
              | undefined)
          : undefined;
      if (e instanceof ApiError && e.code === 'OVERRIDE_REFUSED' && d?.refusal)
        return setProblem(overrideRefusalLabels[d.refusal][key]);
      if (e instanceof ApiError && e.code === 'RESIDENT_ID_INVALID' && d?.reason)
        return setProblem(residentIdProblemLabels[d.reason][key]);
      setProblem(errorText(e, key));
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="bottom"
      height="100%"
      title={followUp ? t('encounter.recheckTitle', { label: followUp.label }) : t('encounter.title')}
      className="wl-patrol wl-encounter"
      destroyOnHidden
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="encounter-form">
        <div className="wl-chips">
          {factOrder.map((f) => (
            <Tag.CheckableTag
              key={f}
              checked={facts.includes(f)}
              onChange={() => setFacts(toggle(facts, f))}
              data-fact={f}
            >
              {observedFactLabels[f][key]}
            </Tag.CheckableTag>
          ))}
        </div>
        <Segmented
          block
          size="large"
          value={sex}
          onChange={(v) => setSex(v as (typeof sexes)[number])}
          options={sexes.map((s) => ({ value: s, label: t(`encounter.sex.${s}`) }))}
        />
        <Select
          size="large"
          allowClear
          placeholder={t('encounter.ageBand')}
          value={ageBand}
          onChange={(v) => setAgeBand(v ?? null)}
          options={ageBands.map((a) => ({ value: a, label: ageBandLabels[a][key] }))}
        />
        <Alert
          type={chosen === proposal.category ? 'info' : 'warning'}
          data-testid="proposal"
          message={
            <Space direction="vertical" size={4}>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {assistanceCategoryLabels[chosen][key]}
              </Typography.Text>
              <Typography.Text>{proposal.reason[key]}</Typography.Text>
              <Space size={4} wrap>
                {proposal.obligations.map((o) => (
                  <Tag key={o.code}>{obligationLabels[o.code][key]}</Tag>
                ))}
              </Space>
            </Space>
          }
        />
        {goesTo && places.length > 0 && (
          <Select
            size="large"
            value={handoverOrgId}
            onChange={setDestination}
            options={places.map((d) => ({ value: d.id, label: `${t('encounter.takeTo')}：${d.name}` }))}
            data-testid="destination"
          />
        )}
        {chosen === 'onsite_relief' && (
          <div className="wl-chips" data-testid="items">
            {supplyKinds.map((k) => (
              <Tag.CheckableTag
                key={k}
                checked={shownItems.includes(k)}
                onChange={() => setItems(toggle(shownItems, k))}
                data-item={k}
              >
                {supplyKindLabels[k][key]}
                {left[k] !== undefined && `（${t('encounter.left', { n: left[k] })}）`}
              </Tag.CheckableTag>
            ))}
          </div>
        )}
        <EncounterPhotos
          photos={photos}
          onChange={setPhotos}
          ofMinor={proposal.protections.includes('minor')}
        />
        <Collapse
          items={[
            {
              key: 'identity',
              label: t('encounter.identity'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input
                    size="large"
                    placeholder={t('encounter.name')}
                    value={identity.name}
                    onChange={(e) => setIdentity({ ...identity, name: e.target.value })}
                  />
                  <Input
                    size="large"
                    placeholder={t('encounter.residentId')}
                    value={identity.residentId}
                    status={idCheck && !idCheck.ok ? 'error' : undefined}
                    onChange={(e) => setIdentity({ ...identity, residentId: e.target.value })}
                    data-testid="resident-id"
                  />
                  {idCheck && !idCheck.ok && (
                    <Typography.Text type="danger">
                      {residentIdProblemLabels[idCheck.reason][key]}
                    </Typography.Text>
                  )}
                  <Input
                    size="large"
                    placeholder={t('encounter.homeRegion')}
                    value={identity.homeRegion}
                    onChange={(e) => setIdentity({ ...identity, homeRegion: e.target.value })}
                  />
                  <Input
                    size="large"
                    placeholder={t('encounter.dialect')}
                    value={identity.dialect}
                    onChange={(e) => setIdentity({ ...identity, dialect: e.target.value })}
                  />
                  <Input
                    size="large"
                    inputMode="tel"
                    placeholder={t('encounter.phone')}
                    value={identity.phone}
                    onChange={(e) => setIdentity({ ...identity, phone: e.target.value })}
                  />
                </Space>
              ),
            },
            {
              key: 'looks',
              label: t('encounter.looks'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input
                    size="large"
                    placeholder={t('encounter.clothing')}
                    value={looks.clothing}
                    onChange={(e) => setLooks({ ...looks, clothing: e.target.value })}
                  />
                  <Input
                    size="large"
                    placeholder={t('encounter.condition')}
                    value={looks.condition}
                    onChange={(e) => setLooks({ ...looks, condition: e.target.value })}
                  />
                </Space>
              ),
            },
            {
              key: 'override',
              label: t('encounter.override'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Select
                    size="large"
                    allowClear
                    placeholder={t('encounter.overrideCategory')}
                    value={category}
                    onChange={(v) => setCategory(v ?? null)}
                    options={assistanceCategories.map((c) => ({
                      value: c,
                      label: assistanceCategoryLabels[c][key],
                    }))}
                    data-testid="override-category"
                  />
                  <Input
                    size="large"
                    placeholder={t('encounter.overrideReason')}
                    value={overrideReason}
                    onChange={(e) => setOverrideReason(e.target.value)}
                    data-testid="override-reason"
                  />
                </Space>
              ),
            },
          ]}
        />
        {problem && <Alert type="error" message={problem} data-testid="encounter-problem" />}
        <Button
          size="large"
          type="primary"
          block
          loading={save.isPending}
          disabled={!!idCheck && !idCheck.ok}
          onClick={() => {
            setProblem(null);
            save.mutate();
          }}
          data-testid="encounter-save"
        >
          {t('encounter.save')}
        </Button>
      </Space>
    </Drawer>
  );
}
