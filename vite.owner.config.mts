import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The owner's page: built from the cashier window's own renderer code (components, i18n,
 * formatting) into out/owner, which the shop server serves. A build of its own, apart from
 * electron-vite, so the server's image can build it without Electron.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'src/shared'),
      '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
    },
  },
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/owner'),
    emptyOutDir: true,
    minify: true,
    rollupOptions: { input: { owner: resolve(import.meta.dirname, 'src/renderer/owner.html') } },
  },
});
