/**
 * Register or edit a place of the shelter network. The position is set on the small map (other
 * places as grey dots, so none is registered twice) or typed; keepers are chosen among the
 * jurisdiction's 场所管理员 and station staff. A new place starts on standby.
 */
import { useQuery } from '@tanstack/react-query';
import {
  type ShelterHostKind,
  type ShelterHours,
  type ShelterKind,
  type ShelterService,
  shelterHostKindLabels,
  shelterHostKinds,
  shelterKindLabels,
  shelterKinds,
  shelterServiceLabels,
  shelterServices,
} from '@warmline/domain';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { ModalFrame } from '../../app/ModalFrame.tsx';
import { useSaveRecord } from '../../app/save.ts';
import type { Page, User } from '../../app/types.ts';
import { contextPoints } from '../../features/map/MapBeside.tsx';
import type { LatLng } from '../../features/map/RegionMap.tsx';
import { useOrgs } from '../../features/orgs/useOrgs.ts';
import { RegionSelect } from '../../features/regions/RegionSelect.tsx';
import type { Shelter, ShelterDetail, ShelterInput } from '../../features/shelters/types.ts';
import { useLang } from '../../i18n/index.ts';
import { HoursField, OVERNIGHT } from './HoursField.tsx';

const RegionMap = lazy(() => import('../../features/map/RegionMap.tsx'));

interface FormValues {
  name: string;
  kind: ShelterKind;
  hostKind: ShelterHostKind;
  hostName?: string;
  orgId?: string | null;
  regionCode: string;
  address: string;
  lat?: number | null;
  lng?: number | null;
  hours: ShelterHours;
  capacityDay: number;
  capacityNight: number;
  services: ShelterService[];
  publicPhone?: string;
  contactName?: string;
  contactPhone?: string;
  notes?: string;
  keeperIds: string[];
}

/** Who may be named keeper: 场所管理员 and station staff of the jurisdiction. */
function useKeeperOptions() {
  const { can } = useAuth();
  return useQuery({
    queryKey: ['users', 'keepers'],
    enabled: can('user.read'),
    queryFn: async () => {
      const pages = await Promise.all(
        (['shelter_keeper', 'station_staff'] as const).map((role) =>
          api.get<Page<User>>('/api/users', { role, pageSize: 200 }),
        ),
      );
      return pages.flatMap((p) => p.items).filter((u) => !u.disabled);
    },
  });
}

const text = (v?: string | null) => v?.trim() || null;

