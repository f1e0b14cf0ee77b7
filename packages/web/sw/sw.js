/**
 * The patrol phone's service worker, hand-written (about 50 lines) rather than vite-plugin-pwa /
 * Workbox: all it must do is keep the app shell for an offline reload, and a small file we can
 * read is more reliable than a plugin chain that must follow Vite 8 / Rolldown releases. The
 * build (vite.config.ts) writes the list of built files and a version into the first lines.
 *
 * - install: precache index.html, the manifest, the icons and every built asset.
 * - navigations (not /api, /report, /sentinel): network first, the cached index.html offline.
 * - /assets/* (hashed, immutable) and the precached files: cache first.
 * - everything else, and every /api call, goes to the network untouched: the data offline comes
 *   from the persisted query cache and the outbox, never from this worker.
 */
const PRECACHE = self.__PRECACHE__ ?? [];
const VERSION = self.__VERSION__ ?? 'dev';
const CACHE = `warmline-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('warmline-shell-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (/^\/(report|sentinel)(\/|$)/.test(url.pathname)) return;
    event.respondWith(
      fetch(request).catch(() =>
        caches.match('/index.html', { cacheName: CACHE }).then((hit) => hit ?? Response.error()),
      ),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
  }
});
