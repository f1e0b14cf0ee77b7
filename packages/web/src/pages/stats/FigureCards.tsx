/**
 * The headline cards, grouped as the campaign report reads. Each number is a button that opens
 * the records behind it; the ? beside each name shows the figure's written definition.
 */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { type FigureKey, figureDefinitions } from '@warmline/domain';
import { Card, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { headlineGroups } from '../../features/stats/headline.ts';
import { figureName, figureUnit, formatFigure } from '../../features/stats/labels.ts';
import type { Drill, StatsFigures } from '../../features/stats/types.ts';
import { useLang } from '../../i18n/index.ts';

export function FigureHelp({ figure }: { figure: FigureKey }) {
  const { t } = useTranslation();
  const { key } = useLang();
  const d = figureDefinitions[figure];
  return (
    <Tooltip
      title={
        <div data-testid="figure-definition">
          <div style={{ fontWeight: 600, marginBottom: 4 }}>
            {d[key]}（{d.unit[key]}，{t(`stats.kind.${d.kind}`)}）
          </div>
          {d.definition[key]}
        </div>
      }
    >
      <QuestionCircleOutlined
        className="wl-figure-help"
        aria-label={`${t('stats.help')}：${d[key]}`}
        data-testid="figure-help"
      />
    </Tooltip>
  );
}

export function FigureCards({
  data,
  loading,
  onDrill,
}: {
  data: StatsFigures;
  loading: boolean;
  onDrill: Drill;
}) {
  const { t } = useTranslation();
  const { key } = useLang();
  return (
    <Card
      title={t('stats.headline')}
      className="wl-stats-card"
      data-testid="stats-headline"
      data-loading={loading}
    >
      <div className="wl-figure-groups">
        {headlineGroups.map((g) => (
          <section key={g.key} className={`wl-figure-group wl-figure-group-${g.key}`}>
            <Typography.Text type="secondary" className="wl-figure-group-name">
              {t(`stats.groups.${g.key}`)}
            </Typography.Text>
            <div className="wl-figure-row">
              {g.figures.map((f) => {
                const value = data.figures[f];
                return (
                  <div key={f} className="wl-figure" data-testid="figure-card" data-figure={f}>
                    <div className="wl-figure-name">
                      <span>{figureName(f, key)}</span>
                      <FigureHelp figure={f} />
                    </div>
                    <button
                      type="button"
                      className="wl-figure-value"
                      onClick={() => onDrill(f)}
                      data-testid="figure-value"
                      data-value={value ?? ''}
                    >
                      <span className="wl-figure-number">{formatFigure(value)}</span>
                      <span className="wl-figure-unit">{figureUnit(f, key)}</span>
                    </button>
                  </div>
                );
              })}
            </div>
          </section>
        ))}
      </div>
    </Card>
  );
}
