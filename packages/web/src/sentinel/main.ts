/**
 * /sentinel — the 信息哨点 page: register (or paste a token), wait for the bureau's approval,
 * then report and follow each report's outcome. Plain TypeScript on the public pages' small
 * helpers (no React, no Ant Design), so it opens fast on a weak mobile network.
 */
import '../report/report.css';
import './sentinel.css';
import { showColdAlert } from '../report/alert.ts';
import { failureText } from '../report/api.ts';
import { h, replace } from '../report/dom.ts';
import { fetchMe } from './api.ts';
import { renderHome } from './home.ts';
import { renderRegister } from './register.ts';
import { loadToken, saveToken } from './storage.ts';

async function show(root: HTMLElement, notice?: string): Promise<void> {
  const token = loadToken();
  if (!token) {
    renderRegister(root, () => void show(root), notice);
    return;
  }
  const result = await fetchMe(token);
  if (result.ok) {
    renderHome(root, token, result.data, () => void show(root));
  } else if (result.kind === 'http' && result.status === 401) {
    // The token is no longer known (or was mistyped): start again.
    saveToken(null);
    renderRegister(root, () => void show(root), '这台手机保存的哨点口令已失效，请重新注册或输入口令。');
  } else {
    replace(
      root,
      h(
        'section',
        { class: 'card' },
        h('p', { class: 'field-error' }, failureText(result)),
        h('button', { type: 'button', class: 'btn primary wide', onclick: () => void show(root) }, '重试'),
      ),
    );
  }
  window.scrollTo(0, 0);
}

const root = document.getElementById('app');
if (root) {
  void show(root);
  void showColdAlert({ linkToFinder: true, ask: '请多留意街面、桥下、车站等处的遇困人员，发现后立即上报。' });
}
