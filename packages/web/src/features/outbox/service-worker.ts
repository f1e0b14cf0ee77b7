/**
 * Registers /sw.js (source: packages/web/sw/sw.js, its precache list written at build time by
 * the plugin in vite.config.ts). Only from the patrol page, so desktop screens and the public
 * /report and /sentinel pages never load or cache the app for offline use.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
