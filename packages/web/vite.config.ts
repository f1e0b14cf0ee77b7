import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// Three pages. index.html is the staff SPA (React + Ant Design); the server serves it with an
// SPA fallback, so every staff route loads it from '/'. report.html is the public report page
// and sentinel.html the sentinels' page (plain TypeScript, ≤ 60 KB gzipped on first load); the
// server serves them for /report, /report/<code> and /sentinel. Assets are referenced from the
// root (base '/'), so nested paths work.
export default defineConfig({
  base: '/',
  plugins: [react()],
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
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
