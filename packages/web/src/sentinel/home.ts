/**
 * The sentinel's own page once registered: who they are and where their registration stands;
 * once approved, a short report form (place, what they saw, a few words) and 「我的上报」 with
 * what became of each report, in the plain words the public is told.
 */
import {
  type LeadDescriptor,
  leadDescriptorLabels,
  leadDescriptors,
  publicLeadStatusLabels,
  sentinelOrgTypeLabels,
  trustLevelLabels,
} from '@warmline/domain';
import { failureText, type NewLead } from '../report/api.ts';
import { h, icon, icons, replace } from '../report/dom.ts';
import { formatDateTime, groupCode } from '../report/format.ts';
import { canLocate, describeAccuracy, locate, type Position } from '../report/geo.ts';
import { randomUuid } from '../report/storage.ts';
import { ADDRESS_MAX, DESCRIPTION_MAX, validate } from '../report/validate.ts';
import { fetchMyReports, type Me, submitReport } from './api.ts';
import { saveToken } from './storage.ts';

const stateWords: Record<Me['state'], { title: string; body: string }> = {
  pending: {
    title: '待审核',
    body: '民政局正在核实你的身份，通过后就可以在这里上报。可以稍后再打开这个页面看看。',
  },
  approved: { title: '已通过审核', body: '发现有人需要帮助，在下面告诉我们在哪里、看到了什么。' },
  rejected: {
    title: '未通过审核',
    body: '你的申请没有通过。如有疑问请联系当地民政局。也可以在「群众上报」页面上报线索。',
  },
  suspended: {
    title: '已暂停',
    body: '你的哨点身份暂时停用，暂不能以哨点身份上报。如有疑问请联系当地民政局。',
  },
};

export function renderHome(root: HTMLElement, token: string, me: Me, refresh: () => void): void {
  document.title = '信息哨点 · 暖线';
  const words = stateWords[me.state];
  const reports = h('section', {
    class: 'card my-reports',
    'data-testid': 'my-reports',
    'aria-labelledby': 'my-reports-title',
  });
  replace(
    root,
    h(
      'header',
      { class: 'intro' },
      h('h1', { tabindex: -1 }, `${me.displayName}，你好`),
      h(
        'p',
        { class: 'lead' },
        `信息哨点 · ${sentinelOrgTypeLabels[me.orgType].zh}`,
        me.state === 'approved'
          ? h('span', { class: 'trust', 'data-testid': 'trust' }, trustLevelLabels[me.trust.level].zh)
          : null,
      ),
    ),
    h(
      'section',
      { class: `card state state-${me.state}`, 'data-testid': 'sentinel-state', 'data-state': me.state },
      h('h2', null, words.title),
      h('p', null, words.body),
      me.state === 'approved'
        ? null
        : h(
            'button',
            { type: 'button', class: 'btn secondary wide', 'data-testid': 'refresh', onclick: refresh },
            '刷新审核状态',
          ),
    ),
    me.state === 'approved' ? reportForm(token, () => void loadReports()) : null,
    reports,
    h(
      'p',
      { class: 'center' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn quiet small',
          onclick: () => {
            saveToken(null);
            refresh();
          },
        },
        '退出哨点身份（这台手机不再保存口令）',
      ),
    ),
  );

  async function loadReports(): Promise<void> {
    const result = await fetchMyReports(token);
    const title = h('h2', { id: 'my-reports-title' }, '我的上报');
    if (!result.ok) {
      replace(reports, title, h('p', { class: 'field-error' }, failureText(result)));
      return;
    }
    const items = result.data.items;
    replace(
      reports,
      title,
      items.length === 0
        ? h('p', { class: 'hint' }, '还没有上报过。')
        : h(
            'ul',
            { class: 'report-list' },
            items.map((r) =>
              h(
                'li',
                { 'data-code': r.trackingCode, 'data-status': r.status },
                h(
                  'p',
                  { class: 'report-head' },
                  h('span', { class: `status status-${r.status}` }, publicLeadStatusLabels[r.status].zh),
                  h('span', { class: 'when' }, `${formatDateTime(r.receivedAt)} 上报`),
                ),
                h('p', null, r.address ?? r.descriptors.map((d) => leadDescriptorLabels[d].zh).join('、')),
                h(
                  'p',
                  { class: 'hint' },
                  `编号 ${groupCode(r.trackingCode)} · 更新于 ${formatDateTime(r.updatedAt)}`,
                ),
              ),
            ),
          ),
    );
  }
  void loadReports();
}

