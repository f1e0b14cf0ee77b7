/**
 * Register or edit a hotspot. The position is set by clicking the small map (which frames the
 * chosen district) or by typing WGS-84 coordinates; other hotspots show as grey dots so a place
 * is not registered twice. Server refusals (a name already used in the district) show in the
 * catalogue's words above the form.
 */
import {
  HOTSPOT_VISIT_HOURS,
  type HotspotKind,
  type HotspotRisk,
  hotspotKindLabels,
  hotspotKinds,
  hotspotRiskLabels,
  hotspotRisks,
} from '@warmline/domain';
import { Alert, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useSaveRecord } from '../../app/save.ts';
import type { Hotspot, HotspotDetail, HotspotInput } from '../../features/hotspots/types.ts';
import { contextPoints } from '../../features/map/MapBeside.tsx';
import type { LatLng } from '../../features/map/RegionMap.tsx';
import { RegionSelect } from '../../features/regions/RegionSelect.tsx';
import { useLang } from '../../i18n/index.ts';

const RegionMap = lazy(() => import('../../features/map/RegionMap.tsx'));

interface FormValues {
  name: string;
  kind: HotspotKind;
  risk: HotspotRisk;
  regionCode: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  usualCount: number;
  notes?: string;
}

export function HotspotFormModal({
  hotspot,
  others,
  onClose,
}: {
  hotspot: Hotspot | null;
  /** The jurisdiction's other hotspots, drawn as context on the picking map. */
  others: Hotspot[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const regionCode = Form.useWatch('regionCode', form);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const pin: LatLng | null = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;

  const save = useSaveRecord<FormValues, HotspotInput, HotspotDetail>({
    path: '/api/hotspots',
    id: hotspot?.id ?? null,
    body: (v) => ({
      name: v.name.trim(),
      kind: v.kind,
      risk: v.risk,
      regionCode: v.regionCode,
      address: v.address?.trim() || null,
      lat: v.lat!,
      lng: v.lng!,
      usualCount: v.usualCount ?? 0,
      notes: v.notes?.trim() || null,
    }),
    done: { created: t('hotspots.created'), saved: t('hotspots.saved') },
    queryKey: ['hotspots'],
    onDone: onClose,
  });

  const context = contextPoints(others);

  return (
    <Modal
      open
      onCancel={onClose}
      title={hotspot ? `${t('hotspots.edit')} · ${hotspot.name}` : t('hotspots.create')}
      width={{ xs: '100%', md: 860 }}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="hotspot-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {save.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(save.error, key)}
          style={{ marginBottom: 16 }}
          data-testid="hotspot-form-error"
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        data-testid="hotspot-form"
        initialValues={
          hotspot
            ? {
                name: hotspot.name,
                kind: hotspot.kind,
                risk: hotspot.risk,
                regionCode: hotspot.regionCode,
                address: hotspot.address ?? '',
                lat: hotspot.lat,
                lng: hotspot.lng,
                usualCount: hotspot.usualCount,
                notes: hotspot.notes ?? '',
              }
            : { risk: 'medium', regionCode: me.regionCode, usualCount: 0 }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={11}>
            <Form.Item
              name="name"
              label={t('hotspots.field.name')}
              rules={[{ required: true, whitespace: true, max: 60 }]}
            >
              <Input placeholder={t('hotspots.field.namePlaceholder')} data-testid="hotspot-name" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="kind" label={t('hotspots.field.kind')} rules={[{ required: true }]}>
                  <Select<HotspotKind>
                    data-testid="hotspot-kind"
                    options={hotspotKinds.map((k) => ({ value: k, label: hotspotKindLabels[k][key] }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="usualCount"
                  label={t('hotspots.field.usualCount')}
                  tooltip={t('hotspots.field.usualCountHint')}
                >
                  <InputNumber
                    min={0}
                    max={500}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="hotspot-usual-count"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="risk" label={t('hotspots.field.risk')} rules={[{ required: true }]}>
              <Select<HotspotRisk>
                data-testid="hotspot-risk"
                options={hotspotRisks.map((r) => ({
                  value: r,
                  label: t('hotspots.field.riskOption', {
                    label: hotspotRiskLabels[r][key],
                    hours: HOTSPOT_VISIT_HOURS[r],
                  }),
                }))}
              />
            </Form.Item>
            <Form.Item name="regionCode" label={t('hotspots.field.region')} rules={[{ required: true }]}>
              <RegionSelect
                known={
                  hotspot
                    ? { code: hotspot.regionCode, name: hotspot.regionName }
                    : { code: me.regionCode, name: me.regionName }
                }
                data-testid="hotspot-region"
              />
            </Form.Item>
            <Form.Item name="address" label={t('hotspots.field.address')} rules={[{ max: 200 }]}>
              <Input data-testid="hotspot-address" />
            </Form.Item>
            <Form.Item name="notes" label={t('hotspots.field.notes')} rules={[{ max: 500 }]}>
              <Input.TextArea
                rows={2}
                placeholder={t('hotspots.field.notesPlaceholder')}
                data-testid="hotspot-notes"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={13}>
            <Form.Item label={t('hotspots.field.position')} required extra={t('hotspots.field.positionHint')}>
              <Suspense fallback={<Spin style={{ margin: 48 }} />}>
                <div data-testid="hotspot-position-map">
                  <RegionMap
                    regionCode={regionCode ?? me.regionCode}
                    points={context}
                    height={300}
                    pin={pin}
                    focusPoint={hotspot ? { lat: hotspot.lat, lng: hotspot.lng } : null}
                    onPick={(p) => {
                      form.setFieldsValue({ lat: p.lat, lng: p.lng });
                      void form.validateFields(['lat', 'lng']);
                    }}
                  />
                </div>
              </Suspense>
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  name="lat"
                  label={t('hotspots.field.lat')}
                  rules={[{ required: true, message: t('hotspots.field.positionRequired') }]}
                >
                  <InputNumber
                    min={-90}
                    max={90}
                    step={0.0001}
                    precision={6}
                    style={{ width: '100%' }}
                    data-testid="hotspot-lat"
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="lng"
                  label={t('hotspots.field.lng')}
                  rules={[{ required: true, message: t('hotspots.field.positionRequired') }]}
                >
                  <InputNumber
                    min={-180}
                    max={180}
                    step={0.0001}
                    precision={6}
                    style={{ width: '100%' }}
                    data-testid="hotspot-lng"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
