/**
 * The regions one level down: a choropleth of one figure (the foundation's county outlines,
 * see features/stats/geo.ts) beside the ranked table of every headline figure. A row or a
 * region on the map moves the dashboard there; a number in the table opens its records.
 */
import { useQuery } from '@tanstack/react-query';
import { type FigureKey, figureDefinitions, regionLevel } from '@warmline/domain';
import { Alert, Card, Col, Row, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsOption } from 'echarts';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../features/stats/Chart.tsx';
import { choroplethRange } from '../../features/stats/echarts.ts';
import { loadChildMap } from '../../features/stats/geo.ts';
import { headlineFigures } from '../../features/stats/headline.ts';
import { figureName, figureUnit, formatFigure } from '../../features/stats/labels.ts';
import type { Period } from '../../features/stats/period.ts';
import type { Drill, StatsChild } from '../../features/stats/types.ts';
import { useLang } from '../../i18n/index.ts';
import { FigureHelp } from './FigureCards.tsx';

export function ChildrenSection({
  region,
  period,
  items,
  loading,
  onOpen,
  onDrill,
}: {
  region: string;
  period: Period;
  items: StatsChild[] | undefined;
  loading: boolean;
  onOpen: (code: string) => void;
  onDrill: Drill;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const [metric, setMetric] = useState<FigureKey>('assisted');
  // Outlines exist for a city's counties and, through them, a province's cities; not for
  // the provinces of the nation (see features/stats/geo.ts): the ranking alone there.
  const mapped = regionLevel(region) === 'city' || regionLevel(region) === 'province';
  const list = items ?? [];
  const metricSelect = (
    <Select<FigureKey>
      value={metric}
      onChange={setMetric}
      size="small"
      style={{ width: 200 }}
      aria-label={t('stats.mapFigure')}
      options={headlineFigures.map((f) => ({ value: f, label: figureName(f, key) }))}
      data-testid="stats-map-figure"
    />
  );
  return (
    <>
      <Row gutter={[16, 16]}>
        {mapped && (
          <Col xs={24} xl={10}>
            <Card
              title={t('stats.map')}
              extra={metricSelect}
              className="wl-stats-card"
              data-testid="stats-map-card"
            >
              <ChildMap region={region} items={list} metric={metric} loading={loading} onOpen={onOpen} />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={mapped ? 14 : 24}>
          <Card
            title={t('stats.ranking', { figure: figureName(metric, key) })}
            extra={
              mapped ? null : (
                <span className="wl-breakdown-base">
                  <Typography.Text type="secondary" className="wl-hide-phone" data-testid="stats-map-none">
                    {t('stats.mapNone')}
                  </Typography.Text>
                  {metricSelect}
                </span>
              )
            }
            className="wl-stats-card"
            data-testid="stats-ranking"
          >
            <RankingChart items={list} metric={metric} loading={loading} onOpen={onOpen} />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('stats.rollup')}
        extra={
          <Typography.Text type="secondary" className="wl-hide-phone">
            {t('stats.rollupHint')}
          </Typography.Text>
        }
        className="wl-stats-card"
        data-testid="stats-rollup"
      >
        <RankedTable
          items={list}
          metric={metric}
          loading={loading}
          onOpen={onOpen}
          onDrill={(child, figure) =>
            onDrill(figure, '', {
              region: { code: child.code, name: child.name },
              from: period.from,
              to: period.to,
              value: child.figures[figure],
            })
          }
        />
      </Card>
    </>
  );
}

/** The sub-regions by the chosen figure, most first; a bar opens that region. */
function RankingChart({
  items,
  metric,
  loading,
  onOpen,
}: {
  items: StatsChild[];
  metric: FigureKey;
  loading: boolean;
  onOpen: (code: string) => void;
}) {
  const { key } = useLang();
  if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  const rows = ranked(items, metric);
  const option: EChartsOption = {
    grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((c) => c.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c9d6e3' } },
      axisLabel: { color: '#33475b', fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        name: figureName(metric, key),
        barMaxWidth: 16,
        data: rows.map((c, i) => ({
          value: c.figures[metric] ?? 0,
          itemStyle: { color: i < 3 ? '#1d5fa8' : '#7fa6d4', borderRadius: [0, 3, 3, 0] },
        })),
        label: {
          show: true,
          position: 'right',
          color: '#0f2f52',
          formatter: (p) => `${formatFigure(Number((p as { value: number }).value))}`,
        },
      },
    ],
  };
  return (
    <Chart
      option={option}
      height={Math.max(360, rows.length * 24)}
      data-testid="stats-ranking-chart"
      onClick={(p) => {
        const c = rows[p.dataIndex];
        if (c) onOpen(c.code);
      }}
    />
  );
}

/** Most first by the figure; a median of nothing goes last; ties by code. */
function ranked(items: StatsChild[], metric: FigureKey): StatsChild[] {
  return [...items].sort(
    (a, b) => (b.figures[metric] ?? -1) - (a.figures[metric] ?? -1) || a.code.localeCompare(b.code),
  );
}

function ChildMap({
  region,
  items,
  metric,
  loading,
  onOpen,
}: {
  region: string;
  items: StatsChild[];
  metric: FigureKey;
  loading: boolean;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const codes = items.map((c) => c.code);
  // Not under 'stats': the live stream refreshes the figures, never the outlines.
  const geo = useQuery({
    queryKey: ['boundaries', 'stats', region, codes.join(',')],
    queryFn: () => loadChildMap(region, codes),
    enabled: codes.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (loading || (codes.length > 0 && geo.isLoading))
    return <Skeleton.Node active style={{ width: '100%', height: 360 }} />;
  if (!geo.data)
    return <Alert type="info" showIcon title={t('stats.mapNone')} data-testid="stats-map-none" />;
  const { mapName, childOf } = geo.data;
  const byCode = new Map(items.map((c) => [c.code, c]));
  const values = items.map((c) => c.figures[metric] ?? 0);
  const max = Math.max(1, ...values);
  // In a province's map counties carry their city's value, and a county's label would name
  // the wrong thing: names are labelled on a city's map only, the tooltip names the city.
  const entries = Object.entries(childOf);
  const labelled = entries.every(([feature, child]) => feature === child);
  const data = entries.map(([feature, child]) => ({
    name: feature,
    value: byCode.get(child)?.figures[metric] ?? 0,
    child,
    label: { show: labelled },
  }));
  const unit = figureUnit(metric, key);
  const option: EChartsOption = {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = (p as { data?: { child?: string; value?: number } }).data;
        const c = d?.child ? byCode.get(d.child) : undefined;
        return c
          ? `${c.name}<br/>${figureName(metric, key)}：<b>${formatFigure(c.figures[metric])}</b> ${unit}`
          : '';
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 0,
      bottom: 0,
      itemHeight: 90,
      text: [String(max), '0'],
      textStyle: { color: '#52667a' },
      inRange: { color: choroplethRange },
      calculable: false,
    },
    series: [
      {
        type: 'map',
        map: mapName,
        roam: false,
        selectedMode: false,
        label: {
          formatter: (p) => byCode.get(childOf[(p as { name: string }).name] ?? '')?.name ?? '',
          fontSize: 11,
          color: '#0f2f52',
          textBorderColor: '#fff',
          textBorderWidth: 2,
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#eef3f9' },
        emphasis: {
          label: { show: true },
          itemStyle: { areaColor: '#e8792b' },
        },
        data,
      },
    ],
  };
  return (
    <Chart
      option={option}
      height={360}
      data-testid="stats-map"
      onClick={(p) => {
        const child = childOf[p.name];
        if (child) onOpen(child);
      }}
    />
  );
}

function RankedTable({
  items,
  metric,
  loading,
  onOpen,
  onDrill,
}: {
  items: StatsChild[];
  metric: FigureKey;
  loading: boolean;
  onOpen: (code: string) => void;
  onDrill: (child: StatsChild, figure: FigureKey) => void;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  // Ranked by the map's figure.
  const rows = ranked(items, metric);
  const columns: ColumnsType<StatsChild> = [
    {
      title: t('stats.rank'),
      key: 'rank',
      width: 56,
      fixed: 'left',
      align: 'center',
      render: (_, __, i) => <span className="wl-rank">{i + 1}</span>,
    },
    {
      title: t('stats.name'),
      dataIndex: 'name',
      width: 120,
      fixed: 'left',
      render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
    },
    ...headlineFigures.map((f) => ({
      title: (
        <span className="wl-th">
          {figureName(f, key)}
          <FigureHelp figure={f} />
        </span>
      ),
      key: f,
      width: 92,
      align: 'right' as const,
      className: f === metric ? 'wl-col-metric' : undefined,
      sorter: (a: StatsChild, b: StatsChild) => (a.figures[f] ?? -1) - (b.figures[f] ?? -1),
      render: (_: unknown, c: StatsChild) => (
        <button
          type="button"
          className="wl-cell-number"
          title={`${c.name} · ${figureDefinitions[f][key]}`}
          onClick={(e) => {
            e.stopPropagation();
            onDrill(c, f);
          }}
          data-testid="rollup-value"
          data-figure={f}
          data-value={c.figures[f] ?? ''}
        >
          {formatFigure(c.figures[f])}
        </button>
      ),
    })),
  ];
  return (
    <Table<StatsChild>
      rowKey="code"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 176 + headlineFigures.length * 92 }}
      sticky
      locale={{ emptyText: t('stats.noData') }}
      onRow={(c) =>
        ({
          onClick: () => onOpen(c.code),
          className: 'wl-rollup-row',
          'data-testid': 'rollup-row',
          'data-code': c.code,
          'data-name': c.name,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
