/**
 * The public report pages: /report (the form) and /report/<code> (its progress). One small
 * HTML page with plain TypeScript — no React, no Ant Design — so it opens fast on a weak
 * mobile network. The server sends the same report.html for both paths; the path decides.
 */
import './report.css';
import { showColdAlert } from './alert.ts';
import { renderReportPage } from './form.ts';
import { renderStatusPage } from './status.ts';

function route(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const path = window.location.pathname.replace(/\/+$/, '');
  const match = /^\/report\/([^/]+)$/.exec(path);
  let code: string | null = null;
  if (match?.[1] && match[1] !== 'index.html') {
    try {
      code = decodeURIComponent(match[1]);
    } catch {
      code = match[1];
    }
  }
  if (code !== null) renderStatusPage(root, code);
  else renderReportPage(root);
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', route);
route();
void showColdAlert({ linkToFinder: true });