/** Place (GPS or words), what they saw (toggles), a few words — no phone: the token says who. */
function reportForm(token: string, reported: () => void): HTMLElement {
  const chosen = new Set<LeadDescriptor>();
  let position: Position | null = null;
  let clientId: string | null = null;
  const located = h('p', { class: 'located', 'aria-live': 'polite', hidden: true, 'data-testid': 'located' });
  const locateButton = h(
    'button',
    {
      type: 'button',
      class: 'btn secondary wide',
      'data-testid': 'locate',
      onclick: async () => {
        locateButton.disabled = true;
        const result = await locate();
        locateButton.disabled = false;
        position = result.ok ? result.position : null;
        replace(
          located,
          result.ok
            ? [icon(icons.check), `已获取位置，精度${describeAccuracy(result.position.accuracyM)}`]
            : result.message,
        );
        located.hidden = false;
      },
    },
    icon(icons.pin),
    '使用我的位置',
  );
  const address = h('input', {
    id: 'address',
    type: 'text',
    maxlength: ADDRESS_MAX,
    autocomplete: 'off',
    placeholder: '路名、桥、车站出口、商店…',
    'data-testid': 'address',
  });
  const toggles = leadDescriptors.map((d) =>
    h(
      'button',
      {
        type: 'button',
        class: 'toggle',
        'aria-pressed': 'false',
        'data-descriptor': d,
        onclick: (event: Event) => {
          if (chosen.has(d)) chosen.delete(d);
          else chosen.add(d);
          (event.currentTarget as HTMLElement).setAttribute('aria-pressed', String(chosen.has(d)));
        },
      },
      leadDescriptorLabels[d].zh,
    ),
  );
  const description = h('textarea', {
    id: 'description',
    rows: 3,
    maxlength: DESCRIPTION_MAX,
    placeholder: '例如：桥洞下有位老人，穿得很少',
    'data-testid': 'description',
  });
  const message = h('div', { class: 'alert', role: 'alert', hidden: true, 'data-testid': 'report-message' });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn primary big', 'data-testid': 'submit' },
    '上报线索',
  );

  const say = (lines: string[] | null, tone = '') => {
    message.hidden = !lines;
    message.className = `alert ${tone}`;
    replace(
      message,
      (lines ?? []).map((l) => h('p', null, l)),
    );
  };

  const form = h(
    'form',
    {
      class: 'card report-form',
      novalidate: true,
      'data-testid': 'sentinel-report-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const values = {
          descriptors: leadDescriptors.filter((d) => chosen.has(d)),
          description: description.value,
          address: address.value,
          position,
          phone: '',
          callBack: false,
        };
        const problems = Object.values(validate(values));
        if (problems.length) {
          say(problems);
          return;
        }
        clientId ??= randomUuid();
        const lead: NewLead = { descriptors: values.descriptors, clientId };
        if (values.description.trim()) lead.description = values.description.trim();
        if (values.address.trim()) lead.address = values.address.trim();
        if (position) Object.assign(lead, position);
        submit.disabled = true;
        submit.textContent = '正在上报…';
        const result = await submitReport(token, lead);
        submit.disabled = false;
        submit.textContent = '上报线索';
        if (!result.ok) {
          // A lost reply is resent with the same id, so the report is not filed twice.
          say([failureText(result), '填写的内容都还在，可以再点一次「上报线索」。'], '');
          return;
        }
        clientId = null;
        chosen.clear();
        for (const t of toggles) t.setAttribute('aria-pressed', 'false');
        address.value = '';
        description.value = '';
        position = null;
        located.hidden = true;
        say(
          [`已上报，编号 ${groupCode(result.data.trackingCode)}。谢谢你！处理进度会显示在「我的上报」里。`],
          'ok',
        );
        reported();
      },
    },
    h('h2', null, '上报线索'),
    h('p', { class: 'label' }, '在哪里？'),
    canLocate() ? locateButton : null,
    located,
    h('label', { for: 'address' }, '地址或地标'),
    address,
    h('p', { class: 'label', id: 'what-label' }, '看到了什么？'),
    h('div', { class: 'toggles', role: 'group', 'aria-labelledby': 'what-label' }, toggles),
    h('label', { for: 'description' }, '简单描述（可不填）'),
    description,
    message,
    submit,
  );
  return form;
}
