/** One card per place: what it is, how far, when it is open, what it offers, call and route. */
import {
  type ShelterAvailability,
  shelterAvailabilityLabels,
  shelterKindLabels,
  shelterServiceLabels,
} from '@warmline/domain';
import { h, icon, icons } from '../report/dom.ts';
import type { FinderPlace } from './api.ts';
import { formatDistance, telHref } from './format.ts';

const phoneIcon =
  'M6.62 10.79a15.05 15.05 0 0 0 6.59 6.59l2.2-2.2a1 1 0 0 1 1.02-.24c1.12.37 2.33.57 3.57.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1C10.61 21 3 13.39 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1.02l-2.2 2.2z';

const availabilityHint: Record<ShelterAvailability, string> = {
  available: '现在开放，有空位',
  full: '现在已满，可先打电话问问，或去下一个',
  later: '现在还没开门',
};

export function placeCard(p: FinderPlace): HTMLElement {
  return h(
    'li',
    {
      class: `card place place-${p.availability}`,
      'data-testid': 'shelter-item',
      'data-name': p.name,
      'data-availability': p.availability,
    },
    h(
      'div',
      { class: 'place-head' },
      h('h2', null, p.name),
      h(
        'span',
        {
          class: `tag tag-${p.availability}`,
          'data-testid': 'shelter-availability',
          title: availabilityHint[p.availability],
        },
        shelterAvailabilityLabels[p.availability].zh,
      ),
    ),
    h(
      'p',
      { class: 'place-meta' },
      shelterKindLabels[p.kind].zh,
      ' · ',
      p.distanceM === null
        ? p.regionName
        : h('strong', { 'data-testid': 'shelter-distance' }, formatDistance(p.distanceM)),
    ),
    h('p', null, h('span', { class: 'label-inline' }, '开放时间 '), p.hoursText),
    p.services.length
      ? h(
          'ul',
          { class: 'services', 'aria-label': '提供' },
          p.services.map((s) => h('li', null, shelterServiceLabels[s].zh)),
        )
      : null,
    h('p', { class: 'hint' }, p.address),
    h(
      'div',
      { class: 'place-actions' },
      p.phone
        ? h(
            'a',
            {
              class: 'btn primary',
              href: telHref(p.phone),
              'data-testid': 'shelter-call',
              'aria-label': `拨打 ${p.name} 电话 ${p.phone}`,
            },
            icon(phoneIcon),
            p.phone,
          )
        : null,
      h(
        'a',
        {
          class: 'btn secondary',
          href: p.routeUrl,
          target: '_blank',
          rel: 'noopener noreferrer',
          'data-testid': 'shelter-route',
        },
        icon(icons.map),
        '路线',
      ),
    ),
  );
}
