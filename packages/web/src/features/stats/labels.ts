/**
 * Names for what the figures are broken down by: the domain's labels where it has them
 * (assistance categories, discharge types, supply kinds, lead sources, shelter kinds, provinces),
 * the dashboard's words for the person's facts; an unknown value shows its code.
 */
import {
  assistanceCategoryLabels,
  dischargeTypeLabels,
  type FigureKey,
  figureDefinitions,
  leadSourceLabels,
  provinces,
  shelterKindLabels,
  supplyKindLabels,
} from '@warmline/domain';
import type { i18n as I18n } from 'i18next';
import type { LabelKey } from '../../i18n/index.ts';

type Labels = Record<string, { zh: string; en: string }>;

const domainLabels: Record<string, Labels> = {
  category: assistanceCategoryLabels,
  type: dischargeTypeLabels,
  kind: { ...supplyKindLabels, ...shelterKindLabels },
  source: leadSourceLabels,
};

/** 'sex:male' → 男; 'province:43' → 湖南; 'kind:coat' → 棉衣. */
export function dimLabel(i18n: I18n, key: LabelKey, dim: string): string {
  const at = dim.indexOf(':');
  const name = dim.slice(0, at);
  const value = dim.slice(at + 1);
  if (value === 'unknown') return String(i18n.t('stats.dim.unknown'));
  if (name === 'province') return provinces[value] ?? value;
  const fromDomain = domainLabels[name]?.[value];
  if (fromDomain) return fromDomain[key];
  const k = `stats.dim.${name}.${value}`;
  return i18n.exists(k) ? String(i18n.t(k as never)) : value;
}

export const figureName = (figure: FigureKey, key: LabelKey) => figureDefinitions[figure][key];
export const figureUnit = (figure: FigureKey, key: LabelKey) => figureDefinitions[figure].unit[key];

/** Big numbers with thousands separators; a median of nothing is a dash. */
export function formatFigure(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('zh-CN');
}
