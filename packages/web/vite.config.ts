import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Writes dist/sw.js from sw/sw.js with the list of files to precache (index.html, the manifest,
 * the icons and every built asset) and a version made from that list, so each build with new
 * assets is a new service worker. Hand-written rather than vite-plugin-pwa: see sw/sw.js.
 */
function serviceWorker(): Plugin {
  return {
    name: 'warmline-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const icons = readdirSync(page('./public/icons')).map((f) => `/icons/${f}`);
      const assets = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/') && !f.endsWith('.map'))
        .map((f) => `/${f}`);
      const precache = ['/index.html', '/manifest.webmanifest', '/favicon.svg', ...icons, ...assets].sort();
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(page('./sw/sw.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `self.__PRECACHE__ = ${JSON.stringify(precache)};\nself.__VERSION__ = '${version}';\n${source}`,
      });
    },
  };
}

// Four pages. index.html is the staff SPA (React + Ant Design); the server serves it with an
// SPA fallback, so every staff route loads it from '/'. report.html is the public report page,
// sentinel.html the sentinels' page and shelters.html the public shelter finder (plain
// TypeScript, ≤ 60 KB gzipped on first load); the server serves them for /report,
// /report/<code>, /sentinel and /shelters. Assets are referenced from the
// root (base '/'), so nested paths work.
export default defineConfig({
  base: '/',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // public/boundaries holds one GeoJSON per city; they are fetched on demand, not bundled.
    copyPublicDir: true,
    // Vite 8 bundles with Rolldown: `rolldownOptions` (`rollupOptions` is a deprecated alias).
    rolldownOptions: {
      input: {
        index: page('./index.html'),
        report: page('./report.html'),
        sentinel: page('./sentinel.html'),
        shelters: page('./shelters.html'),
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
