import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by Electron (app://) or by browser mode (HTTP on 127.0.0.1).
// `npm run dev` proxies /api to a browser-mode core started with a fixed token (scripts/dev.mjs). The core accepts only
// its own Host and Origin (DNS rebinding, other local pages), so the proxy presents the call as coming from there.
const CORE = `127.0.0.1:${process.env.PATENT_DESK_DEV_CORE_PORT ?? '5174'}`;
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
        target: `http://${CORE}`,
        changeOrigin: true,
        headers: { 'x-desk-token': process.env.PATENT_DESK_WEB_TOKEN ?? '', origin: `http://${CORE}` },
      },
    },
  },
});
