import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// Two pages. index.html is the staff SPA (React + Ant Design); the server serves it with an
// SPA fallback, so every staff route loads it from '/'. report.html is the public report page
// (plain TypeScript, ≤ 60 KB gzipped on first load); the server serves it for /report and
// /report/<code>. Assets are referenced from the root (base '/'), so nested paths work.
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
      input: { index: page('./index.html'), report: page('./report.html') },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
