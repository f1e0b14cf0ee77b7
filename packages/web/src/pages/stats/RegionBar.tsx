/**
 * Where the dashboard stands: the way down from the user's own region (each step clickable
 * back up) and a choice of the regions one level down. Nothing above the user's jurisdiction
 * is offered; the server would answer 404 for it anyway.
 */
import { isWithinRegion } from '@warmline/domain';
import { Breadcrumb, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { useRegion } from '../../features/regions/RegionSelect.tsx';
import type { StatsChild } from '../../features/stats/types.ts';

export function RegionBar({
  own,
  region,
  subRegions,
  onChange,
}: {
  own: string;
  region: string;
  subRegions: StatsChild[] | undefined;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const current = useRegion(region);
  // Out of the jurisdiction (404) there is no path to show: offer the way home.
  const path = current.isError
    ? [{ code: own, name: me.regionName }]
    : [...(current.data?.path ?? []), ...(current.data ? [current.data] : [])].filter((r) =>
        isWithinRegion(r.code, own),
      );
  return (
    <Space size={12} wrap data-testid="stats-region-bar">
      <Typography.Text type="secondary">{t('stats.region')}</Typography.Text>
      <Breadcrumb
        data-testid="stats-breadcrumb"
        items={path.map((r) => ({
          key: r.code,
          title:
            r.code === region ? (
              <Typography.Text strong data-testid="stats-region-current">
                {r.name}
              </Typography.Text>
            ) : (
              <a
                href={`?region=${r.code}`}
                onClick={(e) => {
                  e.preventDefault();
                  onChange(r.code);
                }}
                data-testid="stats-region-up"
              >
                {r.name}
              </a>
            ),
        }))}
      />
      {subRegions && subRegions.length > 0 && (
        <Select<string>
          value={null as unknown as string}
          placeholder={t('stats.downPlaceholder')}
          style={{ minWidth: 180 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={subRegions.map((c) => ({ value: c.code, label: c.name }))}
          onChange={onChange}
          aria-label={t('stats.down')}
          data-testid="stats-region-down"
        />
      )}
    </Space>
  );
}
