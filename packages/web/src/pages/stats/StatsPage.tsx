/**
 * 数据看板: a bureau's campaign figures for its region (or one below it) over a period —
 * headline cards, the trend by day, the sub-regions on a map and ranked, the breakdowns — all
 * from /api/stats, derived from the records. Every number opens the records behind it.
 * The region and the period live in the address (`?region=&from=&to=`), so a view can be
 * reloaded, sent on, and the browser's back button walks back up the regions.
 */
import { isRegionCode, regionLevel } from '@warmline/domain';
import { Alert, Button, Card, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useStatsChildren, useStatsFigures, useStatsTrend } from '../../features/stats/hooks.ts';
import { beijingToday, type Period, periodFrom } from '../../features/stats/period.ts';
import type { Drill, DrillTarget } from '../../features/stats/types.ts';
import { useLang } from '../../i18n/index.ts';
import { Breakdowns } from './Breakdowns.tsx';
import { ChildrenSection } from './ChildrenSection.tsx';
import { FigureCards } from './FigureCards.tsx';
import { PeriodBar } from './PeriodBar.tsx';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import { RegionBar } from './RegionBar.tsx';
import { TrendCard } from './TrendCard.tsx';
import './stats.css';

export function StatsPage() {
  const { t } = useTranslation();
  const { key } = useLang();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const today = beijingToday();
  // A township user's figures are their county's (the server does the same).
  const own = me.regionCode.slice(0, 6);
  const region = params.get('region') ?? own;
  const period = periodFrom(params.get('from'), params.get('to'), today);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const figures = useStatsFigures(region, period);
  const trend = useStatsTrend(region, period);
  const level = isRegionCode(region) ? regionLevel(region) : null;
  // Figures are kept down to counties: a county has no sub-regions to rank.
  const hasChildren = level !== 'county' && level !== 'township';
  const children = useStatsChildren(region, period, hasChildren && !figures.isError);

  const go = (next: { region?: string; period?: Period }) => {
    const p = next.period ?? period;
    const r = next.region ?? region;
    setParams({ ...(r !== own ? { region: r } : {}), from: p.from, to: p.to });
  };

  const regionName = figures.data?.region.code === region ? figures.data.region.name : '';
  const onDrill: Drill = (figure, dim = '', scope = {}) =>
    setDrill({
      figure,
      dim,
      region: scope.region ?? { code: region, name: regionName },
      from: scope.from ?? period.from,
      to: scope.to ?? period.to,
      value:
        scope.value ??
        (dim ? (figures.data?.breakdowns[figure]?.[dim] ?? 0) : (figures.data?.figures[figure] ?? null)),
    });

  const missing = figures.error instanceof ApiError && figures.error.status === 404;

  return (
    <div
      className="wl-stats"
      data-testid="stats-page"
      data-region={region}
      data-from={period.from}
      data-to={period.to}
    >
      <Card className="wl-stats-head">
        <div className="wl-stats-title">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('stats.title')}
            </Typography.Title>
            <Typography.Text type="secondary" className="wl-hide-phone">
              {t('stats.intro')}
            </Typography.Text>
          </div>
          {regionName && (
            <Typography.Text strong className="wl-stats-scope" data-testid="stats-scope">
              {t('stats.asOf', { region: regionName, from: period.from, to: period.to })}
            </Typography.Text>
          )}
        </div>
        <div className="wl-stats-toolbar">
          <RegionBar
            own={own}
            region={region}
            subRegions={children.data?.items}
            onChange={(r) => go({ region: r })}
          />
          <PeriodBar period={period} today={today} onChange={(p) => go({ period: p })} />
        </div>
      </Card>

      {missing ? (
        <Card>
          <Result
            status="warning"
            title={t('stats.notFound.title')}
            subTitle={t('stats.notFound.text')}
            extra={
              <Button type="primary" onClick={() => go({ region: own })} data-testid="stats-back-home">
                {t('stats.notFound.back')}
              </Button>
            }
            data-testid="stats-not-found"
          />
        </Card>
      ) : figures.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('stats.failed', { message: errorText(figures.error, key) })}
          data-testid="stats-error"
        />
      ) : !figures.data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <FigureCards data={figures.data} loading={figures.isFetching} onDrill={onDrill} />
          <TrendCard days={trend.data?.days} loading={trend.isLoading} onDrill={onDrill} />
          {hasChildren ? (
            <ChildrenSection
              region={region}
              period={period}
              items={children.data?.items}
              loading={children.isLoading}
              onOpen={(code) => go({ region: code })}
              onDrill={onDrill}
            />
          ) : (
            <Alert type="info" showIcon title={t('stats.lowest')} data-testid="stats-lowest" />
          )}
          <Breakdowns data={figures.data} onDrill={onDrill} />
        </>
      )}
      <RecordsDrawer target={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
