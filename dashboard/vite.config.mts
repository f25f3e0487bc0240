import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The L&D dashboard: built into dist/dashboard, which the service serves at /dashboard/. */
export default defineConfig({
  root: here,
  base: '/dashboard/',
  // The dashboard has no public folder; the service's own files stay out of the bundle.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../dist/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    // chart.js is most of the bundle; anything far past it means something crept in.
    chunkSizeWarningLimit: 400,
    sourcemap: true,
  },
});
