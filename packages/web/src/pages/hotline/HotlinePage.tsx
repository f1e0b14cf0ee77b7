/**
 * The 24-hour hotline console: turn a call into a lead in under a minute, from the keyboard.
 * The caller's number gets the focus; digits 1–8 (outside text boxes) toggle what the caller
 * saw; Ctrl+Enter files the lead. The last calls stay in view for a call-back.
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type LeadDescriptor,
  leadDescriptorLabels,
  leadDescriptors,
  leadStateLabels,
  phonePattern,
} from '@warmline/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  type InputRef,
  List,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { formatTime } from '../../app/format.ts';
import type { Lead, Page } from '../../app/types.ts';
import { RegionSelect } from '../../features/regions/RegionSelect.tsx';
import { useLang } from '../../i18n/index.ts';

const toggled = (s: LeadDescriptor[], d: LeadDescriptor) =>
  s.includes(d) ? s.filter((x) => x !== d) : [...s, d];

interface CallForm {
  reporterPhone?: string;
  callBack: boolean;
  address?: string;
  regionCode?: string;
  description?: string;
}

export function HotlinePage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CallForm>();
  const [seen, setSeen] = useState<LeadDescriptor[]>([]);
  const [filed, setFiled] = useState<Lead | null>(null);
  const phoneRef = useRef<InputRef>(null);

  const recent = useQuery({
    queryKey: ['leads', { source: 'hotline', pageSize: 8 }],
    queryFn: () => api.get<Page<Lead>>('/api/leads', { source: 'hotline', pageSize: 8 }),
  });
  const file = useMutation({
    mutationFn: (values: CallForm) =>
      api.post<Lead>('/api/leads', {
        descriptors: seen,
        ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')),
      }),
    onSuccess: (lead) => {
      setFiled(lead);
      setSeen([]);
      form.resetFields();
      phoneRef.current?.focus();
      message.success(t('hotline.filed', { code: lead.trackingCode }));
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
    },
  });

  const toggle = (d: LeadDescriptor) => setSeen((s) => toggled(s, d));

  useEffect(() => {
    phoneRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.submit();
        return;
      }
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      const d = leadDescriptors[Number(e.key) - 1];
      if (!typing && d && !e.ctrlKey && !e.altKey && !e.metaKey) setSeen((s) => toggled(s, d));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  return (
    <Row gutter={[16, 16]} data-testid="hotline-page">
      <Col xs={24} lg={15}>
        <Card
          title={t('hotline.title')}
          extra={<Typography.Text type="secondary">{t('hotline.keys')}</Typography.Text>}
        >
          {file.error && (
            <Alert
              type="error"
              showIcon
              title={errorText(file.error, key)}
              style={{ marginBottom: 16 }}
              data-testid="hotline-error"
            />
          )}
          {filed && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="hotline-filed"
              title={t('hotline.filed', { code: filed.trackingCode })}
            />
          )}
          <Form<CallForm>
            form={form}
            layout="vertical"
            initialValues={{ callBack: true, regionCode: me.regionCode }}
            onFinish={(values) => file.mutate(values)}
          >
            <Row gutter={12}>
              <Col xs={24} sm={14}>
                <Form.Item
                  label={t('hotline.phone')}
                  name="reporterPhone"
                  rules={[{ pattern: phonePattern, message: t('hotline.phoneInvalid') }]}
                >
                  <Input ref={phoneRef} inputMode="tel" data-testid="hotline-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={10}>
                <Form.Item name="callBack" valuePropName="checked" label=" ">
                  <Checkbox data-testid="hotline-callback">{t('hotline.callBack')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('hotline.seen')}>
              <Space size={[8, 8]} wrap data-testid="hotline-descriptors">
                {leadDescriptors.map((d, i) => (
                  <Tag.CheckableTag
                    key={d}
                    checked={seen.includes(d)}
                    onChange={() => toggle(d)}
                    data-testid={`hotline-descriptor-${d}`}
                    style={{ fontSize: 15, padding: '4px 10px' }}
                  >
                    {i + 1} · {leadDescriptorLabels[d][key]}
                  </Tag.CheckableTag>
                ))}
              </Space>
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={14}>
                <Form.Item label={t('hotline.address')} name="address" rules={[{ max: 200 }]}>
                  <Input placeholder={t('hotline.addressHint')} data-testid="hotline-address" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={10}>
                <Form.Item label={t('hotline.region')} name="regionCode">
                  <RegionSelect data-testid="hotline-region" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('hotline.description')} name="description" rules={[{ max: 1000 }]}>
              <Input.TextArea rows={3} showCount maxLength={1000} data-testid="hotline-description" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={file.isPending}
              data-testid="hotline-submit"
              size="large"
            >
              {t('hotline.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={t('hotline.recent')} data-testid="hotline-recent">
          <List<Lead>
            dataSource={recent.data?.items ?? []}
            locale={{ emptyText: t('hotline.none') }}
            renderItem={(lead) => (
              <List.Item data-testid={`hotline-recent-${lead.trackingCode}`}>
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Space>
                    <Typography.Text strong>{lead.trackingCode}</Typography.Text>
                    <Tag>{leadStateLabels[lead.state][key]}</Tag>
                    {lead.callBack && <Tag color="blue">{t('hotline.callBackTag')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary">
                    {formatTime(lead.receivedAt, 'MM-DD HH:mm')} · {lead.address ?? lead.regionName} ·{' '}
                    {lead.reporterPhoneMasked ?? '—'}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
