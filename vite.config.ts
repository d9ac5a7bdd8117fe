import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only: main, preload and backend are bundled by esbuild (scripts/build.ts).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The CSP forbids inline scripts and styles, so nothing may be inlined as a data URL module.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
