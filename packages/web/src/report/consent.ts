/**
 * 读取你现在的位置？ — asked before the browser is: what the position is for, in the page's own
 * words, then yes or no. The report form and the shelter finder both ask this way.
 */
import { h } from './dom.ts';

export function consentBox(why: string, onYes: () => void, onNo: () => void): HTMLDivElement {
  return h(
    'div',
    { class: 'consent', role: 'group', 'aria-labelledby': 'consent-title', hidden: true },
    h('p', { id: 'consent-title' }, h('strong', null, '读取你现在的位置？')),
    h('p', null, why),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', class: 'btn primary', 'data-testid': 'consent-yes', onclick: onYes },
        '好的，读取位置',
      ),
      h('button', { type: 'button', class: 'btn quiet', onclick: onNo }, '不用了'),
    ),
  );
}
