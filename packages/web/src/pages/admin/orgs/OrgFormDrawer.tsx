/**
 * Create or edit an organisation. Beds apply to rescue stations only, so the field appears
 * when the kind is `station`. Coordinates are optional WGS-84 and place the org on maps.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type OrgKind, orgKindLabels, orgKinds } from '@warmline/domain';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { errorText } from '../../../app/errors.ts';
import type { Org } from '../../../app/types.ts';
import { RegionSelect } from '../../../features/regions/RegionSelect.tsx';
import { useLang } from '../../../i18n/index.ts';

interface OrgFormValues {
  name: string;
  kind: OrgKind;
  regionCode: string;
  bedCount?: number | null;
  lat?: number | null;
  lng?: number | null;
}

export function OrgFormDrawer({
  open,
  org,
  onClose,
}: {
  open: boolean;
  org: Org | null;
  onClose: () => void;
}) {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgFormValues>();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      org
        ? {
            name: org.name,
            kind: org.kind,
            regionCode: org.regionCode,
            bedCount: org.bedCount,
            lat: org.lat,
            lng: org.lng,
          }
        : { kind: 'station', regionCode: me.regionCode },
    );
  }, [open, org, form, me.regionCode]);

  const save = useMutation({
    mutationFn: (values: OrgFormValues) => {
      const body = {
        name: values.name.trim(),
        kind: values.kind,
        regionCode: values.regionCode,
        // Only stations have beds; clear a stale count when the kind changes.
        bedCount: values.kind === 'station' ? (values.bedCount ?? null) : null,
        lat: values.lat ?? null,
        lng: values.lng ?? null,
      };
      return org ? api.patch<Org>(`/api/orgs/${org.id}`, body) : api.post<Org>('/api/orgs', body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      message.success(org ? t('common.saved') : t('common.created'));
      onClose();
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={org ? `${t('orgs.editTitle')} · ${org.name}` : t('orgs.create')}
      size={480}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) save.reset();
      }}
      data-testid="org-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="org-save"
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
          data-testid="org-form-error"
        />
      )}
      <Form<OrgFormValues> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="name"
          label={t('orgs.field.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('orgs.invalidName') }]}
        >
          <Input data-testid="org-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('orgs.field.kind')} rules={[{ required: true }]}>
          <Select<OrgKind>
            data-testid="org-kind"
            options={orgKinds.map((k) => ({ value: k, label: orgKindLabels[k][key] }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('orgs.field.region')}
          rules={[{ required: true, message: t('orgs.field.region') }]}
        >
          <RegionSelect
            known={
              org
                ? { code: org.regionCode, name: org.regionName }
                : { code: me.regionCode, name: me.regionName }
            }
            data-testid="org-region"
          />
        </Form.Item>
        {kind === 'station' && (
          <Form.Item name="bedCount" label={t('orgs.field.bedCount')}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} data-testid="org-beds" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="lat" label={t('orgs.field.lat')} extra={t('orgs.field.locationHint')}>
              <InputNumber
                min={-90}
                max={90}
                step={0.0001}
                precision={6}
                style={{ width: '100%' }}
                data-testid="org-lat"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t('orgs.field.lng')}>
              <InputNumber
                min={-180}
                max={180}
                step={0.0001}
                precision={6}
                style={{ width: '100%' }}
                data-testid="org-lng"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
