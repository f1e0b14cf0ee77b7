/**
 * Becoming a sentinel: name, phone, kind of work (big toggles), workplace and county. The token
 * the server answers with is kept on this phone; someone who already has one pastes it instead.
 */
import { type SentinelOrgType, sentinelOrgTypeLabels, sentinelOrgTypes } from '@warmline/domain';
import { failureText } from '../report/api.ts';
import { h, replace } from '../report/dom.ts';
import { normalisePhone } from '../report/validate.ts';
import { fetchMe, fetchRegions, register } from './api.ts';
import { saveToken } from './storage.ts';
import {
  cleanToken,
  NAME_MAX,
  ORG_NAME_MAX,
  type RegistrationField,
  type RegistrationProblems,
  validateRegistration,
} from './validate.ts';

export function renderRegister(root: HTMLElement, onDone: () => void, notice?: string): void {
  document.title = '成为信息哨点 · 暖线';
  let orgType: SentinelOrgType | null = null;
  const errors = {} as Record<RegistrationField, HTMLElement>;
  const fieldError = (f: RegistrationField) => {
    errors[f] = h('p', { class: 'field-error', id: `${f}-error`, hidden: true });
    return errors[f];
  };
  const text = (id: string, attrs: Record<string, string | number>) =>
    h('input', { id, name: id, type: 'text', autocomplete: 'off', 'data-testid': `reg-${id}`, ...attrs });
  const name = text('displayName', {
    maxlength: NAME_MAX,
    autocomplete: 'name',
    placeholder: '例如：王桂英',
  });
  const phone = text('phone', { type: 'tel', inputmode: 'tel', maxlength: 20, placeholder: '11 位手机号' });
  const orgName = text('orgName', {
    maxlength: ORG_NAME_MAX,
    placeholder: '例如：浈江区环境卫生管理所（可不填）',
  });
  const region = h(
    'select',
    { id: 'regionCode', name: 'regionCode', 'data-testid': 'reg-region' },
    h('option', { value: '' }, '不确定 / 全市'),
  );
  void fetchRegions().then((result) => {
    if (!result.ok) return;
    const [city, ...counties] = result.data.items;
    if (city) region.options[0]!.textContent = `不确定 / 全${city.name}`;
    for (const c of counties) region.append(h('option', { value: c.code }, c.name));
  });
  const toggles = sentinelOrgTypes.map((t) =>
    h(
      'button',
      {
        type: 'button',
        class: 'toggle',
        'aria-pressed': 'false',
        'data-org-type': t,
        onclick: () => {
          orgType = t;
          for (const b of toggles) b.setAttribute('aria-pressed', String(b.dataset.orgType === t));
          show({ ...currentProblems, orgType: undefined });
        },
      },
      sentinelOrgTypeLabels[t].zh,
    ),
  );
  const summary = h('div', { class: 'alert', role: 'alert', hidden: true, 'data-testid': 'reg-errors' });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn primary big', 'data-testid': 'reg-submit' },
    '申请成为哨点',
  );
  let currentProblems: RegistrationProblems = {};

  function show(problems: RegistrationProblems): void {
    currentProblems = problems;
    for (const [field, el] of Object.entries(errors) as [RegistrationField, HTMLElement][]) {
      el.textContent = problems[field] ?? '';
      el.hidden = !problems[field];
    }
    if (!Object.values(problems).some(Boolean)) alert(null);
  }

  // A corrected field drops its message at once; the summary goes with the last one.
  for (const [field, el] of [
    ['displayName', name],
    ['phone', phone],
    ['orgName', orgName],
  ] as const) {
    el.addEventListener('input', () => show({ ...currentProblems, [field]: undefined }));
  }

  function alert(message: string | null): void {
    summary.hidden = !message;
    replace(summary, message ? h('p', null, message) : null);
  }

  async function onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const values = { displayName: name.value, phone: phone.value, orgType, orgName: orgName.value };
    const problems = validateRegistration(values);
    show(problems);
    if (Object.keys(problems).length) {
      alert('请补充或修改标出的内容');
      return;
    }
    alert(null);
    submit.disabled = true;
    submit.textContent = '正在提交…';
    const result = await register({
      displayName: values.displayName.trim(),
      phone: normalisePhone(values.phone)!,
      orgType: orgType!,
      ...(values.orgName.trim() ? { orgName: values.orgName.trim() } : {}),
      ...(region.value ? { regionCode: region.value } : {}),
    });
    submit.disabled = false;
    submit.textContent = '申请成为哨点';
    if (!result.ok) {
      alert(failureText(result));
      return;
    }
    saveToken(result.data.token);
    onDone();
  }

  // ── Someone who already has a token (a new phone, or given one by the bureau) ──────────
  const tokenInput = h('input', {
    id: 'token',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    placeholder: '粘贴或输入口令',
    'data-testid': 'token-input',
  });
  const tokenError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const tokenForm = h(
    'form',
    {
      class: 'card',
      novalidate: true,
      'data-testid': 'token-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const token = cleanToken(tokenInput.value);
        const result = token ? await fetchMe(token) : null;
        if (token && result?.ok) {
          saveToken(token);
          onDone();
          return;
        }
        tokenError.textContent =
          !result || result.ok || (result.kind === 'http' && result.status === 401)
            ? '口令不对，请检查后再输入'
            : failureText(result);
        tokenError.hidden = false;
      },
    },
    h('h2', null, '已有哨点身份？输入口令'),
    h('p', { class: 'hint' }, '注册时显示的口令，或民政局工作人员告诉你的口令。'),
    h(
      'div',
      { class: 'inline' },
      tokenInput,
      h('button', { type: 'submit', class: 'btn secondary', 'data-testid': 'token-submit' }, '进入'),
    ),
    tokenError,
  );

  replace(
    root,
    h(
      'header',
      { class: 'intro' },
      h('h1', { tabindex: -1 }, '成为信息哨点'),
      h(
        'p',
        { class: 'lead' },
        '环卫工人、快递员、外卖骑手、公交/出租司机、安保人员和志愿者，每天都在街上。发现有人在寒冷中需要帮助，一键告诉救助人员。',
      ),
    ),
    notice ? h('p', { class: 'alert', role: 'status' }, notice) : null,
    h(
      'form',
      {
        class: 'card register-form',
        novalidate: true,
        'data-testid': 'register-form',
        onsubmit: (e: Event) => void onSubmit(e),
      },
      h('label', { for: 'displayName' }, '姓名'),
      name,
      fieldError('displayName'),
      h('label', { for: 'phone' }, '手机号'),
      h('p', { class: 'hint' }, '只有民政局工作人员能看到，用于核实身份。'),
      phone,
      fieldError('phone'),
      h('p', { class: 'label', id: 'org-type-label' }, '你的工作'),
      h('div', { class: 'toggles', role: 'group', 'aria-labelledby': 'org-type-label' }, toggles),
      fieldError('orgType'),
      h('label', { for: 'orgName' }, '单位名称（可不填）'),
      orgName,
      fieldError('orgName'),
      h('label', { for: 'regionCode' }, '所在区县'),
      region,
      summary,
      submit,
      h('p', { class: 'hint center' }, '提交后由民政局审核，通过后就可以上报。'),
    ),
    tokenForm,
  );
}
