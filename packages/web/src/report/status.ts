/**
 * Page 2 — /report/<code>: what happened to a report, in plain words. The public sees only
 * the public status (received, dispatched, helped, not found, closed), never internal detail.
 */
import {
  errorCatalog,
  normaliseTrackingCode,
  type PublicLeadStatus,
  publicLeadStatusLabels,
  trackingCodePattern,
} from '@warmline/domain';
import { fetchLeadStatus, type LeadStatusView } from './api.ts';
import { h, replace } from './dom.ts';
import { formatClock, formatDateTime, groupCode } from './format.ts';
import { lookupSection, myCodesSection, pageLink, statusPath } from './shared.ts';

const explanations: Record<PublicLeadStatus, string> = {
  received: '线索已经收到，救助人员正在安排前往核实。',
  dispatched: '救助队已经出发，正在前往你说的地点。',
  helped: '救助队已经找到这个人，并提供了帮助。谢谢你的关心！',
  not_found: '救助队到了现场，但没有找到这个人。之后的巡查会继续留意这个地方。',
  closed: '这条线索已经办结。谢谢你的关心！',
};

type StepState = 'done' | 'current' | 'pending' | 'skipped';

interface Step {
  label: string;
  state: StepState;
  /** The not-found outcome is not a failure, but it is not the happy end either. */
  tone?: 'warn' | 'final';
}

/** Steps not reached are named as what may happen, not as what has (no 「已…」 claims). */
const ahead = { dispatched: '派出救助队', helped: '找到并救助', closed: '办结' };

/** 已受理 → 已派出救助队 → 已找到并救助 / 未找到，将继续巡查 → 已办结 */
export function stepsFor(status: PublicLeadStatus): Step[] {
  const L = publicLeadStatusLabels;
  const reached = (key: 'dispatched' | 'helped' | 'closed', state: StepState): Step =>
    state === 'done' || state === 'current'
      ? { label: L[key].zh, state, ...(key !== 'dispatched' && state === 'current' ? { tone: 'final' } : {}) }
      : { label: ahead[key], state };
  switch (status) {
    case 'received':
      return [
        { label: L.received.zh, state: 'current' },
        reached('dispatched', 'pending'),
        reached('helped', 'pending'),
        reached('closed', 'pending'),
      ];
    case 'dispatched':
      return [
        { label: L.received.zh, state: 'done' },
        reached('dispatched', 'current'),
        reached('helped', 'pending'),
        reached('closed', 'pending'),
      ];
    case 'helped':
      return [
        { label: L.received.zh, state: 'done' },
        reached('dispatched', 'done'),
        reached('helped', 'current'),
        reached('closed', 'pending'),
      ];
    case 'not_found':
      return [
        { label: L.received.zh, state: 'done' },
        reached('dispatched', 'done'),
        { label: L.not_found.zh, state: 'current', tone: 'warn' },
        reached('closed', 'pending'),
      ];
    case 'closed':
      // Closed says nothing about whether a team went (a duplicate is closed too): do not claim it.
      return [
        { label: L.received.zh, state: 'done' },
        reached('dispatched', 'skipped'),
        reached('helped', 'skipped'),
        reached('closed', 'current'),
      ];
  }
}

const stepWords: Record<StepState, string> = {
  done: '已完成',
  current: '当前',
  pending: '未到',
  skipped: '',
};

