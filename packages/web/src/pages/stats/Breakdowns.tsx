/**
 * The breakdowns the monthly form asks for: the person's facts (sex, age band, health, home
 * province, special groups) of the assistance figures, the assistance categories, discharge
 * types, items and shelters by kind, leads by source and outcome. Each is a bar table — the
 * bar, the number (which opens its records) and its share — in the order the domain lists
 * the values, unknown last.
 */
import {
  assistanceCategories,
  dimensionValues,
  dischargeTypes,
  type FigureKey,
  leadSources,
  shelterKinds,
  supplyKinds,
} from '@warmline/domain';
import { Card, Col, Empty, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dimLabel, figureName, formatFigure } from '../../features/stats/labels.ts';
import type { Drill, StatsFigures } from '../../features/stats/types.ts';
import { useLang } from '../../i18n/index.ts';
import { FigureHelp } from './FigureCards.tsx';

type BreakdownKey =
  | 'sex'
  | 'age'
  | 'health'
  | 'province'
  | 'group'
  | 'category'
  | 'type'
  | 'kind'
  | 'shelterKind'
  | 'source'
  | 'outcome';

interface BreakdownSpec {
  key: BreakdownKey;
  /** The figure it breaks down; the person's facts follow the chosen base. */
  figure: FigureKey | 'base';
  dim: string;
  /** The order values are listed in (absent: by size). */
  order?: readonly string[];
  /** Values overlap (special groups): no shares of the total. */
  overlaps?: boolean;
}

const specs: BreakdownSpec[] = [
  { key: 'sex', figure: 'base', dim: 'sex', order: dimensionValues.sex },
  { key: 'age', figure: 'base', dim: 'age', order: dimensionValues.age },
  { key: 'health', figure: 'base', dim: 'health', order: [...(dimensionValues.health ?? []), 'unknown'] },
  { key: 'group', figure: 'base', dim: 'group', order: dimensionValues.group, overlaps: true },
  { key: 'province', figure: 'base', dim: 'province' },
  { key: 'category', figure: 'street_assisted', dim: 'category', order: assistanceCategories },
  { key: 'type', figure: 'discharged', dim: 'type', order: dischargeTypes },
  { key: 'kind', figure: 'items_distributed', dim: 'kind', order: supplyKinds },
  { key: 'shelterKind', figure: 'shelters_opened', dim: 'kind', order: shelterKinds },
  { key: 'source', figure: 'leads', dim: 'source', order: leadSources },
  {
    key: 'outcome',
    figure: 'lead_outcomes',
    dim: 'outcome',
    order: ['resolved', 'not_found', 'closed', 'spam', 'duplicate'],
  },
];

const bases: FigureKey[] = ['assisted', 'street_assisted', 'station_admitted'];

export function Breakdowns({ data, onDrill }: { data: StatsFigures; onDrill: Drill }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const [base, setBase] = useState<FigureKey>('assisted');
  return (
    <Card
      title={t('stats.breakdowns')}
      className="wl-stats-card"
      extra={
        <span className="wl-breakdown-base">
          <Typography.Text type="secondary" className="wl-hide-phone">
            {t('stats.breakdownBase')}
          </Typography.Text>
          <Segmented<FigureKey>
            size="small"
            value={base}
            onChange={setBase}
            options={bases.map((f) => ({ value: f, label: figureName(f, key) }))}
            data-testid="stats-breakdown-base"
          />
        </span>
      }
      data-testid="stats-breakdowns"
    >
      <Row gutter={[16, 16]}>
        {specs.map((s) => {
          const figure = s.figure === 'base' ? base : s.figure;
          return (
            <Col key={s.key} xs={24} md={12} xl={8}>
              <BreakdownTable
                spec={s}
                figure={figure}
                total={data.figures[figure]}
                cells={data.breakdowns[figure] ?? {}}
                onDrill={(dim) => onDrill(figure, dim)}
              />
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

function BreakdownTable({
  spec,
  figure,
  total,
  cells,
  onDrill,
}: {
  spec: BreakdownSpec;
  figure: FigureKey;
  total: number | null;
  cells: Record<string, number>;
  onDrill: (dim: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { key } = useLang();
  const prefix = `${spec.dim}:`;
  const values = Object.entries(cells)
    .filter(([d, n]) => d.startsWith(prefix) && n > 0)
    .map(([d, n]) => ({ dim: d, value: d.slice(prefix.length), n }));
  const rank = (v: string) => {
    if (v === 'unknown') return Number.MAX_SAFE_INTEGER;
    const i = spec.order?.indexOf(v) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER - 1 : i;
  };
  values.sort((a, b) => (spec.order ? rank(a.value) - rank(b.value) : 0) || b.n - a.n);
  const sum = values.reduce((n, v) => n + v.n, 0);
  const max = Math.max(1, ...values.map((v) => v.n));
  const denominator = spec.overlaps ? (total ?? 0) : sum;
  return (
    <section className="wl-breakdown" data-testid="breakdown" data-breakdown={spec.key} data-figure={figure}>
      <div className="wl-breakdown-head">
        <Typography.Text strong>{t(`stats.breakdown.${spec.key}`)}</Typography.Text>
        <Typography.Text type="secondary" className="wl-breakdown-of">
          {figureName(figure, key)} <FigureHelp figure={figure} />
        </Typography.Text>
      </div>
      {values.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.noData')} />
      ) : (
        <table className="wl-breakdown-table">
          <tbody>
            {values.map((v) => (
              <tr key={v.dim}>
                <th scope="row">{dimLabel(i18n, key, v.dim)}</th>
                <td className="wl-bar-cell">
                  <span className="wl-bar" style={{ width: `${(v.n / max) * 100}%` }} />
                </td>
                <td className="wl-num-cell">
                  <button
                    type="button"
                    className="wl-cell-number"
                    onClick={() => onDrill(v.dim)}
                    data-testid="breakdown-value"
                    data-dim={v.dim}
                    data-value={v.n}
                  >
                    {formatFigure(v.n)}
                  </button>
                </td>
                <td className="wl-share-cell">
                  {denominator > 0 ? `${((v.n / denominator) * 100).toFixed(1)}%` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Typography.Text type="secondary" className="wl-breakdown-foot">
        {spec.overlaps ? t('stats.overlapNote') : t('stats.sumNote', { total: formatFigure(sum) })}
      </Typography.Text>
    </section>
  );
}
