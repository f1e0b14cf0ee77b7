/**
 * /shelters — 附近避寒点: the nearest open places to the person (GPS, asked for only after they
 * agree) or to a place they type, with hours, services, a phone to tap and an Amap route. Plain
 * TypeScript on the public pages' helpers (no React, no Ant Design), small enough for a weak
 * network. `?q=曲江` opens with that place searched: a link for notices and text messages. While
 * a warning or response is in force, the 寒潮预警 banner heads the page (report/alert.ts).
 */
import '../report/report.css';
import './shelters.css';
import { showColdAlert } from '../report/alert.ts';
import { failureText } from '../report/api.ts';
import { consentBox } from '../report/consent.ts';
import { h, icon, icons, replace } from '../report/dom.ts';
import { canLocate, locate } from '../report/geo.ts';
import { type FinderQuery, findShelters } from './api.ts';
import { describeOrigin } from './format.ts';
import { placeCard } from './list.ts';

function render(root: HTMLElement): void {
  const status = h('p', {
    class: 'hint finder-status',
    'aria-live': 'polite',
    'data-testid': 'finder-status',
  });
  const results = h('ul', { class: 'places', 'data-testid': 'shelter-list' });
  const place = h('input', {
    id: 'place',
    name: 'q',
    type: 'text',
    maxlength: 40,
    autocomplete: 'off',
    placeholder: '如：韶关站、风采街道、曲江',
    'data-testid': 'place-input',
  });
  const locateButton = h(
    'button',
    { type: 'button', class: 'btn primary big', 'data-testid': 'locate', onclick: () => showConsent() },
    icon(icons.pin),
    '用我的位置查找',
  );
  const consent = consentBox(
    '只读取这一次，用来找离你最近的避寒点，不会保存，也不会跟踪你。手机询问时请点「允许」。',
    () => void useMyLocation(),
    () => hideConsent(),
  );
  const form = h(
    'form',
    {
      class: 'find-by-name',
      novalidate: true,
      'data-testid': 'place-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const q = place.value.trim();
        const url = new URL(window.location.href);
        if (q) url.searchParams.set('q', q);
        else url.searchParams.delete('q');
        window.history.replaceState(null, '', url);
        void search(q ? { q } : null, q);
      },
    },
    h('label', { for: 'place' }, canLocate() ? '或者，输入你在哪里' : '输入你在哪里'),
    h(
      'div',
      { class: 'inline' },
      place,
      h('button', { type: 'submit', class: 'btn secondary', 'data-testid': 'place-submit' }, '查找'),
    ),
  );

  replace(
    root,
    h(
      'header',
      { class: 'intro' },
      h('h1', { tabindex: -1 }, '附近避寒点'),
      h('p', { class: 'lead' }, '天冷了，这些地方可以进去取暖、喝口热水，有的还能过夜。全部免费。'),
    ),
    h(
      'section',
      { class: 'card finder', 'aria-label': '查找' },
      canLocate() ? [locateButton, consent] : null,
      form,
    ),
    status,
    results,
    h(
      'p',
      { class: 'center report-link' },
      '看到有人在寒冷中需要帮助？',
      h('a', { href: '/report' }, '告诉我们在哪里'),
    ),
  );

  let asked = 0;
  async function search(query: FinderQuery, typed?: string): Promise<void> {
    const mine = ++asked;
    status.textContent = '正在查找…';
    results.setAttribute('aria-busy', 'true');
    const result = await findShelters(query);
    if (mine !== asked) return; // a newer question was asked meanwhile
    results.removeAttribute('aria-busy');
    if (!result.ok) {
      status.textContent = failureText(result);
      return;
    }
    const { items } = result.data;
    status.textContent = describeOrigin(result.data, typed);
    replace(
      results,
      items.length
        ? items.map(placeCard)
        : h(
            'li',
            { class: 'card empty' },
            '附近暂时没有开放的避寒点。请拨打 110，或当地救助管理站的电话求助。',
          ),
    );
  }

  function showConsent(): void {
    consent.hidden = false;
    locateButton.hidden = true;
    consent.querySelector('button')?.focus();
  }
  function hideConsent(): void {
    consent.hidden = true;
    locateButton.hidden = false;
  }
  async function useMyLocation(): Promise<void> {
    hideConsent();
    locateButton.disabled = true;
    status.textContent = '正在定位…';
    const fix = await locate();
    locateButton.disabled = false;
    if (!fix.ok) {
      status.textContent = fix.message.replace('填写地址或地标', '输入你在哪里');
      return;
    }
    await search({ lat: fix.position.lat, lng: fix.position.lng });
  }

  const typed = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  place.value = typed;
  void search(typed ? { q: typed } : null, typed);
}

const root = document.getElementById('app');
if (root) {
  render(root);
  void showColdAlert({ linkToFinder: false });
}
