/** Pieces both pages show: the codes this device sent, and looking up a code. */
import { normaliseTrackingCode, trackingCodePattern } from '@warmline/domain';
import { h } from './dom.ts';
import { formatDateTime, groupCode } from './format.ts';
import { submittedCodes } from './storage.ts';

export const statusPath = (code: string) => `/report/${code}`;

/** Moves within the page without a reload (the HTML is the same for /report and /report/<code>). */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A link that navigates in-page, but still opens normally in a new tab. */
export function pageLink(path: string, attrs: Record<string, string>, ...text: string[]): HTMLAnchorElement {
  return h(
    'a',
    {
      ...attrs,
      href: path,
      onclick: (event: Event) => {
        const e = event as MouseEvent;
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(path);
      },
    },
    ...text,
  );
}

/** 「我上报的线索」: the codes this phone sent, newest first; nothing when there are none. */
export function myCodesSection(current?: string): HTMLElement | null {
  const codes = submittedCodes();
  if (codes.length === 0) return null;
  return h(
    'section',
    { class: 'card my-codes', 'aria-labelledby': 'my-codes-title', 'data-testid': 'my-codes' },
    h('h2', { id: 'my-codes-title' }, '我上报的线索'),
    h('p', { class: 'hint' }, '只保存在这台手机上。点编号查看处理进度。'),
    h(
      'ul',
      null,
      codes.map((c) =>
        h(
          'li',
          null,
          c.code === current
            ? h('span', { class: 'code-link current', 'aria-current': 'page' }, groupCode(c.code))
            : pageLink(statusPath(c.code), { class: 'code-link', 'data-code': c.code }, groupCode(c.code)),
          h('span', { class: 'when' }, `${formatDateTime(c.at)} 上报`),
        ),
      ),
    ),
  );
}

/** 「查询处理进度」: accepts lower case, spaces and dashes, and O/I/L for 0/1/1. */
export function lookupSection(title = '查询处理进度'): HTMLElement {
  const input = h('input', {
    id: 'lookup-code',
    name: 'code',
    type: 'text',
    inputmode: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 20,
    placeholder: '例如 7K2M 9PQ0',
    'aria-describedby': 'lookup-hint',
    'data-testid': 'lookup-input',
  });
  const error = h('p', { class: 'field-error', id: 'lookup-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    {
      class: 'card lookup',
      novalidate: true,
      'aria-labelledby': 'lookup-title',
      'data-testid': 'lookup-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const code = normaliseTrackingCode(input.value);
        if (!trackingCodePattern.test(code)) {
          error.textContent = input.value.trim() ? '编号是 8 位字母或数字，请检查后再查' : '请输入线索编号';
          error.hidden = false;
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', 'lookup-hint lookup-error');
          input.focus();
          return;
        }
        error.hidden = true;
        input.removeAttribute('aria-invalid');
        navigate(statusPath(code));
      },
    },
    h('h2', { id: 'lookup-title' }, title),
    h('label', { for: 'lookup-code' }, '线索编号'),
    h('p', { class: 'hint', id: 'lookup-hint' }, '提交成功后显示的 8 位编号，大小写都可以。'),
    h(
      'div',
      { class: 'inline' },
      input,
      h('button', { type: 'submit', class: 'btn secondary', 'data-testid': 'lookup-submit' }, '查询'),
    ),
    error,
  );
  return form;
}
