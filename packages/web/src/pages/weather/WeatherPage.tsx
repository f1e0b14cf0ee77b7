/**
 * 气象预警 (`/weather`): the warnings in force and the recent ones, each with its signal, regions,
 * times, source and the criteria for reference; a warning whose areas matched no region is
 * flagged 待人工核对. Managers upload a CAP file, type in one heard on the TV (手工录入), and keep
 * tonight's forecast minimum per county.
 */
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { capErrorText } from '../../features/weather/cap-errors.ts';
import { useWarnings, useWeatherRegions } from '../../features/weather/hooks.ts';
import type { IngestResult } from '../../features/weather/types.ts';
import { useLang } from '../../i18n/index.ts';
import { ForecastTable } from './ForecastTable.tsx';
import { ManualWarningModal } from './ManualWarningModal.tsx';
import { WarningList } from './WarningList.tsx';

/** As the server caps a CAP document (cap.ts MAX_CAP_BYTES). */
const MAX_CAP_BYTES = 512 * 1024;

export function WeatherPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const manage = can('weather.manage');
  const [tab, setTab] = useState<'active' | 'recent'>('active');
  const [manual, setManual] = useState(false);
  const warnings = useWarnings(tab === 'active');
  const regions = useWeatherRegions(me);

  const upload = useMutation({
    mutationFn: (file: File) => api.upload<IngestResult>('/api/weather/cap', file, 'text/xml'),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['weather'] });
      if (r.duplicate) message.info(t('weather.upload.duplicate'));
      else if (r.warnings.length || r.ended.length)
        message.success(
          [
            r.warnings.length ? t('weather.upload.stored', { count: r.warnings.length }) : '',
            r.ended.length ? t('weather.upload.ended', { count: r.ended.length }) : '',
          ]
            .filter(Boolean)
            .join('，'),
        );
      else message.warning(t('weather.upload.nothing'));
      if (r.ignored.length) message.warning(t('weather.upload.ignored', { events: r.ignored.join('、') }));
    },
  });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('weather.title')}
            </Typography.Title>
            {manage && (
              <Space wrap>
                <Upload
                  accept=".xml,text/xml,application/xml,application/cap+xml"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload.reset();
                    if (file.size > MAX_CAP_BYTES) message.error(t('weather.upload.tooLarge'));
                    else upload.mutate(file);
                    return false;
                  }}
                >
                  <Button
                    icon={<UploadOutlined />}
                    loading={upload.isPending}
                    title={t('weather.upload.hint')}
                    data-testid="cap-upload"
                  >
                    {t('weather.upload.button')}
                  </Button>
                </Upload>
                <Button icon={<EditOutlined />} onClick={() => setManual(true)} data-testid="manual-open">
                  {t('weather.manual.button')}
                </Button>
              </Space>
            )}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('weather.intro')}
          </Typography.Paragraph>
          {upload.error && (
            <Alert
              type="error"
              showIcon
              closable
              onClose={() => upload.reset()}
              title={capErrorText(upload.error, key, t)}
              data-testid="cap-error"
            />
          )}
        </Space>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'active' | 'recent')}
          items={(['active', 'recent'] as const).map((k) => ({
            key: k,
            label: <span data-testid={`weather-tab-${k}`}>{t(`weather.tabs.${k}`)}</span>,
          }))}
        />
        {warnings.isError ? (
          <Alert type="error" showIcon title={capErrorText(warnings.error, key, t)} />
        ) : (
          <WarningList
            items={warnings.data?.items ?? []}
            loading={warnings.isLoading}
            empty={t(`weather.empty.${tab}`)}
          />
        )}
      </Card>
      <ForecastTable counties={regions.counties} loading={regions.loading} editable={manage} />
      {manual && <ManualWarningModal areas={regions.areas} onClose={() => setManual(false)} />}
    </Space>
  );
}
