import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverPort = process.env.SAMVERKA_DEV_SERVER_PORT ?? '8787';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Two copies of Yjs in one page break `instanceof` checks and corrupt sync.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/core', '@tiptap/pm', 'react', 'react-dom'],
  },
  build: {
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
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
