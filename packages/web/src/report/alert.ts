/**
 * The public pages' cold-weather banner: when a warning or an emergency response is in force in
 * the city, 「寒潮预警：附近避寒点」 with the warning's own words — on the finder itself, and on
 * the report and sentinel pages as a link to it (the sentinels asked to watch out). Fetched after
 * the page is up; no answer means no banner.
 */
import {
  type ResponseLevel,
  responseLevelLabels,
  type WarningKind,
  warningKindLabels,
} from '@warmline/domain';
import { call } from './api.ts';
import { h } from './dom.ts';

interface PublicAlert {
  level: ResponseLevel | null;
  warnings: { kind: WarningKind; colour: string; headline: string | null }[];
}

/** `ask`: a line for the page's readers (the sentinels are asked to watch out). */
export async function showColdAlert(options: { linkToFinder: boolean; ask?: string }): Promise<void> {
  const result = await call<PublicAlert>('GET', '/api/public/alert');
  if (!result.ok) return;
  const { level, warnings } = result.data;
  if (!level && warnings.length === 0) return;
  const kind = warnings[0]?.kind ?? 'cold_wave';
  const title = `${warningKindLabels[kind]?.zh ?? '寒潮'}预警：附近避寒点`;
  const detail = [
    ...warnings.slice(0, 2).map((w) => w.headline),
    level ? `已启动${responseLevelLabels[level].zh}，避寒场所延长开放` : null,
  ]
    .filter(Boolean)
    .join('。');
  const banner = h(
    'div',
    { class: 'cold-alert', role: 'alert', 'data-testid': 'cold-alert', 'data-level': level ?? '' },
    options.linkToFinder
      ? h('a', { href: '/shelters', class: 'cold-alert-title' }, title)
      : h('strong', { class: 'cold-alert-title' }, title),
    detail ? h('span', { class: 'cold-alert-detail' }, detail) : null,
    options.ask
      ? h('span', { class: 'cold-alert-detail', 'data-testid': 'cold-alert-ask' }, options.ask)
      : null,
  );
  const app = document.getElementById('app');
  app?.parentElement?.insertBefore(banner, app);
}
