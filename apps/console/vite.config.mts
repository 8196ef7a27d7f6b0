import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the gateway at `/` (index.html) and `/sandbox` (GraphiQL), bundles under /assets.
// The resident page (`/r/<token>`) is built on its own: vite.resident.config.mts.
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../dist/apps/console'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'index.html'),
        sandbox: resolve(__dirname, 'sandbox.html'),
      },
    },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/console': 'http://127.0.0.1:4000', '/exports': 'http://127.0.0.1:4000' } },
});
