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
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
});
