/** The headline figures day by day; a day's point opens that day's records. */
import { type FigureKey, figureKeys } from '@warmline/domain';
import { Card, Skeleton, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../features/stats/Chart.tsx';
import { chartColors } from '../../features/stats/echarts.ts';
import { trendFigures } from '../../features/stats/headline.ts';
import { figureName } from '../../features/stats/labels.ts';
import type { Drill, StatsTrendDay } from '../../features/stats/types.ts';
import { useLang } from '../../i18n/index.ts';

export function TrendCard({
  days,
  loading,
  onDrill,
}: {
  days: StatsTrendDay[] | undefined;
  loading: boolean;
  onDrill: Drill;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  const list = days ?? [];
  const byName = new Map(trendFigures.map((f) => [figureName(f, key), f]));
  const option: EChartsOption = {
    color: chartColors,
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: list.map((d) => d.day.slice(5)),
      axisLine: { lineStyle: { color: '#9fb3c8' } },
      axisLabel: { color: '#52667a' },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: '#e6edf5' } },
      axisLabel: { color: '#52667a' },
    },
    series: trendFigures.map((f, i) => ({
      name: figureName(f, key),
      type: 'line',
      smooth: false,
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { width: i === 0 ? 2.5 : 1.5 },
      ...(i === 0 ? { areaStyle: { opacity: 0.08 } } : {}),
      data: list.map((d) => d.figures[f] ?? 0),
    })),
  };
  return (
    <Card
      title={t('stats.trend')}
      className="wl-stats-card"
      extra={
        <Typography.Text type="secondary" className="wl-hide-phone">
          {t('stats.trendHint')}
        </Typography.Text>
      }
      data-testid="stats-trend"
      data-days={list.length}
    >
      {loading && !days ? (
        <Skeleton active />
      ) : (
        <Chart
          option={option}
          height={260}
          onClick={(p) => {
            const day = list[p.dataIndex]?.day;
            const figure = p.seriesName ? byName.get(p.seriesName) : undefined;
            if (!day || !figure || !(figureKeys as readonly string[]).includes(figure)) return;
            onDrill(figure as FigureKey, '', {
              from: day,
              to: day,
              value: list[p.dataIndex]?.figures[figure] ?? 0,
            });
          }}
        />
      )}
    </Card>
  );
}
