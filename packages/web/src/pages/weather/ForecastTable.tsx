/**
 * 今夜最低气温: each county's forecast minimum tonight and the next nights. The re-check intervals
 * of the street (assistance.ts) and the response level read tonight's; a manager corrects a
 * night by clicking its cell.
 */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { dayjs } from '../../app/format.ts';
import { tonight, useForecasts } from '../../features/weather/hooks.ts';
import type { Forecast } from '../../features/weather/types.ts';
import { useLang } from '../../i18n/index.ts';

const NIGHTS = 4;
interface Row {
  code: string;
  name: string;
  nights: Record<string, Forecast | undefined>;
}

const tempColour = (c: number) => (c <= 0 ? '#1d4ed8' : c <= 4 ? '#0891b2' : undefined);

function MinCell({ row, night, editable }: { row: Row; night: string; editable: boolean }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const f = row.nights[night];
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<number | null>(f?.minC ?? null);
  const save = useMutation({
    mutationFn: (minC: number) => api.put('/api/weather/forecasts', { regionCode: row.code, night, minC }),
    onSuccess: (_r, minC) => {
      message.success(t('weather.forecast.saved', { region: row.name, date: night.slice(5), minC }));
      void queryClient.invalidateQueries({ queryKey: ['weather', 'forecasts'] });
      setEditing(false);
    },
    onError: (e) => message.error(errorText(e, key)),
  });
  const cell = { 'data-testid': 'forecast-cell', 'data-region': row.code, 'data-night': night };
  if (editing)
    return (
      <Space.Compact {...cell}>
        <InputNumber<number>
          autoFocus
          size="small"
          min={-60}
          max={45}
          step={0.5}
          value={value}
          onChange={setValue}
          onPressEnter={() => value !== null && save.mutate(value)}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          style={{ width: 84 }}
          suffix="℃"
          data-testid="forecast-input"
        />
        <Button
          size="small"
          type="primary"
          icon={<CheckOutlined />}
          loading={save.isPending}
          disabled={value === null}
          onClick={() => value !== null && save.mutate(value)}
          aria-label={t('common.save')}
          data-testid="forecast-save"
        />
        <Button
          size="small"
          icon={<CloseOutlined />}
          onClick={() => setEditing(false)}
          aria-label={t('common.cancel')}
        />
      </Space.Compact>
    );
  const shown = f ? (
    <Typography.Text strong style={{ color: tempColour(f.minC) }} data-testid="forecast-value">
      {f.minC}℃
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">{t('weather.forecast.unset')}</Typography.Text>
  );
  return editable ? (
    <Button
      type="text"
      size="small"
      title={t('weather.forecast.edit')}
      onClick={() => {
        setValue(f?.minC ?? null);
        setEditing(true);
      }}
      {...cell}
    >
      {shown}
    </Button>
  ) : (
    <span {...cell}>{shown}</span>
  );
}

export function ForecastTable({
  counties,
  loading,
  editable,
}: {
  counties: { code: string; name: string }[];
  loading: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const first = tonight();
  const nights = Array.from({ length: NIGHTS }, (_, i) => dayjs(first).add(i, 'day').format('YYYY-MM-DD'));
  const forecasts = useForecasts(first, NIGHTS);
  const rows: Row[] = counties.map((c) => ({
    ...c,
    nights: Object.fromEntries(
      nights.map((n) => [n, forecasts.data?.items.find((f) => f.regionCode === c.code && f.night === n)]),
    ),
  }));
  const columns: TableColumnsType<Row> = [
    { title: t('weather.forecast.region'), dataIndex: 'name', fixed: 'left', width: 110 },
    ...nights.map((n, i) => ({
      title: i === 0 ? t('weather.forecast.tonight', { date: n.slice(5) }) : n.slice(5),
      key: n,
      render: (_: unknown, r: Row) => <MinCell row={r} night={n} editable={editable} />,
    })),
  ];
  return (
    <Card title={t('weather.forecast.title')} size="small" data-testid="forecast-table">
      <Typography.Paragraph type="secondary">{t('weather.forecast.intro')}</Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="code"
        loading={loading || forecasts.isLoading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
