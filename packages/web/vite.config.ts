import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ with an SPA fallback, so every route loads index.html from '/'.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // public/boundaries holds one GeoJSON per city; they are fetched on demand, not bundled.
    copyPublicDir: true,
    rolldownOptions: {
      treeshake: {
        // @warmline/domain builds zod schemas at module top level, which a bundler must keep
        // unless told the module is pure; it is (no IO by rule), so unused schemas — and zod
        // itself — stay out of screens that only need labels and permissions.
        moduleSideEffects: (id) => (/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) ? false : undefined),
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