export function ShelterFormModal({
  shelter,
  others,
  onClose,
}: {
  shelter: Shelter | null;
  others: Shelter[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const stations = useOrgs({ kind: 'station' });
  const keepers = useKeeperOptions();
  const regionCode = Form.useWatch('regionCode', form);
  const hostKind = Form.useWatch('hostKind', form);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const pin: LatLng | null = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;

  const save = useSaveRecord<FormValues, ShelterInput, ShelterDetail>({
    path: '/api/shelters',
    id: shelter?.id ?? null,
    body: (v): ShelterInput => ({
      name: v.name.trim(),
      kind: v.kind,
      hostKind: v.hostKind,
      hostName: text(v.hostName),
      orgId: v.hostKind === 'station' ? (v.orgId ?? null) : null,
      regionCode: v.regionCode,
      address: v.address.trim(),
      lat: v.lat!,
      lng: v.lng!,
      hours: v.hours,
      capacityDay: v.capacityDay ?? 0,
      capacityNight: v.capacityNight ?? 0,
      services: v.services ?? [],
      publicPhone: text(v.publicPhone),
      contactName: text(v.contactName),
      contactPhone: text(v.contactPhone),
      notes: text(v.notes),
      keeperIds: v.keeperIds ?? [],
    }),
    done: { created: t('shelters.created'), saved: t('shelters.saved') },
    queryKey: ['shelters'],
    onDone: onClose,
  });

  const context = contextPoints(others);
  const f = (name: string) => t(`shelters.field.${name}` as 'shelters.field.name');

  return (
    <ModalFrame
      title={shelter ? `${t('shelters.edit')} · ${shelter.name}` : t('shelters.create')}
      testId="shelter-save"
      onClose={onClose}
      onAction={() => form.submit()}
      busy={save.isPending}
      error={save.error}
      width={920}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        data-testid="shelter-form"
        initialValues={
          shelter
            ? {
                ...shelter,
                hostName: shelter.hostName ?? '',
                publicPhone: shelter.publicPhone ?? '',
                contactName: shelter.contactName ?? '',
                contactPhone: shelter.contactPhone ?? '',
                notes: shelter.notes ?? '',
                keeperIds: shelter.keepers.map((k) => k.id),
              }
            : {
                kind: 'cold_shelter',
                hostKind: 'community_centre',
                regionCode: me.regionCode,
                hours: OVERNIGHT,
                capacityDay: 0,
                capacityNight: 0,
                services: ['warm_room', 'hot_food', 'quilts'],
                keeperIds: [],
              }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input placeholder={f('namePlaceholder')} data-testid="shelter-name" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="kind" label={f('kind')} rules={[{ required: true }]}>
                  <Select<ShelterKind>
                    data-testid="shelter-kind"
                    options={shelterKinds.map((k) => ({ value: k, label: shelterKindLabels[k][key] }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="hostKind" label={f('hostKind')} rules={[{ required: true }]}>
                  <Select<ShelterHostKind>
                    data-testid="shelter-host-kind"
                    options={shelterHostKinds.map((k) => ({
                      value: k,
                      label: shelterHostKindLabels[k][key],
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            {hostKind === 'station' ? (
              <Form.Item
                name="orgId"
                label={f('station')}
                extra={f('stationHint')}
                rules={[{ required: true }]}
              >
                <Select
                  allowClear
                  data-testid="shelter-station"
                  options={(stations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            ) : (
              <Form.Item name="hostName" label={f('hostName')} rules={[{ max: 80 }]}>
                <Input placeholder={f('hostNamePlaceholder')} data-testid="shelter-host-name" />
              </Form.Item>
            )}
            <Form.Item name="regionCode" label={f('region')} rules={[{ required: true }]}>
              <RegionSelect
                known={
                  shelter
                    ? { code: shelter.regionCode, name: shelter.regionName }
                    : { code: me.regionCode, name: me.regionName }
                }
                data-testid="shelter-region"
              />
            </Form.Item>
            <Form.Item
              name="address"
              label={f('address')}
              rules={[{ required: true, whitespace: true, max: 200 }]}
            >
              <Input data-testid="shelter-address" />
            </Form.Item>
            <Form.Item name="hours" label={f('hours')} rules={[{ required: true }]}>
              <HoursField />
            </Form.Item>
            <Row gutter={12}>
              {(['capacityDay', 'capacityNight'] as const).map((name) => (
                <Col span={12} key={name}>
                  <Form.Item name={name} label={f(name)}>
                    <InputNumber
                      min={0}
                      max={2000}
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid={name === 'capacityDay' ? 'shelter-capacity-day' : 'shelter-capacity-night'}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item extra={f('capacityHint')} style={{ marginTop: -16 }} />
            <Form.Item name="services" label={f('services')}>
              <Checkbox.Group
                options={shelterServices.map((s) => ({ value: s, label: shelterServiceLabels[s][key] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={f('position')} required extra={f('positionHint')}>
              <Suspense fallback={<Spin style={{ margin: 48 }} />}>
                <RegionMap
                  regionCode={regionCode ?? me.regionCode}
                  points={context}
                  height={260}
                  pin={pin}
                  focusPoint={shelter ? { lat: shelter.lat, lng: shelter.lng } : null}
                  onPick={(p) => {
                    form.setFieldsValue({ lat: p.lat, lng: p.lng });
                    void form.validateFields(['lat', 'lng']);
                  }}
                />
              </Suspense>
            </Form.Item>
            <Row gutter={12}>
              {(['lat', 'lng'] as const).map((axis) => (
                <Col span={12} key={axis}>
                  <Form.Item
                    name={axis}
                    label={f(axis)}
                    rules={[{ required: true, message: f('positionRequired') }]}
                  >
                    <InputNumber
                      min={axis === 'lat' ? -90 : -180}
                      max={axis === 'lat' ? 90 : 180}
                      step={0.0001}
                      precision={6}
                      style={{ width: '100%' }}
                      data-testid={`shelter-${axis}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item name="publicPhone" label={f('publicPhone')} extra={f('publicPhoneHint')}>
              <Input inputMode="tel" data-testid="shelter-public-phone" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="contactName" label={f('contactName')} rules={[{ max: 40 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="contactPhone" label={f('contactPhone')}>
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="keeperIds" label={f('keepers')} extra={f('keepersHint')}>
              <Select
                mode="multiple"
                loading={keepers.isLoading}
                optionFilterProp="label"
                data-testid="shelter-keepers"
                options={(keepers.data ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.displayName}（${u.username}）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="notes" label={f('notes')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </ModalFrame>
  );
}
