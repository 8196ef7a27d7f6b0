import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The resident page (`/r/<token>`, issue 30), built on its own into dist/apps/console/resident: one
// self-contained script (React included, no chunk shared with the console) and one stylesheet, which
// the gateway puts inline into the page it sends, so a phone on a slow line makes one request, not four.
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../dist/apps/console/resident'),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: false,
    rollupOptions: { input: { resident: resolve(__dirname, 'resident.html') } },
  },
});
