import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

const serverPort = process.env.SAMVERKA_DEV_SERVER_PORT ?? '8787';
// Source maps are 11 MB and show the whole source: only a build that asks for them has them
// (`SOURCE_MAPS=1 pnpm build`), and the server serves them only with SERVE_SOURCE_MAPS=true.
const sourceMaps = process.env.SOURCE_MAPS === '1' || process.env.SOURCE_MAPS === 'true';

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // Two copies of Yjs in one page break `instanceof` checks and corrupt sync.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/core', '@tiptap/pm', 'react', 'react-dom'],
  },
  build: {
    chunkSizeWarningLimit: 4000,
    // Every browser we support preloads modules itself: the polyfill was 0.5 KB of the sign-in page.
    modulePreload: { polyfill: false },
    sourcemap: sourceMaps,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/healthz': `http://localhost:${serverPort}`,
      '/sync': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
});