export function renderStatusPage(root: HTMLElement, rawCode: string): void {
  const code = normaliseTrackingCode(rawCode);
  document.title = `线索 ${code} 的处理进度 · 暖线`;
  if (code !== rawCode && trackingCodePattern.test(code)) {
    // Keep the address bar canonical, so a copied link is the clean one.
    window.history.replaceState(null, '', statusPath(code));
  }

  const body = h('div', { class: 'status-body', 'aria-live': 'polite', 'aria-busy': 'true' });
  const heading = h('h1', { tabindex: -1 }, '线索处理进度');
  replace(
    root,
    h(
      'header',
      { class: 'intro' },
      heading,
      h('p', { class: 'code-label' }, '线索编号'),
      h(
        'p',
        { class: 'tracking-code small', 'data-testid': 'status-code', 'data-code': code },
        groupCode(code),
      ),
    ),
    body,
    lookupSection('查询其他编号'),
    myCodesSection(code),
    h('p', { class: 'center' }, pageLink('/report', { class: 'btn quiet wide' }, '上报新的线索')),
  );
  heading.focus();

  if (!trackingCodePattern.test(code)) {
    showMissing(body, '编号格式不对', '线索编号是 8 位字母或数字。请检查后在下面重新输入。');
    return;
  }

  let last: LeadStatusView | null = null;
  const load = async (): Promise<void> => {
    body.setAttribute('aria-busy', 'true');
    if (!last) replace(body, h('p', { class: 'card loading' }, '正在查询…'));
    const refresh = body.querySelector<HTMLButtonElement>('[data-testid="refresh"]');
    if (refresh) {
      refresh.disabled = true;
      refresh.textContent = '正在刷新…';
    }
    const result = await fetchLeadStatus(code);
    body.setAttribute('aria-busy', 'false');
    if (result.ok && result.data?.status && result.data.status in publicLeadStatusLabels) {
      last = result.data;
      showStatus(body, last, new Date(), null, load);
    } else if (!result.ok && result.kind === 'http' && result.code === 'NOT_FOUND') {
      last = null;
      showMissing(
        body,
        '没有找到这个编号',
        '请检查编号是否输入正确。刚刚提交的线索，如果暂时查不到，请过一会儿再试。',
      );
    } else {
      const problem =
        !result.ok && result.kind === 'http'
          ? errorCatalog[result.code].zh
          : '网络不好，没有查询成功，请稍后再试。';
      if (last) showStatus(body, last, null, problem, load);
      else
        replace(
          body,
          h(
            'div',
            { class: 'card alert', role: 'alert', 'data-testid': 'status-error' },
            h('p', null, problem),
            h(
              'button',
              {
                type: 'button',
                class: 'btn secondary',
                'data-testid': 'refresh',
                onclick: () => void load(),
              },
              '重试',
            ),
          ),
        );
    }
  };
  void load();
}

function showStatus(
  body: HTMLElement,
  view: LeadStatusView,
  refreshedAt: Date | null,
  problem: string | null,
  reload: () => Promise<void>,
): void {
  const label = publicLeadStatusLabels[view.status].zh;
  const previous = body.querySelector('[data-testid="refreshed-at"]')?.textContent ?? '';
  replace(
    body,
    h(
      'section',
      {
        class: `card status status-${view.status}`,
        'data-testid': 'lead-status',
        'data-status': view.status,
      },
      h('p', { class: 'status-now' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), label),
      h('p', { class: 'lead' }, explanations[view.status]),
      h(
        'ol',
        { class: 'steps', 'aria-label': '处理步骤' },
        stepsFor(view.status).map((step, i) =>
          h(
            'li',
            {
              class: `step-${step.state}${step.tone ? ` tone-${step.tone}` : ''}`,
              'aria-current': step.state === 'current' ? 'step' : null,
            },
            h(
              'span',
              { class: 'marker', 'aria-hidden': 'true' },
              step.state === 'done' || step.tone === 'final' ? '✓' : String(i + 1),
            ),
            h('span', { class: 'label' }, step.label),
            stepWords[step.state] ? h('span', { class: 'sr-only' }, `（${stepWords[step.state]}）`) : null,
          ),
        ),
      ),
      h(
        'dl',
        { class: 'times' },
        h('dt', null, '受理时间'),
        h('dd', { 'data-testid': 'received-at' }, formatDateTime(view.receivedAt)),
        h('dt', null, '最近更新'),
        h('dd', { 'data-testid': 'updated-at' }, formatDateTime(view.updatedAt)),
      ),
      h('p', { class: 'hint' }, '以上均为北京时间。'),
      problem
        ? h('p', { class: 'field-error', role: 'alert', 'data-testid': 'status-error' }, problem)
        : null,
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: 'btn secondary', 'data-testid': 'refresh', onclick: () => void reload() },
          '刷新',
        ),
        h(
          'span',
          { class: 'hint', 'data-testid': 'refreshed-at' },
          refreshedAt ? `${formatClock(refreshedAt)} 已刷新` : previous,
        ),
      ),
    ),
  );
}

function showMissing(body: HTMLElement, title: string, detail: string): void {
  replace(
    body,
    h(
      'section',
      { class: 'card missing', role: 'alert', 'data-testid': 'status-missing' },
      h('p', { class: 'status-now' }, title),
      h('p', null, detail),
    ),
  );
}
