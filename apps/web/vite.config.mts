import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser UI: built into dist/web, which the API serves at `/` under a strict CSP, so
 * the build must emit no inline script or style (modulePreload's polyfill is bundled).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
