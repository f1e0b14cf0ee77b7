/**
 * Page 1 — /report: a member of the public tells us where someone may need help and what they
 * saw. Few fields, big targets, Chinese words; the form is never lost to a weak network.
 */
import { errorCatalog, type LeadDescriptor, leadDescriptorLabels, leadDescriptors } from '@warmline/domain';
import { fetchMapTiles, type NewLead, submitLead } from './api.ts';
import { consentBox } from './consent.ts';
import { h, icon, icons, replace } from './dom.ts';
import { groupCode } from './format.ts';
import { canLocate, describeAccuracy, locate, type Position } from './geo.ts';
import { photoPicker } from './photo-picker.ts';
import { lookupSection, myCodesSection, pageLink, statusPath } from './shared.ts';
import { deviceToken, loadDraft, randomUuid, rememberCode, saveDraft } from './storage.ts';
import {
  ADDRESS_MAX,
  DESCRIPTION_MAX,
  type Field,
  type FormValues,
  normalisePhone,
  type Problems,
  validate,
} from './validate.ts';

interface State {
  descriptors: Set<LeadDescriptor>;
  position: (Position & { source: 'gps' | 'map' }) | null;
  busy: boolean;
}

export function renderReportPage(root: HTMLElement): void {
  document.title = '发现有人需要帮助？· 暖线';
  const draft = loadDraft();
  const state: State = {
    descriptors: new Set(
      (draft?.descriptors ?? []).filter((d): d is LeadDescriptor =>
        (leadDescriptors as readonly string[]).includes(d),
      ),
    ),
    position: null,
    busy: false,
  };

  // ── Where ───────────────────────────────────────────────────────────────────────────────
  const locationStatus = h('div', { class: 'location-status', 'aria-live': 'polite', hidden: true });
  const locateButton = h(
    'button',
    { type: 'button', class: 'btn secondary wide', 'data-testid': 'locate', onclick: () => showConsent() },
    icon(icons.pin),
    '使用我的位置',
  );
  const consent = consentBox(
    '只读取这一次，用来让救助队找到这个人；不会持续跟踪你。接下来手机可能会询问是否允许，请点「允许」。',
    () => void useMyLocation(),
    () => hideConsent(),
  );
  const mapButton = h(
    'button',
    { type: 'button', class: 'btn secondary wide map-button', hidden: true, onclick: () => void pickOnMap() },
    icon(icons.map),
    '在地图上选点',
  );
  const address = h('input', {
    id: 'address',
    name: 'address',
    type: 'text',
    maxlength: ADDRESS_MAX,
    autocomplete: 'off',
    enterkeyhint: 'next',
    placeholder: '路名、桥、车站出口、商店…',
    'aria-describedby': 'address-hint address-error location-error',
    'data-testid': 'address',
  });
  address.value = draft?.address ?? '';
  const locationError = fieldError('location');
  const addressError = fieldError('address');

  // ── What ────────────────────────────────────────────────────────────────────────────────
  const toggles = leadDescriptors.map((d) =>
    h(
      'button',
      {
        type: 'button',
        class: 'toggle',
        'aria-pressed': state.descriptors.has(d) ? 'true' : 'false',
        'data-descriptor': d,
        onclick: (event: Event) => {
          const button = event.currentTarget as HTMLButtonElement;
          if (state.descriptors.has(d)) state.descriptors.delete(d);
          else state.descriptors.add(d);
          button.setAttribute('aria-pressed', String(state.descriptors.has(d)));
          clearProblem('details');
          persist();
        },
      },
      leadDescriptorLabels[d].zh,
    ),
  );
  const description = h('textarea', {
    id: 'description',
    name: 'description',
    rows: 4,
    maxlength: DESCRIPTION_MAX,
    placeholder: '例如：一位老人躺在桥洞下，穿得很少，叫他没有反应',
    'aria-describedby': 'description-count description-error',
    'data-testid': 'description',
  });
  description.value = draft?.description ?? '';
  const counter = h('p', { class: 'counter', id: 'description-count', 'aria-live': 'polite' });
  const detailsError = fieldError('details');
  const descriptionError = fieldError('description');
  const photos = photoPicker();

  // ── Contact ─────────────────────────────────────────────────────────────────────────────
  const phone = h('input', {
    id: 'phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    maxlength: 20,
    enterkeyhint: 'done',
    placeholder: '手机号或座机号',
    'aria-describedby': 'phone-hint phone-error',
    'data-testid': 'phone',
  });
  phone.value = draft?.phone ?? '';
  const callBack = h('input', {
    id: 'call-back',
    name: 'callBack',
    type: 'checkbox',
    'data-testid': 'call-back',
  });
  callBack.checked = draft?.callBack ?? false;
  const phoneError = fieldError('phone');

  // ── Submit ──────────────────────────────────────────────────────────────────────────────
  const summary = h('div', { class: 'alert', role: 'alert', 'data-testid': 'form-errors', hidden: true });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn primary big', 'data-testid': 'submit' },
    '提交线索',
  );

  const errorsByField: Record<Field, HTMLElement> = {
    location: locationError,
    address: addressError,
    details: detailsError,
    description: descriptionError,
    phone: phoneError,
  };
  const inputsByField: Record<Field, HTMLElement> = {
    location: address,
    address,
    details: toggles[0]!,
    description,
    phone,
  };

  const form = h(
    'form',
    {
      class: 'report-form',
      novalidate: true,
      'data-testid': 'report-form',
      onsubmit: (e: Event) => onSubmit(e),
    },
    h(
      'fieldset',
      { class: 'card' },
      h('legend', null, h('span', { class: 'step' }, '1'), '在哪里？'),
      canLocate()
        ? [locateButton, consent]
        : h('p', { class: 'hint' }, '这个网页无法读取手机位置，请在下面填写地址或地标。'),
      locationStatus,
      mapButton,
      h('label', { for: 'address' }, '地址或地标'),
      h(
        'p',
        { class: 'hint', id: 'address-hint' },
        '写下附近能认出来的地方，例如：韶关东站出站口、浈江区风度路桥洞。',
      ),
      address,
      addressError,
      locationError,
    ),
    h(
      'fieldset',
      { class: 'card' },
      h('legend', null, h('span', { class: 'step' }, '2'), '看到了什么？'),
      h('p', { class: 'hint', id: 'toggles-hint' }, '点选符合的情况，可以多选。'),
      h(
        'div',
        {
          class: 'toggles',
          role: 'group',
          'aria-labelledby': 'toggles-hint',
          'aria-describedby': 'details-error',
        },
        toggles,
      ),
      detailsError,
      h('label', { for: 'description' }, '简单描述（可不填）'),
      description,
      counter,
      descriptionError,
      photos.element,
    ),
    h(
      'fieldset',
      { class: 'card' },
      h('legend', null, h('span', { class: 'step' }, '3'), '你的电话（可不填）'),
      h('label', { for: 'phone' }, '电话'),
      h('p', { class: 'hint', id: 'phone-hint' }, '只有救助人员能看到，用于核实情况。不需要留姓名。'),
      phone,
      phoneError,
      h('label', { class: 'check', for: 'call-back' }, callBack, h('span', null, '可以回电给我')),
    ),
    summary,
    submit,
    h('p', { class: 'hint center' }, '提交后会得到一个编号，用它可以查询处理进度。'),
  );

  replace(
    root,
    h(
      'header',
      { class: 'intro' },
      h('h1', { tabindex: -1 }, '发现有人需要帮助？'),
      h(
        'p',
        { class: 'lead' },
        '告诉我们在哪里、看到了什么，附近的救助人员会尽快去看看。不用注册，也不用留名字。',
      ),
    ),
    form,
    myCodesSection(),
    lookupSection(),
  );

  // ── Behaviour ───────────────────────────────────────────────────────────────────────────
  function fieldError(field: Field): HTMLElement {
    return h('p', { class: 'field-error', id: `${field}-error`, hidden: true });
  }

  function updateCounter(): void {
    const n = description.value.length;
    counter.textContent = `${n} / ${DESCRIPTION_MAX}`;
    counter.classList.toggle('near', n > DESCRIPTION_MAX * 0.9);
  }
  updateCounter();

  function values(): FormValues {
    return {
      descriptors: leadDescriptors.filter((d) => state.descriptors.has(d)),
      description: description.value,
      address: address.value,
      position: state.position,
      phone: phone.value,
      callBack: callBack.checked,
    };
  }

  function persist(): void {
    const v = values();
    const empty = !v.descriptors.length && !v.description && !v.address && !v.phone && !v.callBack;
    saveDraft(
      empty
        ? null
        : {
            descriptors: v.descriptors,
            description: v.description,
            address: v.address,
            phone: v.phone,
            callBack: v.callBack,
          },
    );
  }

  description.addEventListener('input', () => {
    updateCounter();
    clearProblem('details');
    clearProblem('description');
    persist();
  });
  address.addEventListener('input', () => {
    clearProblem('location');
    clearProblem('address');
    persist();
  });
  phone.addEventListener('input', () => {
    clearProblem('phone');
    persist();
  });
  callBack.addEventListener('change', () => {
    clearProblem('phone');
    persist();
  });

  function showProblems(problems: Problems): void {
    const invalid = new Set<HTMLElement>();
    for (const field of Object.keys(errorsByField) as Field[]) {
      const message = problems[field];
      const el = errorsByField[field];
      el.textContent = message ?? '';
      el.hidden = !message;
      if (message && field !== 'details') invalid.add(inputsByField[field]);
    }
    for (const input of [address, description, phone]) {
      if (invalid.has(input)) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    const messages = Object.values(problems);
    showAlert(messages.length ? ['请补充或修改以下内容：', ...messages] : null);
  }

  function clearProblem(field: Field): void {
    const el = errorsByField[field];
    if (el.hidden) return;
    el.hidden = true;
    el.textContent = '';
    if (field !== 'details') inputsByField[field].removeAttribute('aria-invalid');
    if (Object.values(errorsByField).every((e) => e.hidden)) showAlert(null);
  }

  /** Validation problems come as a list; a failed send as plain sentences with a retry. */
  function showAlert(lines: string[] | null, retry = false): void {
    if (!lines) {
      summary.hidden = true;
      replace(summary);
      return;
    }
    const [head, ...rest] = lines;
    replace(
      summary,
      h('p', null, h('strong', null, head)),
      rest.length && !retry
        ? h(
            'ul',
            null,
            rest.map((line) => h('li', null, line)),
          )
        : null,
      retry ? rest.map((line) => h('p', null, line)) : null,
      retry ? h('button', { type: 'submit', class: 'btn secondary', 'data-testid': 'retry' }, '重试') : null,
    );
    summary.hidden = false;
  }

  function setBusy(busy: boolean): void {
    state.busy = busy;
    submit.disabled = busy;
    submit.setAttribute('aria-busy', String(busy));
    submit.textContent = busy ? '正在提交…' : '提交线索';
    form.classList.toggle('busy', busy);
  }

  function showConsent(): void {
    consent.hidden = false;
    locateButton.hidden = true;
    consent.querySelector('button')?.focus();
  }

  function hideConsent(): void {
    consent.hidden = true;
    locateButton.hidden = false;
    locateButton.focus();
  }

  function showPosition(): void {
    const p = state.position;
    if (!p) {
      replace(locationStatus);
      locationStatus.hidden = true;
      return;
    }
    const rough = p.accuracyM > 200;
    replace(
      locationStatus,
      h(
        'p',
        { class: 'located', 'data-testid': 'located' },
        icon(icons.check),
        p.source === 'gps' ? `已获取位置，精度${describeAccuracy(p.accuracyM)}` : '已在地图上选好位置',
      ),
      rough ? h('p', { class: 'hint' }, '位置不太精确，请再填写附近的地标，方便救助队找到。') : null,
      h(
        'button',
        {
          type: 'button',
          class: 'btn quiet small',
          onclick: () => {
            state.position = null;
            showPosition();
            locateButton.hidden = false;
            locateButton.focus();
          },
        },
        '清除位置',
      ),
    );
    locationStatus.hidden = false;
  }

  async function useMyLocation(): Promise<void> {
    consent.hidden = true;
    locateButton.hidden = false;
    locateButton.disabled = true;
    const label = locateButton.lastChild as Text;
    label.textContent = '正在定位…';
    const result = await locate();
    locateButton.disabled = false;
    label.textContent = '使用我的位置';
    if (result.ok) {
      state.position = { ...result.position, source: 'gps' };
      locateButton.hidden = true;
      clearProblem('location');
      showPosition();
    } else {
      replace(locationStatus, h('p', { class: 'field-error' }, result.message));
      locationStatus.hidden = false;
    }
  }

  // The map is offered only when tiles are configured; Leaflet loads only when it is tapped.
  void fetchMapTiles().then((tiles) => {
    if (!tiles) return;
    mapButton.hidden = false;
    mapButton.dataset.tiles = tiles.url;
    mapButton.dataset.attribution = tiles.attribution;
  });

  async function pickOnMap(): Promise<void> {
    const label = mapButton.lastChild as Text;
    label.textContent = '正在打开地图…';
    mapButton.disabled = true;
    try {
      const { pickPoint } = await import('./map-picker.ts');
      mapButton.disabled = false;
      label.textContent = '在地图上选点';
      const picked = await pickPoint({
        tileUrl: mapButton.dataset.tiles ?? '',
        attribution: mapButton.dataset.attribution ?? '',
        start: state.position,
      });
      if (picked) {
        state.position = { ...picked, source: 'map' };
        clearProblem('location');
        showPosition();
      }
      mapButton.focus();
    } catch {
      mapButton.disabled = false;
      label.textContent = '在地图上选点';
      replace(
        locationStatus,
        h('p', { class: 'field-error' }, '地图没有加载成功（网络可能较弱）。请填写地址或地标。'),
      );
      locationStatus.hidden = false;
    }
  }

  // One id per report, kept across retries until the server has answered with a code.
  let clientId: string | null = null;

  async function onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (state.busy) return;
    const v = values();
    const problems = validate(v);
    if (Object.keys(problems).length) {
      showProblems(problems);
      const first = (Object.keys(errorsByField) as Field[]).find((f) => problems[f]);
      if (first) inputsByField[first].focus();
      return;
    }
    showProblems({});
    clientId ??= randomUuid();
    const lead: NewLead = { descriptors: v.descriptors, deviceToken: deviceToken(), clientId };
    const text = v.description.trim();
    if (text) lead.description = text;
    const place = v.address.trim();
    if (place) lead.address = place;
    if (v.position) {
      lead.lat = v.position.lat;
      lead.lng = v.position.lng;
      lead.accuracyM = v.position.accuracyM;
    }
    const number = v.phone.trim() ? normalisePhone(v.phone) : null;
    if (number) lead.reporterPhone = number;
    lead.callBack = !!number && v.callBack;

    setBusy(true);
    await photos.ready();
    const result = await submitLead(lead, photos.photos());
    setBusy(false);
    if (result.ok && result.data?.trackingCode) {
      clientId = null;
      rememberCode(result.data.trackingCode);
      saveDraft(null);
      renderSuccess(root, result.data.trackingCode);
      return;
    }
    if (!result.ok && result.kind === 'http' && result.status < 500 && result.status !== 408) {
      // The server refused this content (or this pace): retrying as is will not help.
      showAlert([errorCatalog[result.code].zh]);
    } else {
      showAlert(
        [
          result.ok || result.kind === 'network'
            ? '网络不好，线索还没有提交成功。'
            : `${errorCatalog[result.code].zh}。线索还没有提交成功。`,
          '你填写的内容都还在，请稍后点「重试」。如果情况紧急，请直接拨打 110 / 120。',
        ],
        true,
      );
    }
    summary.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

function renderSuccess(root: HTMLElement, code: string): void {
  document.title = '已收到线索 · 暖线';
  const copied = h('p', { class: 'copied', role: 'status' });
  const heading = h('h1', { tabindex: -1 }, '已收到，谢谢你！');
  replace(
    root,
    h(
      'section',
      { class: 'card success', 'data-testid': 'report-success' },
      h('div', { class: 'success-mark', 'aria-hidden': 'true' }, '✓'),
      heading,
      h('p', { class: 'lead' }, '救助人员会尽快核实并前往。请记下这个编号，用它可以随时查询处理进度。'),
      h('p', { class: 'code-label' }, '线索编号'),
      h('p', { class: 'tracking-code', 'data-testid': 'tracking-code', 'data-code': code }, groupCode(code)),
      h(
        'button',
        {
          type: 'button',
          class: 'btn secondary',
          'data-testid': 'copy-code',
          onclick: async () => {
            copied.textContent = (await copyText(code)) ? '已复制编号' : '没有复制成功，请长按编号复制';
          },
        },
        '复制编号',
      ),
      copied,
      pageLink(statusPath(code), { class: 'btn primary big', 'data-testid': 'status-link' }, '查看处理进度'),
      h(
        'button',
        { type: 'button', class: 'btn quiet wide', onclick: () => renderReportPage(root) },
        '再报一条线索',
      ),
    ),
    myCodesSection(code),
  );
  window.scrollTo(0, 0);
  heading.focus();
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain HTTP has no clipboard API: fall back to a selected, off-screen field.
    const field = h('textarea', { class: 'offscreen', readonly: true });
    field.value = text;
    document.body.appendChild(field);
    field.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    field.remove();
    return ok;
  }
}
