import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by Electron (app://) or by browser mode (HTTP on 127.0.0.1).
// `npm run dev` proxies /api to a browser-mode core started with a fixed token (scripts/dev.mjs).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': {
        target: `http://127.0.0.1:${process.env.PATENT_DESK_DEV_CORE_PORT ?? '5174'}`,
        headers: { 'X-Desk-Token': process.env.PATENT_DESK_WEB_TOKEN ?? '' },
      },
    },
  },
});
